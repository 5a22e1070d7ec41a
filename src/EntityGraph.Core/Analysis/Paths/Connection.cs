using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// A simple path between two nodes: no node twice. <see cref="Links"/>[i] joins
/// <see cref="NodeIds"/>[i] and <see cref="NodeIds"/>[i + 1], whichever way the link itself points.
/// </summary>
/// <param name="NodeIds">The nodes in order, from the query's start to its end.</param>
/// <param name="Links">The links in order; one fewer than the nodes.</param>
public sealed record Connection(IReadOnlyList<string> NodeIds, IReadOnlyList<Link> Links)
{
    /// <summary>The number of links.</summary>
    public int Length => Links.Count;
}
