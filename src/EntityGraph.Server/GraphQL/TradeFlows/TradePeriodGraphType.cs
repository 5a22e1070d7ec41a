using EntityGraph.Core.Analysis.TradeFlows;
using EntityGraph.Server.GraphQL.Scalars;

namespace EntityGraph.Server.GraphQL.TradeFlows;

/// <summary>The <c>TradePeriod</c> enum.</summary>
public sealed class TradePeriodGraphType() : DescribedEnumGraphType(
    "TradePeriod",
    "The calendar period trade flows are summed over.",
    ("YEAR", TradePeriod.Year, "Calendar years, written \"2022\"."),
    ("QUARTER", TradePeriod.Quarter, "Calendar quarters, written \"2022-Q3\". Shipments dated only to the year fit none and are counted in `impreciseShipments`."),
    ("MONTH", TradePeriod.Month, "Calendar months, written \"2022-07\". Shipments dated only to the year fit none and are counted in `impreciseShipments`."));
