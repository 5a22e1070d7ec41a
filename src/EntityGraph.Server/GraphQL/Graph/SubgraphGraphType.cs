using GraphQL.Types;

namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>The <c>Subgraph</c> type.</summary>
public sealed class SubgraphGraphType : ObjectGraphType<Subgraph>
{
    public SubgraphGraphType()
    {
        Name = "Subgraph";
        Description = "Nodes and the edges between them, ready for Cytoscape or Sigma: every edge's source and target is among the nodes.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphNodeGraphType>>>>("nodes").Description("The nodes, the requested ones first.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<GraphEdgeGraphType>>>>("edges").Description("The edges, ordered by hop then link id.").Resolve(c => c.Source.Edges);
        Field<NonNullGraphType<BooleanGraphType>>("truncated").Description("True when the limit cut the neighbourhood: more nodes or edges were reachable within the depth.").Resolve(c => c.Source.Truncated);
    }
}
