using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>Which connections to look for between two nodes, and the limits of the search.</summary>
public sealed record PathQuery
{
    /// <summary>The node the paths start from.</summary>
    public required string FromId { get; init; }

    /// <summary>The node the paths end at; not the same as <see cref="FromId"/>.</summary>
    public required string ToId { get; init; }

    /// <summary>The most links in a path (at least 1).</summary>
    public int MaxHops { get; init; } = 6;

    /// <summary>Link kinds a path may use; null or empty allows all.</summary>
    public IReadOnlyCollection<LinkKind>? Kinds { get; init; }

    /// <summary>
    /// How a path may follow a link: <see cref="LinkDirection.Both"/> (either way, the default),
    /// <see cref="LinkDirection.Outgoing"/> (from its source to its target, as in "owner → asset")
    /// or <see cref="LinkDirection.Incoming"/> (from its target back to its source).
    /// </summary>
    public LinkDirection Direction { get; init; } = LinkDirection.Both;

    /// <summary>The most paths to return, shortest first (at least 1).</summary>
    public int Limit { get; init; } = 10;

    /// <summary>
    /// The most links to take in over the whole search, read from the store or taken from the trade index
    /// (<see cref="PathResult.LinksRead"/>); the result reports <see cref="PathResult.Truncated"/> when it
    /// cut the search.
    /// </summary>
    public int LinkBudget { get; init; } = 200_000;
}
