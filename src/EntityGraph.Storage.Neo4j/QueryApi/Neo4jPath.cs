namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>A path: its nodes in order and the relationships between them (one fewer than the nodes).</summary>
/// <param name="Nodes">The nodes from the start of the path to its end.</param>
/// <param name="Relationships">The relationships; the i-th joins node i and node i + 1, in either direction.</param>
public sealed record Neo4jPath(IReadOnlyList<Neo4jNode> Nodes, IReadOnlyList<Neo4jRelationship> Relationships);
