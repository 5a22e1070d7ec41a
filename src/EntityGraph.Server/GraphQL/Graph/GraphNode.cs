namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>A node of a drawn subgraph.</summary>
public sealed record GraphNode(string Id, string Kind, string Label, IReadOnlyDictionary<string, IReadOnlyList<string>> Properties, IReadOnlyList<string> Datasets);
