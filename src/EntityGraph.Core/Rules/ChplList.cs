using System.Collections.Frozen;
using EntityGraph.Core.Model;

namespace EntityGraph.Core.Rules;

/// <summary>
/// The Common High Priority List (BIS/EU/UK/Japan, 23 Feb 2024): 50 HS-6 codes of dual-use goods
/// found in Russian weapons systems, by tier.
/// </summary>
public static class ChplList
{
    private static readonly FrozenDictionary<string, ChplEntry> Entries = ReferenceData.ReadCsv("chpl-2024-02.csv")
        .Select(row => new ChplEntry(row[0], ParseTier(row[1]), row[2]))
        .ToFrozenDictionary(e => e.Hs6, StringComparer.Ordinal);

    /// <summary>The entries looked up by the first six digits of a code, without cutting them out of it.</summary>
    private static readonly FrozenDictionary<string, ChplEntry>.AlternateLookup<ReadOnlySpan<char>> EntriesBySpan = Entries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The list's edition.</summary>
    public const string Edition = "2024-02-23";

    public static IReadOnlyCollection<ChplEntry> All => Entries.Values;

    /// <summary>The tier of an HS code's HS-6 prefix, or null when it is not on the list.</summary>
    public static ChplTier? TierOf(HsCode? code) =>
        code is { Digits.Length: >= 6 } c && EntriesBySpan.TryGetValue(c.Digits.AsSpan(0, 6), out var entry) ? entry.Tier : null;

    public static ChplEntry? Find(string hs6) => Entries.GetValueOrDefault(hs6);

    /// <summary>Tiers 1 and 2 are the "critical components".</summary>
    public static bool IsCriticalComponent(ChplTier tier) => tier is ChplTier.Tier1 or ChplTier.Tier2;

    /// <summary>The tier as the list writes it: <c>1</c>, <c>2</c>, <c>3.A</c>, …</summary>
    public static string Label(ChplTier tier) => tier switch
    {
        ChplTier.Tier1 => "1",
        ChplTier.Tier2 => "2",
        ChplTier.Tier3A => "3.A",
        ChplTier.Tier3B => "3.B",
        ChplTier.Tier4A => "4.A",
        _ => "4.B",
    };

    private static ChplTier ParseTier(string text) => text switch
    {
        "1" => ChplTier.Tier1,
        "2" => ChplTier.Tier2,
        "3.A" => ChplTier.Tier3A,
        "3.B" => ChplTier.Tier3B,
        "4.A" => ChplTier.Tier4A,
        "4.B" => ChplTier.Tier4B,
        _ => throw new InvalidOperationException($"Unknown CHPL tier '{text}' in the reference list."),
    };
}
