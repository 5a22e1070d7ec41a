using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// Finds the k shortest simple connections between two nodes over any kinds of link, shortest first.
/// A bidirectional breadth-first search grows a ball around each end, one level at a time on the end
/// with fewer links to read (as far as the trade index of an <see cref="ITradeIndexSource"/> tells; else
/// the smaller frontier); once the balls together span the length wanted, every path of that length is
/// enumerated in memory, pruned by a lower bound on each node's distance to the end. The length grows
/// from the shortest distance up to <see cref="PathQuery.MaxHops"/> until the limit is reached, so when
/// fewer shortest paths exist than asked for, longer ones follow. The links of a node are read at most
/// once per direction: once in all when links are followed both ways.
/// </summary>
/// <remarks>See docs/paths.md for how the search works and why it finds every path it should.</remarks>
public sealed class PathFinder(IGraphStore store, ITradeIndexSource? indexSource = null)
{
    private static readonly LinkKind[] ShipmentRoles = [LinkKind.Sent, LinkKind.Received, LinkKind.Declared];

    public async Task<PathResult> FindAsync(PathQuery query, CancellationToken cancellationToken)
    {
        Validate(query);
        var kinds = query.Kinds is { Count: > 0 } k ? k.Distinct().ToArray() : null;
        var index = indexSource is null ? null : await indexSource.CurrentIndexAsync(cancellationToken);
        // Counts are read from the index, so they are as current as it is.
        var counts = index is null ? null : indexSource!.ShipmentCounts;
        var search = new PathSearch(query, index, counts);
        var linksRead = 0;
        var expansions = 0;
        for (var length = 1; length <= query.MaxHops; length++)
        {
            if (search.NextBallToGrow() is { } ball)
            {
                var (taken, storeCalls) = await GrowAsync(search, ball, query.LinkBudget - linksRead, kinds, counts, cancellationToken);
                linksRead += taken;
                expansions += storeCalls;
            }
            else if (!search.Met)
            {
                // One ball has nothing left to grow into and the two never met: there is no path at all.
                break;
            }

            search.Enumerate(length, cancellationToken);
            if (search.Full || search.Truncated)
                break;
        }

        return new PathResult(search.Found, search.Truncated, linksRead, expansions);
    }

    /// <summary>
    /// Grows a ball by one level: takes in the index's links around its frontier, then those the store
    /// returns, at most <paramref name="budget"/> links in all. Returns how many it took in and how many
    /// times it asked the store. See docs/paths.md#the-link-budget-and-truncation.
    /// </summary>
    private async Task<(int Taken, int StoreCalls)> GrowAsync(
        PathSearch search, SearchBall ball, int budget, IReadOnlyCollection<LinkKind>? kinds, PartyShipmentCounts? counts, CancellationToken cancellationToken)
    {
        search.BeginLevel(ball);
        var toRead = search.NodesToRead(ball);
        var (taken, cut) = search.ReadIndex(toRead, budget);
        var reads = cut ? []
            : search.IndexHoldsRoleLinks ? StoreCallsBesideTheIndex(search, ball, toRead, kinds)
            : StoreCalls(search, ball, toRead, kinds, counts).Select(read => (read.Nodes, read.Kinds, ball.ReadDirection));
        var storeCalls = 0;
        foreach (var (nodes, readKinds, direction) in reads)
        {
            var remaining = budget - taken;
            // One more than the budget allows, to tell a cut from a frontier that had exactly that many.
            var limit = remaining == int.MaxValue ? remaining : remaining + 1;
            var read = await store.ExpandAsync(new LinkExpansion(nodes, readKinds, direction, Limit: limit), cancellationToken);
            storeCalls++;
            cut = read.Count > remaining;
            search.AddLinks(cut ? read.Take(remaining) : read);
            taken += Math.Min(read.Count, remaining);
            if (cut)
                break;
        }

        search.EndLevel(cut);
        return (taken, storeCalls);
    }

