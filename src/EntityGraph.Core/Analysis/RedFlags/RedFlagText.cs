using System.Globalization;
using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.RedFlags;

/// <summary>How red-flag sentences write sanctions, numbers, dates and lists.</summary>
internal static class RedFlagText
{
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Usd(double value) => Math.Round(value).ToString("#,0", CultureInfo.InvariantCulture) + " USD";

    public static string Count(int count, string one, string many) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary>"OFAC, RUSSIA-EO14024, since 2022-06-28".</summary>
    public static string Cite(Sanction sanction) => Prose.Cite(sanction, since: true);

    public static string SanctionedBy(IEnumerable<Sanction> sanctions) => "sanctioned by " + string.Join("; ", sanctions.Select(Cite));

    public static string Tiers(IEnumerable<Shipment> shipments)
    {
        var tiers = shipments.Select(s => s.ChplTier).OfType<ChplTier>().Distinct().Order().Select(Rules.ChplList.Label).ToList();
        return tiers.Count == 1 ? $"tier {tiers[0]}" : $"tiers {Join(tiers)}";
    }

    /// <summary>The summed value of shipments: "worth 410,650 USD", "worth at least …" when some values are missing.</summary>
    public static string Worth(IReadOnlyCollection<Shipment> shipments, bool truncated)
    {
        var known = shipments.Where(s => s.ValueUsd is not null).ToList();
        if (known.Count == 0)
            return "of unstated value";
        var atLeast = truncated || known.Count < shipments.Count;
        return $"worth {(atLeast ? "at least " : "")}{Usd(known.Sum(s => s.ValueUsd!.Value))}";
    }

    /// <summary>The first <paramref name="shown"/> items, written (and only those), then "and N others".</summary>
    public static string Join<T>(IReadOnlyCollection<T> items, Func<T, string> write, int shown)
    {
        List<string> parts = [.. items.Take(shown).Select(write)];
        if (items.Count > shown)
            parts.Add($"{items.Count - shown} others");
        return Join(parts);
    }

    public static string Join(IEnumerable<string> parts) => Prose.Join(parts);
}
