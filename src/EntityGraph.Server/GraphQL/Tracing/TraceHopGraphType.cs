using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Server.GraphQL.Loading;
using EntityGraph.Server.GraphQL.Parties;
using EntityGraph.Server.GraphQL.Shipments;
using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Tracing;

/// <summary>The <c>TraceHop</c> type: one step of a route.</summary>
public sealed class TraceHopGraphType : ObjectGraphType<TraceHop>
{
    public TraceHopGraphType()
    {
        Name = "TraceHop";
        Description = "One step of a route, following the goods: `from` sent, `to` received.";
        Field<NonNullGraphType<PartyInterface>>("from").Description("The sender.").Resolve(c => c.Loaders().Party(c.Source.FromId));
        Field<NonNullGraphType<PartyInterface>>("to").Description("The receiver.").Resolve(c => c.Loaders().Party(c.Source.ToId));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ShipmentGraphType>>>>("shipments")
            .Description("The shipments on this step that take part in at least one valid chain of the route (time order, filters), by date then id: the evidence to cite.")
            .Resolve(c => c.Source.Shipments);
        Field<FloatGraphType>("valueUsd").Description("The summed value of these shipments in US dollars; null when none states a value.").Resolve(c => c.Source.ValueUsd);
    }
}
