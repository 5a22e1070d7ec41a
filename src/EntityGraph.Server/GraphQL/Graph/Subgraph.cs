namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>Nodes and the edges between them, ready to draw.</summary>
public sealed record Subgraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges, bool Truncated);
