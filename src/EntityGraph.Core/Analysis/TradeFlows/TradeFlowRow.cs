namespace EntityGraph.Core.Analysis.TradeFlows;

/// <summary>The shipments of one group in one period, with the change against the period before.</summary>
/// <param name="Period">The period.</param>
/// <param name="Group">The group's dimension values.</param>
/// <param name="Shipments">How many shipments.</param>
/// <param name="ValueUsd">The sum of the values of those with a value.</param>
/// <param name="ShipmentsWithoutValue">How many of them have no value (counted, not summed).</param>
/// <param name="PreviousShipments">The same group's shipments in the period before; null when it had none.</param>
/// <param name="PreviousValueUsd">The same group's value in the period before; null when it had no shipments.</param>
public sealed record TradeFlowRow(
    TradeFlowPeriod Period,
    TradeFlowGroup Group,
    long Shipments,
    double ValueUsd,
    long ShipmentsWithoutValue,
    long? PreviousShipments,
    double? PreviousValueUsd)
{
    /// <summary>Value minus the previous period's value; null when the group had no shipments in the period before.</summary>
    public double? ChangeUsd => PreviousValueUsd is { } previous ? ValueUsd - previous : null;

    /// <summary>The change as a percentage of the previous period's value; null when that was absent or 0.</summary>
    public double? ChangePercent => PreviousValueUsd is { } previous && previous != 0 ? (ValueUsd - previous) * 100 / previous : null;
}
