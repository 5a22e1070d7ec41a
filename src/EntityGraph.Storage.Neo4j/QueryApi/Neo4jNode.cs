namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>A node as the Query API returns it.</summary>
/// <param name="ElementId">Neo4j's element id; stable only within one transaction, so never a domain id.</param>
/// <param name="Labels">The node's labels.</param>
/// <param name="Properties">Property values, decoded like every other result value.</param>
public sealed record Neo4jNode(string ElementId, IReadOnlyList<string> Labels, IReadOnlyDictionary<string, object?> Properties);
