namespace EntityGraph.Storage.Neo4j.QueryApi;

/// <summary>A relationship as the Query API returns it.</summary>
/// <param name="ElementId">Neo4j's element id of the relationship.</param>
/// <param name="StartNodeElementId">The element id of the node it leaves.</param>
/// <param name="EndNodeElementId">The element id of the node it enters.</param>
/// <param name="Type">The relationship type.</param>
/// <param name="Properties">Property values, decoded like every other result value.</param>
public sealed record Neo4jRelationship(
    string ElementId,
    string StartNodeElementId,
    string EndNodeElementId,
    string Type,
    IReadOnlyDictionary<string, object?> Properties);
