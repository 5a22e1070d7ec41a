using System.Collections.Frozen;

namespace EntityGraph.Core.Rules;

/// <summary>Country codes as FollowTheMoney writes them: ISO-3166 alpha-2, lower case, plus a few territories.</summary>
public static class Countries
{
    private static readonly FrozenDictionary<string, string> Names = ReferenceData.ReadCsv("countries.csv")
        .ToFrozenDictionary(row => row[0], row => row[1], StringComparer.Ordinal);

    private static readonly int LongestCode = Names.Keys.Max(code => code.Length);

    /// <summary>Each code to itself, looked up by a span.</summary>
    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CodesBySpan =
        Names.Keys.ToFrozenDictionary(code => code, code => code, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The two-letter codes by their letters' places in the alphabet (26 × first + second): most codes are two letters.</summary>
    private static readonly string?[] TwoLetterCodes = TwoLetterTable();

    private static readonly FrozenSet<string> Transshipment = ReferenceData.ReadCsv("transshipment-countries.csv")
        .Select(row => row[0])
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Russia and Belarus, the destinations the export restrictions are about.</summary>
    public static readonly IReadOnlySet<string> RestrictedDestinations = new HashSet<string>(["ru", "by"], StringComparer.Ordinal);

    /// <summary>Lower-cases and trims a code; returns null when it is not a known country code.</summary>
    public static string? Normalize(string? code)
    {
        // Called for every country value of every entity read, several times: two letters are looked up by their places in the alphabet.
        if (code is { Length: 2 } && Letter(code[0]) is var first and >= 0 && Letter(code[1]) is var second and >= 0)
            return TwoLetterCodes[(first * 26) + second];
        var trimmed = code.AsSpan().Trim();
        if (trimmed.IsEmpty || trimmed.Length > LongestCode)
            return null;
        // Called for every country value of every entity read: the code is lower-cased on the stack and the
        // catalogue's own string is returned, so a known code costs no allocation.
        Span<char> lower = stackalloc char[LongestCode];
        var length = trimmed.ToLowerInvariant(lower);
        return CodesBySpan.TryGetValue(lower[..length], out var known) ? known : null;
    }

    public static bool IsKnown(string? code) => Normalize(code) is not null;

    /// <summary>Every known code, lower case.</summary>
    public static IReadOnlyCollection<string> Codes => Names.Keys;

    /// <summary>An ASCII letter's place in the alphabet, either case; -1 for anything else.</summary>
    private static int Letter(char c) => char.IsAsciiLetter(c) ? (c | 0x20) - 'a' : -1;

    private static string?[] TwoLetterTable()
    {
        var table = new string?[26 * 26];
        foreach (var code in Names.Keys)
        {
            if (code.Length == 2 && Letter(code[0]) is var first and >= 0 && Letter(code[1]) is var second and >= 0)
                table[(first * 26) + second] = code;
        }

        return table;
    }

    public static string? NameOf(string code) => Names.GetValueOrDefault(code.ToLowerInvariant());

    /// <summary>Common transshipment points for goods bound for Russia (FinCEN/BIS, June 2022).</summary>
    public static bool IsTransshipmentPoint(string code) => Transshipment.Contains(code.ToLowerInvariant());

    public static IReadOnlyCollection<string> TransshipmentPoints => Transshipment;
}
