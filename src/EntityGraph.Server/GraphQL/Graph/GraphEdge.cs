using EntityGraph.Core.Model;

namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>An edge of a drawn subgraph.</summary>
public sealed record GraphEdge(Link Link, string? Label);
