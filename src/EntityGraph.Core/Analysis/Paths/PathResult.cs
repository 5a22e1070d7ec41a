namespace EntityGraph.Core.Analysis.Paths;

/// <summary>The connections found between two nodes, shortest first.</summary>
/// <param name="Connections">At most the query's limit: by length, then by the ids of their nodes, then of their links.</param>
/// <param name="Truncated">
/// True when the link budget (or the guard on enumeration work) cut the search: shorter or other
/// connections may exist than those returned.
/// </param>
/// <param name="LinksRead">
/// How many links the search took in: those the store returned, and those taken from the trade index
/// (on the last level only the index's links between the two balls).
/// </param>
/// <param name="Expansions">
/// How many times the store was asked for links: on the store alone once per level, twice for a last
/// level read from both frontiers; through a trade index that holds role links, up to two times a
/// level, and none for a level of shipments that no other link touches.
/// </param>
public sealed record PathResult(IReadOnlyList<Connection> Connections, bool Truncated, int LinksRead, int Expansions);
