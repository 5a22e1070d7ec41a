using EntityGraph.Server.GraphQL.Scalars;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.TradeFlows;

/// <summary>The <c>TradeFlowFilter</c> input type.</summary>
public sealed class TradeFlowFilterInputGraphType : InputObjectGraphType<TradeFlowFilter>
{
    public TradeFlowFilterInputGraphType()
    {
        Name = "TradeFlowFilter";
        Description = "Which shipments count. Every condition given must hold; an absent or empty one does not filter.";
        Field<PartialDateGraphType>("from").Description("The first period to report is the one containing this date (its first day for a partial date). Periods are reported whole, and the period before is read for the change. Undated shipments are left out when a window is given.");
        Field<PartialDateGraphType>("to").Description("The last period to report is the one containing this date (its last day for a partial date).");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("senderCountries").Description("Only these sender countries (ISO-3166 alpha-2): the declared country of departure, else of origin.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("receiverCountries").Description("Only these receiver countries (ISO-3166 alpha-2): the declared country of destination.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("hsPrefixes").Description("Only shipments whose HS code starts with one of these digit prefixes (e.g. \"8542\").");
        Field<ListGraphType<NonNullGraphType<ChplTierGraphType>>>("chplTiers").Description("Only goods in these CHPL tiers.");
        Field<BooleanGraphType>("chplOnly").Description("Only goods on the Common High Priority List (any tier).");
        Field<FloatGraphType>("minValueUsd").Description("Only shipments worth at least this much in US dollars (shipments without a value are left out).");
    }
}
