using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// The time rule between consecutive shipments of a chain, with partial dates read as the range of
/// days they may mean: <c>later</c> may follow <c>earlier</c> when some day of <c>later</c> is on or
/// after some day of <c>earlier</c> and within the dwell window of it, that is
/// <c>later.Latest ≥ earlier.Earliest</c> and <c>later.Earliest ≤ earlier.Latest + maxDwellDays</c>.
/// A shipment without a date cannot be placed in time, so it follows and precedes nothing.
/// </summary>
public static class TraceTime
{
    public static bool MayFollow(Shipment earlier, Shipment later, int maxDwellDays) =>
        MayFollow(earlier.Date, later.Date, maxDwellDays);

    /// <summary>The same rule on the dates alone.</summary>
    public static bool MayFollow(PartialDate? earlier, PartialDate? later, int maxDwellDays) =>
        earlier is { } e && later is { } l
        && l.Latest >= e.Earliest
        && l.Earliest.DayNumber <= e.Latest.DayNumber + (long)maxDwellDays;
}
