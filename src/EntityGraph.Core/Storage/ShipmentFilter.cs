using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>Conditions every shipment must meet. A null or empty condition does not filter.</summary>
/// <param name="From">Shipments whose date can fall on or after this day.</param>
/// <param name="To">Shipments whose date can fall on or before this day.</param>
/// <param name="HsPrefixes">Digit prefixes of the HS code (e.g. <c>8542</c>); any one must match.</param>
/// <param name="Tiers">CHPL tiers; the shipment's tier must be one of them.</param>
/// <param name="MinValueUsd">Shipments worth at least this much (shipments with no value are excluded).</param>
public sealed record ShipmentFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    IReadOnlyCollection<string>? HsPrefixes = null,
    IReadOnlyCollection<ChplTier>? Tiers = null,
    double? MinValueUsd = null)
{
    public static readonly ShipmentFilter None = new();

    /// <summary>Whether a shipment passes the filter; the stores must agree with this method.</summary>
    public bool Matches(Shipment shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        return Matches(shipment.Date, shipment.HsCode, shipment.ChplTier, shipment.ValueUsd);
    }

    /// <summary>Whether a trade passes the filter, by the same rules.</summary>
    public bool Matches(Trade trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        return Matches(trade.Date, trade.HsCode, trade.ChplTier, trade.ValueUsd);
    }

    private bool Matches(PartialDate? date, HsCode? hsCode, ChplTier? chplTier, double? valueUsd)
    {
        var shipment = (Date: date, HsCode: hsCode, ChplTier: chplTier, ValueUsd: valueUsd);
        if (From is { } from && (shipment.Date is not { } d1 || d1.Latest < from))
            return false;
        if (To is { } to && (shipment.Date is not { } d2 || d2.Earliest > to))
            return false;
        if (HsPrefixes is { Count: > 0 } && (shipment.HsCode is not { } hs || !HsPrefixes.Any(hs.StartsWith)))
            return false;
        if (Tiers is { Count: > 0 } && (shipment.ChplTier is not { } tier || !Tiers.Contains(tier)))
            return false;
        if (MinValueUsd is { } min && (shipment.ValueUsd is not { } value || value < min))
            return false;
        return true;
    }
}
