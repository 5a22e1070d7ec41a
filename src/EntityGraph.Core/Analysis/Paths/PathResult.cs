namespace EntityGraph.Core.Analysis.Paths;

/// <summary>The connections found between two nodes, shortest first.</summary>
/// <param name="Connections">At most the query's limit: by length, then by the ids of their nodes, then of their links.</param>
/// <param name="Truncated">
/// True when the link budget (or the guard on enumeration work) cut the search: shorter or other
/// connections may exist than those returned.
/// </param>
/// <param name="LinksRead">How many links the store returned over the whole search.</param>
/// <param name="Expansions">How many times the store was asked for links: once per level, twice for a last level read from both frontiers.</param>
public sealed record PathResult(IReadOnlyList<Connection> Connections, bool Truncated, int LinksRead, int Expansions);
