using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Ownership;

public class ExposureCalculatorTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 27);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<Exposure> ExposureOf(FtmGraph graph, string partyId, OwnershipRule rule = OwnershipRule.Ofac)
    {
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);
        var exposure = await store.Calculator.CalculateAsync(partyId, rule, AsOf, Ct);
        Assert.NotNull(exposure);
        return exposure;
    }

    /// <summary>Small ownership cases, by what they show; the exposure asked for is always the target's (or <c>a</c>'s, <c>b</c>'s in the cycles).</summary>
    private static readonly Dictionary<string, (Func<FtmGraph> Graph, string Party)> Situations = new(StringComparer.Ordinal)
    {
        ["a 51% owner sanctioned, the parent holding 60%"] = (() => FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch", authority: "US Department of the Treasury – OFAC", program: "RUSSIA-EO14024")
            .Company("holding", "Holding AO").Company("target", "Target OOO")
            .Owns("oligarch", "holding", "51%").Owns("holding", "target", "60%"), "target"),
        ["70% held through an unblocked company, 10% directly"] = (() => FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch")
            .Company("meridian", "Meridian Holdings").Company("target", "Target OOO")
            .Owns("oligarch", "meridian", "45%").Owns("meridian", "target", "70%").Owns("oligarch", "target", "10%"), "target"),
        ["30% and 20% in two share classes of one owner"] = (() => FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch")
            .Company("target", "Target OOO")
            .Owns("oligarch", "target", "30%", id: "own-ordinary").Owns("oligarch", "target", "20%", id: "own-preferred"), "target"),
        ["a cycle of 60% stakes with no sanction"] = (() => FtmGraph.Create()
            .Company("a", "Alpha Ltd").Company("b", "Beta Ltd")
            .Owns("a", "b", "60%").Owns("b", "a", "60%"), "a"),
        ["a cycle whose member is half owned by a sanctioned person"] = (() => FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch")
            .Company("a", "Alpha Ltd").Company("b", "Beta Ltd")
            .Owns("a", "b", "60%").Owns("b", "a", "40%").Owns("oligarch", "a", "50%"), "b"),
        ["a sanction that expired in 2023"] = (() => FtmGraph.Create()
            .Company("target", "Target OOO").Sanction("target", authority: "OFAC", endDate: "2023-06-30"), "target"),
        ["a sanction in force on the party itself"] = (() => FtmGraph.Create()
            .Company("target", "Target OOO").Sanction("target", authority: "US Department of the Treasury – OFAC", program: "RUSSIA-EO14024"), "target"),
        ["a 60% stake that ended in 2022"] = (() => FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch")
            .Company("target", "Target OOO")
            .Owns("oligarch", "target", "60%", startDate: "2019-01-01", endDate: "2022-03-15"), "target"),
        ["a 60% stake that starts in 2027"] = (() => FtmGraph.Create()
            .Person("oligarch", "Oleg Oligarch").Sanction("oligarch")
            .Company("target", "Target OOO")
            .Owns("oligarch", "target", "60%", startDate: "2027-01-01"), "target"),
        ["exactly 50% held by a sanctioned person"] = (() => FtmGraph.Create()
            .Person("orlov", "Dmitry Orlov").Sanction("orlov")
            .Company("target", "Target OOO").Person("sidorov", "Ivan Sidorov")
            .Owns("orlov", "target", "50").Owns("sidorov", "target", "50"), "target"),
        ["49.9% held by a sanctioned person"] = (() => FtmGraph.Create()
            .Person("orlov", "Dmitry Orlov").Sanction("orlov")
            .Company("target", "Target OOO")
            .Owns("orlov", "target", "49.9%"), "target"),
        ["a stake of 50-75% held by a sanctioned person"] = (() => FtmGraph.Create()
            .Person("orlov", "Dmitry Orlov").Sanction("orlov", authority: "OFAC")
            .Company("target", "Target OOO")
            .Owns("orlov", "target", "50-75%"), "target"),
        ["a \"majority\" stake held by a sanctioned person"] = (() => FtmGraph.Create()
            .Person("orlov", "Dmitry Orlov").Sanction("orlov", authority: "OFAC")
            .Company("target", "Target OOO")
            .Owns("orlov", "target", "majority"), "target"),
        ["control by a person the EU sanctions"] = (() => FtmGraph.Create()
            .Person("lebedev", "Andrei Lebedev").Sanction("lebedev", authority: "Council of the European Union")
            .Company("target", "Target OOO")
            .Controls("lebedev", "target", "nominee director"), "target"),
    };

    private static Task<Exposure> ExposureIn(string situation, OwnershipRule rule = OwnershipRule.Ofac)
    {
        var (graph, party) = Situations[situation];
        return ExposureOf(graph(), party, rule);
    }

    [Theory]
    [InlineData("a 51% owner sanctioned, the parent holding 60%", true, 60.0)]
    [InlineData("70% held through an unblocked company, 10% directly", false, 10.0)]
    [InlineData("30% and 20% in two share classes of one owner", true, 50.0)]
    [InlineData("a cycle of 60% stakes with no sanction", false, 0.0)]
    [InlineData("a cycle whose member is half owned by a sanctioned person", true, 60.0)]
    [InlineData("a sanction that expired in 2023", false, null)]
    [InlineData("a sanction in force on the party itself", true, null)]
    [InlineData("a 60% stake that ended in 2022", false, null)]
    [InlineData("a 60% stake that starts in 2027", false, null)]
    [InlineData("exactly 50% held by a sanctioned person", true, 50.0)]
    [InlineData("49.9% held by a sanctioned person", false, 49.9)]
    [InlineData("a stake of 50-75% held by a sanctioned person", true, 50.0)]
    [InlineData("a \"majority\" stake held by a sanctioned person", false, 0.0)]
    public async Task under_the_ofac_rule_blocked_owners_stakes_add_up_and_block_from_50_percent(string situation, bool blocked, double? blockedOwnershipPercent)
    {
        var exposure = await ExposureIn(situation);

        Assert.Equal(blocked, exposure.Blocked);
        if (blockedOwnershipPercent is { } percent)
            Assert.Equal(percent, exposure.BlockedOwnershipPercent);
    }

    [Theory]
    [InlineData("a 51% owner sanctioned, the parent holding 60%", false, 0)]
    [InlineData("a sanction that expired in 2023", false, 0)]
    [InlineData("a sanction in force on the party itself", true, 1)]
    public async Task only_a_sanction_in_force_on_the_day_makes_a_party_directly_sanctioned(string situation, bool directlySanctioned, int sanctionsCited)
    {
        var exposure = await ExposureIn(situation);

        Assert.Equal(directlySanctioned, exposure.DirectlySanctioned);
        Assert.Equal(sanctionsCited, exposure.Sanctions.Count);
    }

    [Theory]
    [InlineData("a 51% owner sanctioned, the parent holding 60%", "Target OOO is blocked under the OFAC 50% rule as of 2026-11-27: Holding AO (blocked by ownership: Oleg Oligarch holds 51%) holds 60%, which is ≥ 50%.")]
    [InlineData("a sanction in force on the party itself", "Target OOO is blocked under the OFAC 50% rule as of 2026-11-27: it is directly sanctioned by OFAC, RUSSIA-EO14024.")]
    [InlineData("49.9% held by a sanctioned person", "Target OOO is not blocked under the OFAC 50% rule as of 2026-11-27: Dmitry Orlov (sanctioned by an unnamed authority) holds 49.9%, which is < 50%.")]
    public async Task the_explanation_gives_the_verdict_and_the_stakes_that_decide_it(string situation, string explanation)
    {
        var exposure = await ExposureIn(situation);

        Assert.Equal(explanation, exposure.Explanation);
    }

    [Theory]
    [InlineData("30% and 20% in two share classes of one owner", "Oleg Oligarch (sanctioned by an unnamed authority) holds 50%")]
    [InlineData("a stake of 50-75% held by a sanctioned person", "holds at least 50%")]
    [InlineData("a \"majority\" stake held by a sanctioned person", "Stakes of unknown size, not counted: Dmitry Orlov (sanctioned by OFAC) holds \"majority\".")]
    public async Task the_explanation_says_how_each_kind_of_stake_was_counted(string situation, string sentence)
    {
        var exposure = await ExposureIn(situation);

        Assert.Contains(sentence, exposure.Explanation);
    }

    [Fact]
    public async Task a_stake_held_through_a_company_that_is_not_blocked_is_listed_as_not_blocked()
    {
        var exposure = await ExposureIn("70% held through an unblocked company, 10% directly");

        Assert.Contains(exposure.Contributions, c => c.OwnerId == "meridian" && !c.OwnerBlocked && c.Percentage == 70);
    }

    [Theory]
    [InlineData("30% and 20% in two share classes of one owner", 2)]
    [InlineData("a 60% stake that ended in 2022", 0)]
    [InlineData("a 60% stake that starts in 2027", 0)]
    public async Task each_stake_held_on_the_day_is_one_contribution(string situation, int contributions)
    {
        var exposure = await ExposureIn(situation);

        Assert.Equal(contributions, exposure.Contributions.Count);
    }

    [Fact]
    public async Task a_range_blocks_through_its_minimum_and_keeps_its_text()
    {
        var exposure = await ExposureIn("a stake of 50-75% held by a sanctioned person");

        var contribution = Assert.Single(exposure.Contributions);
        Assert.True(contribution.IsRange);
        Assert.Equal("50-75%", contribution.PercentageText);
    }

    [Fact]
    public async Task a_majority_stake_is_reported_as_unknown_and_never_counted()
    {
        var exposure = await ExposureIn("a \"majority\" stake held by a sanctioned person");

        var contribution = Assert.Single(exposure.Contributions);
        Assert.Null(contribution.Percentage);
        Assert.True(contribution.OwnerBlocked);
    }

    [Fact]
    public async Task control_is_a_red_flag_under_the_eu_rule_never_a_block()
    {
        var exposure = await ExposureIn("control by a person the EU sanctions", OwnershipRule.Eu);

        Assert.False(exposure.Blocked);
        var flag = Assert.Single(exposure.ControlFlags);
        Assert.Equal("lebedev", flag.ControllerId);
        Assert.Contains("Control red flag (not a block): Andrei Lebedev (sanctioned by EU) controls it", exposure.Explanation);
    }

    [Fact]
    public async Task an_unknown_party_has_no_exposure()
    {
        await using var store = await ExposureStore.OpenAsync(FtmGraph.Create().Company("acme", "Acme").Entities, Ct);

        Assert.Null(await store.Calculator.CalculateAsync("nobody", OwnershipRule.Ofac, AsOf, Ct));
    }

    [Fact]
    public async Task owners_beyond_the_depth_bound_are_not_followed_and_the_verdict_says_so()
    {
        var graph = FtmGraph.Create().Person("oligarch", "Oleg Oligarch").Sanction("oligarch").Company("c0", "C0");
        graph.Owns("oligarch", "c0", "100%");
        for (var i = 1; i <= 4; i++)
            graph.Company($"c{i}", $"C{i}").Owns($"c{i - 1}", $"c{i}", "100%");
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);

        var shallow = await new ExposureCalculator(store.Store) { MaxDepth = 3 }.CalculateAsync("c4", OwnershipRule.Ofac, AsOf, Ct);
        var deep = await store.Calculator.CalculateAsync("c4", OwnershipRule.Ofac, AsOf, Ct);

        Assert.False(shallow!.Blocked);
        Assert.True(shallow.Truncated);
        Assert.Contains("not followed to its end", shallow.Explanation);
        Assert.True(deep!.Blocked);
        Assert.False(deep.Truncated);
    }

    [Fact]
    public async Task a_batch_of_parties_may_read_more_links_than_one_party_may_and_is_judged_as_each_alone()
    {
        var graph = FtmGraph.Create().Person("a", "Owner A").Sanction("a").Person("b", "Owner B").Sanction("b");
        for (var i = 0; i < 20; i++)
            graph.Company($"c{i}", $"C{i}").Owns("a", $"c{i}", "30%").Owns("b", $"c{i}", "30%");
        await using var store = await ExposureStore.OpenAsync(graph.Entities, Ct);
        var calculator = new ExposureCalculator(store.Store) { LinkLimit = 3 };

        var all = await calculator.CalculateManyAsync([.. Enumerable.Range(0, 20).Select(i => $"c{i}")], OwnershipRule.Ofac, AsOf, Ct);

        Assert.Equal(20, all.Count);
        Assert.All(all.Values, e =>
        {
            Assert.True(e.Blocked, e.Explanation);
            Assert.Equal(60, e.BlockedOwnershipPercent);
            Assert.False(e.Truncated);
        });
    }
}
