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

    private static readonly FrozenSet<string> Transshipment = ReferenceData.ReadCsv("transshipment-countries.csv")
        .Select(row => row[0])
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Russia and Belarus, the destinations the export restrictions are about.</summary>
    public static readonly IReadOnlySet<string> RestrictedDestinations = new HashSet<string>(["ru", "by"], StringComparer.Ordinal);

    /// <summary>Lower-cases and trims a code; returns null when it is not a known country code.</summary>
    public static string? Normalize(string? code)
    {
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

    public static string? NameOf(string code) => Names.GetValueOrDefault(code.ToLowerInvariant());

    /// <summary>Common transshipment points for goods bound for Russia (FinCEN/BIS, June 2022).</summary>
    public static bool IsTransshipmentPoint(string code) => Transshipment.Contains(code.ToLowerInvariant());

    public static IReadOnlyCollection<string> TransshipmentPoints => Transshipment;
}
