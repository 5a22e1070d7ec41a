using EntityGraph.Core.Analysis.TradeFlows;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.TradeFlows;

/// <summary>The <c>TradePeriod</c> enum.</summary>
public sealed class TradePeriodGraphType : EnumerationGraphType
{
    public TradePeriodGraphType()
    {
        Name = "TradePeriod";
        Description = "The calendar period trade flows are summed over.";
        Add("YEAR", TradePeriod.Year, "Calendar years, written \"2022\".");
        Add("QUARTER", TradePeriod.Quarter, "Calendar quarters, written \"2022-Q3\". Shipments dated only to the year fit none and are counted in `impreciseShipments`.");
        Add("MONTH", TradePeriod.Month, "Calendar months, written \"2022-07\". Shipments dated only to the year fit none and are counted in `impreciseShipments`.");
    }
}
