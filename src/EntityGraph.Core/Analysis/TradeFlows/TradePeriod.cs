namespace EntityGraph.Core.Analysis.TradeFlows;

/// <summary>The calendar period trade flows are summed over.</summary>
public enum TradePeriod
{
    Year,
    Quarter,
    Month,
}
