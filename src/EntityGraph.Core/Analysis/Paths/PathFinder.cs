using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// Finds the k shortest simple connections between two nodes over any kinds of link, shortest first.
/// A bidirectional breadth-first search grows a ball around each end, one level at a time on the side
/// with fewer links to read (as far as the trade index of an <see cref="ITradeIndexSource"/> tells; else
/// the smaller frontier); once the balls together span the length wanted, every path of that length is
/// enumerated in memory, pruned by a lower bound on each node's distance to the end. The length grows
/// from the shortest distance up to <see cref="PathQuery.MaxHops"/> until the limit is reached, so when
/// fewer shortest paths exist than asked for, longer ones follow. The links of a node are read at most
/// once per direction: once in all when links are followed both ways.
/// </summary>
/// <remarks>
/// Paths are about connection, not about what holds today: links count whatever their dates.
/// Parallel links between the same two nodes (an ownership and a directorship, say) are different
/// evidence and so make different paths. Ties in length are ordered by the ids of the nodes along
/// the path, then by the ids of the links.
/// <para>
/// When the trade index holds the role links (SQLite's does), the sender, receiver and declarant links
/// around parties and shipments are taken from it as numbers, and the store is asked, in at most two
/// calls a level, only for links of other kinds around them and for every link around other nodes.
/// The last level needs only the links between the two frontiers, so those store calls go to whichever
/// frontier has fewer nodes to ask about.
/// </para>
/// <para>
/// When the index only counts shipments (Neo4j's trade stream carries no links), every link is read from
/// the store, and at the last level, following links both ways with counts as current as the store, a hub
/// party's shipment links need not be read for it: each has a shipment at its other end, so reading the
/// shipments (and other non-parties) of both frontiers, and only the other kinds of link around the
/// trading parties of the expanded one, finds every such link, in two store calls. It is chosen when its
/// estimate is the smaller. Either way the store keeps the links of nodes with many of them for the
/// searches after.
/// </para>
/// </remarks>
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
            if (search.NextSide() is { } side)
            {
                search.BeginLevel(side);
                var toRead = search.ToRead(side);
                var (taken, cut) = search.ReadIndex(toRead, query.LinkBudget - linksRead);
                linksRead += taken;
                var reads = cut ? []
                    : search.IndexHoldsRoleLinks ? StoreReads(search, side, toRead, kinds)
                    : Reads(search, side, toRead, kinds, counts).Select(read => (read.Nodes, read.Kinds, side.Fetch));
                foreach (var (nodes, readKinds, direction) in reads)
                {
                    var remaining = query.LinkBudget - linksRead;
                    // One more than the budget allows, to tell a cut from a frontier that had exactly that many.
                    var limit = remaining == int.MaxValue ? remaining : remaining + 1;
                    var read = await store.ExpandAsync(new LinkExpansion(nodes, readKinds, direction, Limit: limit), cancellationToken);
                    expansions++;
                    cut = read.Count > remaining;
                    search.AddLinks(cut ? read.Take(remaining) : read);
                    linksRead += Math.Min(read.Count, remaining);
                    if (cut)
                        break;
                }

                search.EndLevel(cut);
            }
            else if (!search.Met)
            {
                // One side has nothing left to expand and the two never met: there is no path at all.
                break;
            }

            search.Enumerate(length, cancellationToken);
            if (search.Full || search.Truncated)
                break;
        }

        return new PathResult(search.Found, search.Truncated, linksRead, expansions);
    }

    /// <summary>
    /// The store calls of one level when the index holds the role links: the links of other kinds around
    /// trading parties and the shipments that have some, and every link around any other node. On the last
    /// level only the links between the two frontiers are new, and they are read around whichever frontier
    /// has fewer nodes to ask the store about: the expanded one in its direction, or the other in the other's.
    /// Calls with no node or no kind are left out.
    /// </summary>
    private static IEnumerable<(IReadOnlyList<string> Nodes, IReadOnlyCollection<LinkKind>? Kinds, LinkDirection Direction)> StoreReads(
        PathSearch search, PathSearch.Side side, IReadOnlyList<int> toRead, IReadOnlyCollection<LinkKind>? kinds)
    {
        var (indexed, others) = search.StoreReads(toRead);
        var direction = side.Fetch;
        if (search.IsLast(side))
        {
            var across = search.Other(side);
            var (acrossIndexed, acrossOthers) = search.StoreReads(search.ToRead(across));
            if (acrossIndexed.Count + acrossOthers.Count < indexed.Count + others.Count)
                (indexed, others, direction) = (acrossIndexed, acrossOthers, across.Fetch);
        }

        var reads = new List<(IReadOnlyList<string>, IReadOnlyCollection<LinkKind>?, LinkDirection)>();
        if (others.Count > 0)
            reads.Add((others, kinds, direction));
        if (indexed.Count > 0 && (kinds ?? Enum.GetValues<LinkKind>()).Except(ShipmentRoles).ToArray() is { Length: > 0 } otherKinds)
            reads.Add((indexed, otherKinds, direction));
        return reads;
    }

    /// <summary>
    /// The store calls of one level: the side's frontier; or at the last level, with current counts and
    /// when it is estimated cheaper, the non-parties of both frontiers and the other links of the side's
    /// trading parties. Calls with no node are left out.
    /// </summary>
    private static IEnumerable<(IReadOnlyList<string> Nodes, IReadOnlyCollection<LinkKind>? Kinds)> Reads(
        PathSearch search, PathSearch.Side side, IReadOnlyList<int> nodes, IReadOnlyCollection<LinkKind>? kinds, PartyShipmentCounts? counts)
    {
        var toRead = nodes.Select(search.Id).ToList();
        if (counts is null || side.Fetch != LinkDirection.Both || !search.IsLast(side))
            return toRead.Count == 0 ? [] : [(toRead, kinds)];
        var parties = toRead.Where(counts.IsTradingParty).ToList();
        var others = toRead.Concat(search.ToRead(search.Other(side)).Select(search.Id)).Where(n => !counts.IsTradingParty(n)).Distinct(StringComparer.Ordinal).ToList();
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
