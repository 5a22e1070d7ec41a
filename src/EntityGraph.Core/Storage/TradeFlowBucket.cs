using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>
/// The raw sums of one group of shipments: one calendar year or month and one value of each dimension
/// grouped by. A key that is not grouped by is null; so is a key the shipments do not state.
/// </summary>
/// <param name="Year">The year of the shipments' date; null for undated shipments.</param>
/// <param name="Month">1–12 when grouped by month and the date states the month; null otherwise.</param>
/// <param name="SenderCountry">The sender country, when grouped by it.</param>
/// <param name="ReceiverCountry">The receiver country, when grouped by it.</param>
/// <param name="Hs6">The HS-6 code, when grouped by it.</param>
/// <param name="Hs4">The HS-4 heading, when grouped by it.</param>
/// <param name="ChplTier">The CHPL tier, when grouped by it.</param>
/// <param name="Shipments">How many shipments.</param>
/// <param name="ValueUsd">The sum of the values of those that have one.</param>
/// <param name="ValuedShipments">How many of them have a value.</param>
public sealed record TradeFlowBucket(
    int? Year,
    int? Month,
    string? SenderCountry,
    string? ReceiverCountry,
    string? Hs6,
    string? Hs4,
    ChplTier? ChplTier,
    long Shipments,
    double ValueUsd,
    long ValuedShipments);
