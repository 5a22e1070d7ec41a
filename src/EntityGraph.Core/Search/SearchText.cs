using System.Collections.Frozen;
using System.Text;
using System.Text.RegularExpressions;
using AnyAscii;

namespace EntityGraph.Core.Search;

/// <summary>
/// Turns names into search tokens so that a query matches regardless of case, diacritics, script,
/// word order and legal-form words: "ОсОО Электроника" and "Elektronika LLC" both become
/// <c>elektronika</c>. Every store indexes and queries with these same tokens.
/// </summary>
public static partial class SearchText
{
    /// <summary>Legal-form words, as they read after transliteration, that say nothing about which party is meant.</summary>
    public static readonly FrozenSet<string> LegalForms = new[]
    {
        "llc", "ltd", "limited", "inc", "incorporated", "corp", "corporation", "co", "company", "plc", "llp", "lp",
        "gmbh", "mbh", "ag", "kg", "ohg", "ug", "ev", "sa", "sas", "sarl", "srl", "spa", "sl", "bv", "nv", "cv",
        "pte", "pty", "bhd", "sdn", "kft", "sro", "doo", "ltda", "ab", "oy", "as", "aps", "jsc", "ojsc", "cjsc",
        "pjsc", "ooo", "oao", "zao", "pao", "ao", "tov", "pp", "osoo", "too", "ip", "mchj", "fze", "fzco", "fzc",
        "fzllc", "dmcc", "sti", "as", "ltd.", "co.", "hk", "limitada", "gesellschaft", "aktiengesellschaft",
        "obshchestvo", "ogranichennoi", "otvetstvennostiu", "otvetstvennostyu", "tovarishchestvo",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The tokens of a name: transliterated to ASCII, lower case, split on anything that is not a
    /// letter or digit, legal-form words removed (unless nothing else is left), duplicates removed.
    /// </summary>
    public static IReadOnlyList<string> Tokens(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return [];
        // "S.A.S." and "s.r.o." are one word each, and legal forms at that: not three one-letter words.
        var ascii = DottedAbbreviation().Replace(name.Transliterate(), m => m.Value.Replace(".", string.Empty, StringComparison.Ordinal));
        var all = new List<string>();
        var token = new StringBuilder();
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                token.Append(char.ToLowerInvariant(c));
            }
            else if (c is '\'' or '’')
            {
                // "O'Neil" and "ONeil" are one name.
            }
            else if (token.Length > 0)
            {
                all.Add(token.ToString());
                token.Clear();
            }
        }

        if (token.Length > 0)
            all.Add(token.ToString());
        var meaningful = all.Where(t => !LegalForms.Contains(t)).Distinct(StringComparer.Ordinal).ToList();
        return meaningful.Count > 0 ? meaningful : all.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// A name's tokens in order: equal for a name and a query made of the same words in any order, which
    /// is how stores rank a party whose name is exactly the query first.
    /// </summary>
    public static string NameKey(string? name) => KeyOf(Tokens(name));

    /// <summary>The key of tokens already computed (<see cref="NameKey"/>).</summary>
    public static string KeyOf(IEnumerable<string> tokens) => string.Join(' ', tokens.Order(StringComparer.Ordinal));

    /// <summary>The text to index for a party: the distinct tokens of all its names, space-separated.</summary>
    public static string IndexText(IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = new StringBuilder();
        foreach (var name in names)
        {
            foreach (var token in Tokens(name))
            {
                if (!seen.Add(token))
                    continue;
                if (text.Length > 0)
                    text.Append(' ');
                text.Append(token);
            }
        }

        return text.ToString();
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:[A-Za-z]\.){2,}(?:[A-Za-z](?![A-Za-z0-9]))?", RegexOptions.CultureInvariant)]
    private static partial Regex DottedAbbreviation();
}
