namespace EntityGraph.Core.Analysis.TradeFlows;

/// <summary>Trade flows by period and group, and what could not be placed in a period.</summary>
/// <param name="Rows">Ordered by period, then value (largest first), then the group's values.</param>
/// <param name="Truncated">More rows than the limit existed; the first ones are kept.</param>
/// <param name="Shipments">Every matching shipment in the window, including undated and imprecise ones.</param>
/// <param name="ValueUsd">Their summed value.</param>
/// <param name="ShipmentsWithoutValue">Of them, how many have no value.</param>
/// <param name="UndatedShipments">Shipments without a date: in no row (only possible without a date window).</param>
/// <param name="ImpreciseShipments">Shipments dated only to the year when rows are quarters or months: in no row.</param>
/// <param name="ImpreciseValueUsd">Their summed value.</param>
public sealed record TradeFlowResult(
    IReadOnlyList<TradeFlowRow> Rows,
    bool Truncated,
    long Shipments,
    double ValueUsd,
    long ShipmentsWithoutValue,
    long UndatedShipments,
    long ImpreciseShipments,
    double ImpreciseValueUsd);
