using EntityGraph.Core.Analysis.Subgraphs;

namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>Nodes and the edges between them, ready to draw.</summary>
public sealed record Subgraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, bool Truncated)
{
    /// <summary>The link subgraph drawn as nodes and edges.</summary>
    public static Subgraph From(LinkSubgraph subgraph) => new(
        [.. subgraph.NodeIds.Select(id => GraphNode.Of(id, subgraph.Entities))],
        [.. subgraph.Links.Select(l => new GraphEdge(l, l.Share?.Text ?? l.Role))],
        subgraph.Truncated);
}
