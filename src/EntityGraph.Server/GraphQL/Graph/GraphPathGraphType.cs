using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>The <c>GraphPath</c> type.</summary>
public sealed class GraphPathGraphType : ObjectGraphType<GraphPath>
{
    public GraphPathGraphType()
    {
        Name = "GraphPath";
        Description = "A path through the graph, ready for a graph view: its nodes in order and the edges between them.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphNodeGraphType>>>>("nodes").Description("The nodes, in path order.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeGraphType>>>>("edges").Description("The edges, in path order.").Resolve(c => c.Source.Edges);
    }
}
