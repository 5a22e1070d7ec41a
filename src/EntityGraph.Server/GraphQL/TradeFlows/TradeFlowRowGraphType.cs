using EntityGraph.Core.Analysis.TradeFlows;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.TradeFlows;

/// <summary>The <c>TradeFlowRow</c> type.</summary>
public sealed class TradeFlowRowGraphType : ObjectGraphType<TradeFlowRow>
{
    public TradeFlowRowGraphType()
    {
        Name = "TradeFlowRow";
        Description = "The shipments of one group in one period, with the change against the same group in the period just before.";
        Field<NonNullGraphType<StringGraphType>>("period").Description("The period: \"2022\", \"2022-Q3\" or \"2022-07\".").Resolve(c => c.Source.Period.ToString());
        Field<StringGraphType>("senderCountry").Description("The sender country (departure, else origin, as declared); null when not grouped by it or not declared.").Resolve(c => c.Source.Group.SenderCountry);
        Field<StringGraphType>("receiverCountry").Description("The receiver country (destination, as declared); null when not grouped by it or not declared.").Resolve(c => c.Source.Group.ReceiverCountry);
        Field<StringGraphType>("hs6").Description("The HS-6 code; null when not grouped by it or the code has fewer than six digits.").Resolve(c => c.Source.Group.Hs6);
        Field<StringGraphType>("hs4").Description("The HS-4 heading; null when not grouped by it or the code has fewer than four digits.").Resolve(c => c.Source.Group.Hs4);
        Field<ChplTierGraphType>("chplTier").Description("The CHPL tier; null when not grouped by it or the goods are not on the list.").Resolve(c => c.Source.Group.ChplTier);
        Field<NonNullGraphType<IntGraphType>>("shipments").Description("How many shipments.").Resolve(c => checked((int)c.Source.Shipments));
        Field<NonNullGraphType<FloatGraphType>>("valueUsd").Description("Their summed value in US dollars (customs amount, else invoice amount); shipments without a value add nothing.").Resolve(c => c.Source.ValueUsd);
        Field<NonNullGraphType<IntGraphType>>("shipmentsWithoutValue").Description("How many of the shipments have no value.").Resolve(c => checked((int)c.Source.ShipmentsWithoutValue));
        Field<IntGraphType>("previousShipments").Description("The same group's shipments in the period just before; null when it had none.").Resolve(c => c.Source.PreviousShipments is { } n ? checked((int)n) : null);
        Field<FloatGraphType>("previousValueUsd").Description("The same group's value in the period just before; null when it had no shipments.").Resolve(c => c.Source.PreviousValueUsd);
        Field<FloatGraphType>("changeUsd").Description("`valueUsd` minus `previousValueUsd`; null when the group had no shipments in the period just before.").Resolve(c => c.Source.ChangeUsd);
        Field<FloatGraphType>("changePercent").Description("The change as a percentage of `previousValueUsd` (145 means +145%); null when there was no previous period for the group or its value was 0.").Resolve(c => c.Source.ChangePercent);
    }
}
