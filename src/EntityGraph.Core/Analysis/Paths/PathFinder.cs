using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// Finds the k shortest simple connections between two nodes over any kinds of link, shortest first.
/// A bidirectional breadth-first search grows a ball around each end, one store call per level for
/// the whole frontier of the side with fewer links to read (by the shipment counts of an
/// <see cref="IndexedGraphStore"/>, else the smaller frontier); once the balls together span the length wanted, every
/// path of that length is enumerated in memory, pruned by a lower bound on each node's distance to
/// the end. The length grows from the shortest distance up to <see cref="PathQuery.MaxHops"/> until
/// the limit is reached, so when fewer shortest paths exist than asked for, longer ones follow. The links
/// of a node are read at most once per direction: once in all when links are followed both ways.
/// </summary>
/// <remarks>
/// Paths are about connection, not about what holds today: links count whatever their dates.
/// Parallel links between the same two nodes (an ownership and a directorship, say) are different
/// evidence and so make different paths. Ties in length are ordered by the ids of the nodes along
/// the path, then by the ids of the links.
/// </remarks>
public sealed class PathFinder(IGraphStore store)
{
    public async Task<PathResult> FindAsync(PathQuery query, CancellationToken cancellationToken)
    {
        Validate(query);
        var kinds = query.Kinds is { Count: > 0 } k ? k.Distinct().ToArray() : null;
        var search = new PathSearch(query);
        var counts = (store as IndexedGraphStore)?.ShipmentCounts;
        var linksRead = 0;
        var expansions = 0;
        for (var length = 1; length <= query.MaxHops; length++)
        {
            if (search.NextSide(counts) is { } side)
            {
                var toRead = search.ToRead(side);
                var remaining = query.LinkBudget - linksRead;
                IReadOnlyList<Link> links = [];
                if (toRead.Count > 0)
                {
                    // One more than the budget allows, to tell a cut from a frontier that had exactly that many.
                    var limit = remaining == int.MaxValue ? remaining : remaining + 1;
                    links = await store.ExpandAsync(new LinkExpansion(toRead, kinds, side.Fetch, Limit: limit), cancellationToken);
                    expansions++;
                }

                var cut = links.Count > remaining;
                if (cut)
                    links = [.. links.Take(remaining)];
                linksRead += links.Count;
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
