namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// A link as a path leaving a node sees it: the node at its other end, and which link it is: a store
/// link's place among those read (0 and up), or the negative code of an index role link.
/// </summary>
internal readonly record struct Edge(int Head, int LinkCode);
