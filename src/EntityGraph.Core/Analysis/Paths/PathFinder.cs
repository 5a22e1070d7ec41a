using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// Finds the k shortest simple connections between two nodes over any kinds of link, shortest first.
/// A bidirectional breadth-first search grows a ball around each end, one store call per level for
/// the whole frontier of the side with fewer links to read (by the shipment counts of an
/// <see cref="IndexedGraphStore"/>, else the smaller frontier); once the balls together span the
/// length wanted, every path of that length is enumerated in memory, pruned by a lower bound on each node's distance to
/// the end. The length grows from the shortest distance up to <see cref="PathQuery.MaxHops"/> until
/// the limit is reached, so when fewer shortest paths exist than asked for, longer ones follow. The links
/// of a node are read at most once per direction: once in all when links are followed both ways.
/// Through an <see cref="IndexedGraphStore"/>, a party with many shipments is read in a call of its
/// own, which the store keeps in memory for the searches after it.
/// </summary>
/// <remarks>
/// Paths are about connection, not about what holds today: links count whatever their dates.
/// Parallel links between the same two nodes (an ownership and a directorship, say) are different
/// evidence and so make different paths. Ties in length are ordered by the ids of the nodes along
/// the path, then by the ids of the links.
/// <para>
/// The last level needs only the links between the two frontiers. Following links both ways with
/// counts as current as the store, a hub party's shipment links need not be read for it: each has a
/// shipment at its other end, so reading the shipments (and other non-parties) of both frontiers, and
/// only the other kinds of link around the trading parties of the expanded one, finds every such link,
/// in two store calls. It is chosen when its estimate is the smaller.
/// </para>
/// </remarks>
public sealed class PathFinder(IGraphStore store)
{
    private static readonly LinkKind[] ShipmentRoles = [LinkKind.Sent, LinkKind.Received, LinkKind.Declared];

    public async Task<PathResult> FindAsync(PathQuery query, CancellationToken cancellationToken)
    {
        Validate(query);
        var kinds = query.Kinds is { Count: > 0 } k ? k.Distinct().ToArray() : null;
        var search = new PathSearch(query);
        var indexed = store as IndexedGraphStore;
        var counts = indexed?.ShipmentCounts;
        var current = counts is not null && counts.Version == await store.GetDataVersionAsync(cancellationToken);
        var hubMinimum = indexed?.CachedExpansionMinimum;
        var linksRead = 0;
        var expansions = 0;
        for (var length = 1; length <= query.MaxHops; length++)
        {
            if (search.NextSide(counts) is { } side)
            {
                var links = new List<Link>();
                var cut = false;
                var reads = Reads(search, side, kinds, current ? counts : null).SelectMany(read => SeparateHubs(read, counts, hubMinimum));
                foreach (var (nodes, readKinds) in reads)
                {
                    var remaining = query.LinkBudget - linksRead;
                    // One more than the budget allows, to tell a cut from a frontier that had exactly that many.
                    var limit = remaining == int.MaxValue ? remaining : remaining + 1;
                    var read = await store.ExpandAsync(new LinkExpansion(nodes, readKinds, side.Fetch, Limit: limit), cancellationToken);
                    expansions++;
                    cut = read.Count > remaining;
                    links.AddRange(cut ? read.Take(remaining) : read);
                    linksRead += Math.Min(read.Count, remaining);
                    if (cut)
                        break;
                }

                search.Absorb(side, links, cut);
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
    /// The store calls of one level: the side's frontier; or at the last level, with current counts and
    /// when it is estimated cheaper, the non-parties of both frontiers and the other links of the side's
    /// trading parties. Calls with no node are left out.
    /// </summary>
    private static IEnumerable<(IReadOnlyList<string> Nodes, IReadOnlyCollection<LinkKind>? Kinds)> Reads(
        PathSearch search, PathSearch.Side side, IReadOnlyCollection<LinkKind>? kinds, PartyShipmentCounts? counts)
    {
        var toRead = search.ToRead(side);
        if (counts is null || side.Fetch != LinkDirection.Both || !search.IsLast(side))
            return toRead.Count == 0 ? [] : [(toRead, kinds)];
        var parties = toRead.Where(counts.IsTradingParty).ToList();
        var others = toRead.Concat(search.ToRead(search.Other(side))).Where(n => !counts.IsTradingParty(n)).Distinct(StringComparer.Ordinal).ToList();
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

    /// <summary>
    /// A read split so that each party with at least <paramref name="hubMinimum"/> shipments, when its
    /// shipment links are read, is read on its own: an <see cref="IndexedGraphStore"/> keeps such a read,
    /// and the next search through the same hub finds its links in memory.
    /// </summary>
    private static IEnumerable<(IReadOnlyList<string> Nodes, IReadOnlyCollection<LinkKind>? Kinds)> SeparateHubs(
        (IReadOnlyList<string> Nodes, IReadOnlyCollection<LinkKind>? Kinds) read, PartyShipmentCounts? counts, int? hubMinimum)
    {
        if (counts is null || hubMinimum is not { } minimum || (read.Kinds is { Count: > 0 } k && !k.Contains(LinkKind.Sent) && !k.Contains(LinkKind.Received)))
            return [read];
        var hubs = read.Nodes.Where(n => counts.Of(n) >= minimum).ToList();
        if (hubs.Count == 0)
            return [read];
        var rest = read.Nodes.Except(hubs, StringComparer.Ordinal).ToList();
        var reads = hubs.Select(hub => ((IReadOnlyList<string>)[hub], read.Kinds)).ToList();
        if (rest.Count > 0)
            reads.Insert(0, (rest, read.Kinds));
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
