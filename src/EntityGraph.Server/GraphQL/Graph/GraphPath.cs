namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>A path through the graph: its nodes in order and the edges between them.</summary>
public sealed record GraphPath(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
