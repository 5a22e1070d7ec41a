using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.TradeFlows;

/// <summary>A trade-flow question: which shipments, broken down how, over which periods.</summary>
/// <param name="Filter">
/// Date window, HS prefixes, CHPL tiers, minimum value. The date window selects whole periods: every
/// period that overlaps it is reported in full, and the period before the first one is read for the change.
/// </param>
/// <param name="GroupBy">The dimensions to break the flows down by.</param>
/// <param name="Period">Year, quarter or month.</param>
/// <param name="SenderCountries">Only these sender countries.</param>
/// <param name="ReceiverCountries">Only these receiver countries.</param>
/// <param name="ChplOnly">Only goods on the CHPL.</param>
/// <param name="MaxRows">At most this many rows; the result says when there were more.</param>
public sealed record TradeFlowRequest(
    ShipmentFilter Filter,
    IReadOnlyCollection<TradeFlowDimension> GroupBy,
    TradePeriod Period = TradePeriod.Year,
    IReadOnlyCollection<string>? SenderCountries = null,
    IReadOnlyCollection<string>? ReceiverCountries = null,
    bool ChplOnly = false,
    int MaxRows = 10_000);
