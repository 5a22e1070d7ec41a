using EntityGraph.Core.Analysis.TradeFlows;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.TradeFlows;

/// <summary>The <c>TradeFlowResult</c> type.</summary>
public sealed class TradeFlowResultGraphType : ObjectGraphType<TradeFlowResult>
{
    public TradeFlowResultGraphType()
    {
        Name = "TradeFlowResult";
        Description = "Trade flows by period and group, with totals and the shipments that could not be placed in a period (counted, never dropped silently).";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TradeFlowRowGraphType>>>>("rows").Description("One row per period and group that has shipments, ordered by period, then value (largest first), then the group's values.").Resolve(c => c.Source.Rows);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("Whether there were more rows than the limit (10,000); the first rows in order are kept. The totals count every shipment.").Resolve(c => c.Source.Truncated);
        Field<NonNullGraphType<IntGraphType>>("shipments").Description("All matching shipments in the reported periods, including undated and imprecise ones (which are in no row).").Resolve(c => checked((int)c.Source.Shipments));
        Field<NonNullGraphType<FloatGraphType>>("valueUsd").Description("Their summed value in US dollars.").Resolve(c => c.Source.ValueUsd);
        Field<NonNullGraphType<IntGraphType>>("shipmentsWithoutValue").Description("Of `shipments`, how many have no value (no customs or invoice amount): counted, not summed.").Resolve(c => checked((int)c.Source.ShipmentsWithoutValue));
        Field<NonNullGraphType<IntGraphType>>("undatedShipments").Description("Matching shipments without a date: in no row. Always 0 when the filter has `from` or `to`, as an undated shipment cannot be placed in a window.").Resolve(c => checked((int)c.Source.UndatedShipments));
        Field<NonNullGraphType<IntGraphType>>("impreciseShipments").Description("Matching shipments dated only to the year when the period is QUARTER or MONTH: in no row, as they fit no quarter or month.").Resolve(c => checked((int)c.Source.ImpreciseShipments));
        Field<NonNullGraphType<FloatGraphType>>("impreciseValueUsd").Description("The summed value of the imprecise shipments.").Resolve(c => c.Source.ImpreciseValueUsd);
    }
}
