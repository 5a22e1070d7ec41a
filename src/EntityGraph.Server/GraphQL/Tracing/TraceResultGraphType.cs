using EntityGraph.Core.Analysis.Tracing;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Tracing;

/// <summary>The <c>TraceResult</c> type.</summary>
public sealed class TraceResultGraphType : ObjectGraphType<TraceResult>
{
    public TraceResultGraphType()
    {
        Name = "TraceResult";
        Description = "The routes of a trace, best score first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TraceRouteGraphType>>>>("routes").Description("At most `limit` routes, best score first (then value, then parties).").Resolve(c => c.Source.Routes);
        Field<NonNullGraphType<IntGraphType>>("totalRoutes").Description("How many routes were found before `limit` was applied.").Resolve(c => c.Source.TotalRoutes);
        Field<NonNullGraphType<BooleanGraphType>>("truncated")
            .Description("True when `limit` or a budget (shipments read, partial chains held, time) cut the search: routes may be missing. Narrow the trace (dates, goods, maxHops) to see them all.")
            .Resolve(c => c.Source.Truncated);
        Field<NonNullGraphType<IntGraphType>>("exploredShipments").Description("How many shipments were read to answer.").Resolve(c => c.Source.ExploredShipments);
    }
}
