using EntityGraph.Core.Search;

namespace EntityGraph.Core.Tests;

public class SearchTextTests
{
    [Theory]
    [InlineData("ОсОО Электроника", "elektronika")]
    [InlineData("Elektronika LLC", "elektronika")]
    [InlineData("ООО «Электроника»", "elektronika")]
    [InlineData("TOO Électronique Ltd.", "electronique")]
    [InlineData("Müller GmbH", "muller")]
    [InlineData("Koch Systems S.A.S.", "koch systems")]
    [InlineData("Mueller Industrial s.r.o.", "mueller industrial")]
    [InlineData("Rossi Elettronica S.p.A.", "rossi elettronica")]
    [InlineData("J. Smith & Sons L.L.C.", "j smith sons")]
    public void case_diacritics_script_and_legal_forms_are_folded_away(string name, string expected) =>
        Assert.Equal(expected, string.Join(' ', SearchText.Tokens(name)));

    [Fact]
    public void word_order_does_not_matter() =>
        Assert.Equal(
            SearchText.Tokens("Ivanov Ivan Petrovich").Order(),
            SearchText.Tokens("Иван Петрович Иванов").Order());

    [Fact]
    public void a_name_of_legal_form_words_alone_keeps_them() => Assert.Equal(["ooo"], SearchText.Tokens("OOO"));
}