    /// <summary>
    /// The store calls of one level when the index holds the role links: the links of other kinds around
    /// trading parties and the shipments that have some, and every link around any other node. On the last
    /// level only the links between the two frontiers are new, and they are read around whichever frontier
    /// has fewer nodes to ask the store about: the expanded one in its direction, or the other in the other's.
    /// Calls with no node or no kind are left out.
    /// </summary>
    private static IEnumerable<(IReadOnlyList<string> Nodes, IReadOnlyCollection<LinkKind>? Kinds, LinkDirection Direction)> StoreCallsBesideTheIndex(
        PathSearch search, SearchBall ball, IReadOnlyList<int> toRead, IReadOnlyCollection<LinkKind>? kinds)
    {
        var (indexed, others) = search.StoreReads(toRead);
        var direction = ball.ReadDirection;
        if (search.IsLast(ball))
        {
            var across = search.Across(ball);
            var (acrossIndexed, acrossOthers) = search.StoreReads(search.NodesToRead(across));
            if (acrossIndexed.Count + acrossOthers.Count < indexed.Count + others.Count)
                (indexed, others, direction) = (acrossIndexed, acrossOthers, across.ReadDirection);
        }

        var reads = new List<(IReadOnlyList<string>, IReadOnlyCollection<LinkKind>?, LinkDirection)>();
        if (others.Count > 0)
            reads.Add((others, kinds, direction));
        if (indexed.Count > 0 && (kinds ?? Enum.GetValues<LinkKind>()).Except(ShipmentRoles).ToArray() is { Length: > 0 } otherKinds)
            reads.Add((indexed, otherKinds, direction));
        return reads;
    }

    /// <summary>
    /// The store calls of one level: the ball's frontier; or at the last level, with current counts and
    /// when it is estimated cheaper, the non-parties of both frontiers and the other links of the ball's
    /// trading parties. Calls with no node are left out.
    /// </summary>
    private static IEnumerable<(IReadOnlyList<string> Nodes, IReadOnlyCollection<LinkKind>? Kinds)> StoreCalls(
        PathSearch search, SearchBall ball, IReadOnlyList<int> nodes, IReadOnlyCollection<LinkKind>? kinds, PartyShipmentCounts? counts)
    {
        var toRead = nodes.Select(search.Id).ToList();
        if (counts is null || ball.ReadDirection != LinkDirection.Both || !search.IsLast(ball))
            return toRead.Count == 0 ? [] : [(toRead, kinds)];
        var parties = toRead.Where(counts.IsTradingParty).ToList();
        var others = toRead.Concat(search.NodesToRead(search.Across(ball)).Select(search.Id)).Where(n => !counts.IsTradingParty(n)).Distinct(StringComparer.Ordinal).ToList();
        var otherKinds = (kinds ?? Enum.GetValues<LinkKind>()).Except(ShipmentRoles).ToArray();
        var bothSides = PathSearch.EstimateLinks(others, counts) + (otherKinds.Length == 0 ? 0 : 2L * parties.Count);
        if (bothSides >= PathSearch.EstimateLinks(toRead, counts))
            return toRead.Count == 0 ? [] : [(toRead, kinds)];
        var reads = new List<(IReadOnlyList<string>, IReadOnlyCollection<LinkKind>?)>();
        if (others.Count > 0)
            reads.Add((others, kinds));
        if (parties.Count > 0 && otherKinds.Length > 0)
            reads.Add((parties, otherKinds));
        return reads;
    }

    private static void Validate(PathQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(query.FromId, nameof(query.FromId));
        ArgumentException.ThrowIfNullOrWhiteSpace(query.ToId, nameof(query.ToId));
        if (string.Equals(query.FromId, query.ToId, StringComparison.Ordinal))
            throw new ArgumentException($"A path needs two different ends; both are '{query.FromId}'.", nameof(query));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.MaxHops, nameof(query.MaxHops));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.Limit, nameof(query.Limit));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.LinkBudget, nameof(query.LinkBudget));
    }
}
