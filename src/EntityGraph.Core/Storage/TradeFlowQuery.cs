using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>
/// Which shipments to aggregate and how to group them. The store groups by calendar year (or month)
/// and by the dimensions asked for, and sums; periods, changes and ordering are computed in Core.
/// <see cref="Aggregate"/> is the reference implementation every store must agree with.
/// </summary>
/// <param name="Filter">Date window, HS prefixes, CHPL tiers, minimum value, as for any shipment query.</param>
/// <param name="GroupBy">The dimensions to group by (any combination, possibly none).</param>
/// <param name="ByMonth">Group by year and month rather than by year.</param>
/// <param name="SenderCountries">Sender countries (lower-case ISO alpha-2); any one must match. Null or empty does not filter.</param>
/// <param name="ReceiverCountries">Receiver countries; any one must match. Null or empty does not filter.</param>
/// <param name="ChplOnly">Only shipments whose HS-6 code is on the CHPL.</param>
public sealed record TradeFlowQuery(
    ShipmentFilter Filter,
    IReadOnlyCollection<TradeFlowDimension> GroupBy,
    bool ByMonth = false,
    IReadOnlyCollection<string>? SenderCountries = null,
    IReadOnlyCollection<string>? ReceiverCountries = null,
    bool ChplOnly = false)
{
    /// <summary>
    /// The sender side's country as the customs record states it: the country of departure, else the
    /// country of origin (for a direct export they coincide). Parties' own countries are not consulted.
    /// </summary>
    public static string? SenderCountryOf(Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return shipment.DepartureCountry ?? shipment.OriginCountry;
    }

    /// <summary>The receiver side's country as the customs record states it: the country of destination.</summary>
    public static string? ReceiverCountryOf(Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return shipment.DestinationCountry;
    }

    /// <summary>Whether a shipment is aggregated.</summary>
    public bool Matches(Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        if (!Filter.Matches(shipment))
            return false;
        if (ChplOnly && shipment.ChplTier is null)
            return false;
        if (SenderCountries is { Count: > 0 } senders && (SenderCountryOf(shipment) is not { } sender || !senders.Contains(sender)))
            return false;
        if (ReceiverCountries is { Count: > 0 } receivers && (ReceiverCountryOf(shipment) is not { } receiver || !receivers.Contains(receiver)))
            return false;
        return true;
    }

    /// <summary>The reference aggregation, in memory: the buckets any store must return for these shipments, in no particular order.</summary>
    public IReadOnlyList<TradeFlowBucket> Aggregate(IEnumerable<Shipment> shipments)
    {
        ArgumentNullException.ThrowIfNull(shipments);
        var groups = new Dictionary<(int?, int?, string?, string?, string?, string?, ChplTier?), (long Count, double Value, long Valued)>();
        foreach (var s in shipments.Where(Matches))
        {
            var key = (
                s.Date?.Year,
                ByMonth && s.Date is { Month: > 0 } d ? d.Month : (int?)null,
                GroupBy.Contains(TradeFlowDimension.SenderCountry) ? SenderCountryOf(s) : null,
                GroupBy.Contains(TradeFlowDimension.ReceiverCountry) ? ReceiverCountryOf(s) : null,
                GroupBy.Contains(TradeFlowDimension.Hs6) ? s.HsCode?.Hs6 : null,
                GroupBy.Contains(TradeFlowDimension.Hs4) ? s.HsCode?.Hs4 : null,
                GroupBy.Contains(TradeFlowDimension.ChplTier) ? s.ChplTier : null);
            var sums = groups.GetValueOrDefault(key);
            groups[key] = (sums.Count + 1, sums.Value + (s.ValueUsd ?? 0), sums.Valued + (s.ValueUsd is null ? 0 : 1));
        }

        return groups
            .Select(g => new TradeFlowBucket(g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Key.Item4, g.Key.Item5, g.Key.Item6, g.Key.Item7, g.Value.Count, g.Value.Value, g.Value.Valued))
            .ToList();
    }
}
