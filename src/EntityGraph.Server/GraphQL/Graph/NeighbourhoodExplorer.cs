using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Server.GraphQL.Graph;

/// <summary>
/// Expands a set of nodes hop by hop (one store call per hop, whatever the number of nodes) and
/// returns the subgraph, keeping at most <c>limit</c> nodes and <c>limit</c> edges.
/// </summary>
internal sealed class NeighbourhoodExplorer(IGraphStore store)
{
    private static readonly string[] FallbackCaptions = ["name", "full", "goodsDescription", "caption"];

    public async Task<Subgraph> ExploreAsync(IReadOnlyList<string> ids, int depth, IReadOnlyCollection<LinkKind>? kinds, int limit, CancellationToken cancellationToken)
    {
        var known = (await store.GetEntitiesAsync(ids.Distinct(StringComparer.Ordinal).ToArray(), cancellationToken)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var nodes = new List<string>();
        var nodeSet = new HashSet<string>(StringComparer.Ordinal);
        var truncated = false;
        foreach (var id in ids.Where(known.Contains))
        {
            if (nodeSet.Contains(id))
                continue;
            if (nodes.Count == limit)
            {
                truncated = true;
                break;
            }

            nodes.Add(id);
            nodeSet.Add(id);
        }

        var edges = new List<Link>();
        var edgeIds = new HashSet<string>(StringComparer.Ordinal);
        var frontier = nodes.ToList();
        for (var hop = 0; hop < depth && frontier.Count > 0 && !truncated; hop++)
        {
            // Links already drawn come back from their other end; they count toward the store's limit.
            var expansionLimit = limit + edges.Count + 1;
            var links = await store.ExpandAsync(new LinkExpansion(frontier, kinds, LinkDirection.Both, Limit: expansionLimit), cancellationToken);
            truncated |= links.Count >= expansionLimit;
            var next = new List<string>();
            foreach (var link in links)
            {
                if (edgeIds.Contains(link.Id + "\n" + link.SourceId + "\n" + link.TargetId))
                    continue;
                if (edges.Count == limit)
                {
                    truncated = true;
                    break;
                }

                var missing = new[] { link.SourceId, link.TargetId }.Where(n => !nodeSet.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
                if (nodes.Count + missing.Count > limit)
                {
                    truncated = true;
                    continue;
                }

                foreach (var node in missing)
                {
                    nodes.Add(node);
                    nodeSet.Add(node);
                    next.Add(node);
                }

                edges.Add(link);
                edgeIds.Add(link.Id + "\n" + link.SourceId + "\n" + link.TargetId);
            }

            frontier = next;
        }

        var entities = (await store.GetEntitiesAsync(nodes, cancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var graphNodes = nodes.Select(id => entities.TryGetValue(id, out var entity) ? Node(entity) : Unknown(id)).ToList();
        var graphEdges = edges.Select(l => new GraphEdge(l, l.Share?.Text ?? l.Role)).ToList();
        return new Subgraph(graphNodes, graphEdges, truncated);
    }

    internal static GraphNode Node(FtmEntity entity)
    {
        var captions = FtmSchemaCatalog.Default.Find(entity.Schema)?.Caption ?? [];
        var label = captions.Concat(FallbackCaptions).Select(entity.First).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) ?? entity.Id;
        return new GraphNode(entity.Id, entity.Schema, label, entity.Properties, entity.Datasets);
    }

    internal static GraphNode Unknown(string id) =>
        new(id, "Unknown", id, new Dictionary<string, IReadOnlyList<string>>(), []);
}
