using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Model;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Parties;
using EntityGraph.Server.GraphQL.Scalars;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Tracing;

/// <summary>The <c>TraceRoute</c> type: the chains through one sequence of parties.</summary>
public sealed class TraceRouteGraphType : ObjectGraphType<TraceRoute>
{
    public TraceRouteGraphType()
    {
        Name = "TraceRoute";
        Description = "The chains of shipments that pass through the same parties in the same order.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PartyInterface>>>>("parties")
            .Description("The parties in trace order: the start (`startId`) first, the party where the route ends last. Downstream that is the goods' order; upstream the reverse.")
            .Resolve(c => new ManyResult<Party>([.. c.Source.PartyIds.Select(c.Loaders().Party)]));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("partyIds").Description("The ids of `parties`, in the same order.").Resolve(c => c.Source.PartyIds);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TraceHopGraphType>>>>("hops")
            .Description("One step per consecutive pair of `parties`, in the same order; each step's `from` and `to` follow the goods.")
            .Resolve(c => c.Source.Hops);
        Field<NonNullGraphType<PartyInterface>>("endUser").Description("The route's end user: its last party downstream, its start upstream.").Resolve(c => c.Loaders().Party(c.Source.EndUserId));
        Field<RestrictionGraphType>("restriction").Description("Why the end user is restricted; null upstream from a party that is not.").Resolve(c => c.Source.Restriction);
        Field<FloatGraphType>("totalValueUsd").Description("The value of the route's distinct shipments in US dollars; null when none states a value.").Resolve(c => c.Source.TotalValueUsd);
        Field<PartialDateGraphType>("firstDate").Description("The earliest date among the route's shipments.").Resolve(c => c.Source.FirstDate);
        Field<PartialDateGraphType>("lastDate").Description("The latest date among the route's shipments.").Resolve(c => c.Source.LastDate);
        Field<NonNullGraphType<FloatGraphType>>("score").Description("How much the route deserves attention; higher first. Made of the parts listed in `reasons`.").Resolve(c => c.Source.Score);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("reasons")
            .Description("What the score is made of, one sentence each: the end user's restriction, the value, CHPL goods, transshipment countries passed through, recency, and the number of hops.")
            .Resolve(c => c.Source.Reasons);
    }
}
