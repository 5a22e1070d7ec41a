using EntityGraph.Server.GraphQL.Scalars;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Tracing;

/// <summary>The <c>TraceInput</c> input type.</summary>
public sealed class TraceInputGraphType : InputObjectGraphType<TraceInput>
{
    public TraceInputGraphType()
    {
        Name = "TraceInput";
        Description = "What to trace: a start party, a direction, the hop, time and goods rules, and the limits.";
        Field<NonNullGraphType<IdGraphType>>("startId").Description("The party to start from: an exporter downstream, an end user upstream.");
        Field<TraceDirectionGraphType>("direction").Description("Which way to follow the goods.").DefaultValue(Core.Analysis.Tracing.TraceDirection.Downstream);
        Field<IntGraphType>("maxHops").Description("The most shipments in a chain.").DefaultValue(4);
        Field<BooleanGraphType>("timeRespecting").Description("Whether each shipment must follow the one it re-exports in time: on or after it, within `maxDwellDays`. Partial dates count as the range of days they may mean.").DefaultValue(true);
        Field<IntGraphType>("maxDwellDays").Description("The most days goods may wait at an intermediary before they are sent on.").DefaultValue(365);
        Field<PartialDateGraphType>("from").Description("Only shipments that can fall on or after this date.");
        Field<PartialDateGraphType>("to").Description("Only shipments that can fall on or before this date.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("hsPrefixes").Description("Only shipments whose HS code starts with one of these digit prefixes (e.g. \"8542\").");
        Field<ListGraphType<NonNullGraphType<ChplTierGraphType>>>("chplTiers").Description("Only shipments of goods in these CHPL tiers.");
        Field<FloatGraphType>("minValueUsd").Description("Only shipments worth at least this much in US dollars.");
        Field<ListGraphType<NonNullGraphType<StringGraphType>>>("targetCountries").Description("Downstream: only restricted parties located in these countries count as end users. Upstream: a route ends at the first party located in one of them. ISO-3166 alpha-2.");
        Field<OwnershipRuleGraphType>("ownershipRule").Description("The rule that decides which parties are blocked through their owners.").DefaultValue(Core.Analysis.Ownership.OwnershipRule.Ofac);
        Field<PartialDateGraphType>("asOf").Description("The day sanctions and ownership are judged on, and recency measured from; a partial date means its last day. Today (UTC) when absent.");
        Field<IntGraphType>("limit").Description("The most routes to return, best first.").DefaultValue(50);
    }
}
