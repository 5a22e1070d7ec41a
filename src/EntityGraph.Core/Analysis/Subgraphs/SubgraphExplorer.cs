using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Subgraphs;

/// <summary>
/// Expands a set of nodes hop by hop (one store call per hop, whatever the number of nodes) and
/// returns the link subgraph, keeping at most <see cref="SubgraphQuery.Limit"/> nodes and as many links.
/// </summary>
public sealed class SubgraphExplorer(IGraphStore store)
{
    /// <summary>The subgraph the query asks for; empty when the store holds none of the start nodes.</summary>
    public async Task<LinkSubgraph> ExploreAsync(SubgraphQuery query, CancellationToken cancellationToken)
    {
        var drawing = new Drawing(query.Limit);
        var known = (await store.GetEntitiesAsync(query.StartIds.Distinct(StringComparer.Ordinal).ToArray(), cancellationToken)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var frontier = drawing.AddStartNodes(query.StartIds.Where(known.Contains));
        for (var hop = 0; hop < query.Depth && frontier.Count > 0 && !drawing.Truncated; hop++)
        {
            // Links already drawn come back from their other end; they count toward the store's limit.
            var expansionLimit = query.Limit + drawing.Links.Count + 1;
            var links = await store.ExpandAsync(new LinkExpansion(frontier, query.Kinds, LinkDirection.Both, Limit: expansionLimit), cancellationToken);
            drawing.Truncated |= links.Count >= expansionLimit;
            frontier = drawing.AddHop(links);
        }

        var entities = (await store.GetEntitiesAsync(drawing.Nodes, cancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        return new LinkSubgraph(drawing.Nodes, drawing.Links, entities, drawing.Truncated);
    }

    /// <summary>The nodes and links drawn so far, and whether the limit cut anything.</summary>
    private sealed class Drawing(int limit)
    {
        private readonly HashSet<string> _nodeIds = new(StringComparer.Ordinal);
        private readonly HashSet<(string Id, string SourceId, string TargetId)> _linkKeys = [];

        public List<string> Nodes { get; } = [];

        public List<Link> Links { get; } = [];

        public bool Truncated { get; set; }

        public List<string> AddStartNodes(IEnumerable<string> ids)
        {
            foreach (var id in ids)
            {
                if (_nodeIds.Contains(id))
                    continue;
                if (Nodes.Count == limit)
                {
                    Truncated = true;
                    break;
                }

                AddNode(id);
            }

            return [.. Nodes];
        }

        /// <summary>Adds the links of one hop that fit, and returns the nodes they reached first.</summary>
        public List<string> AddHop(IReadOnlyList<Link> links)
        {
            var reached = new List<string>();
            foreach (var link in links)
            {
                if (_linkKeys.Contains((link.Id, link.SourceId, link.TargetId)))
                    continue;
                if (Links.Count == limit)
                {
                    Truncated = true;
                    break;
                }

                var missing = new[] { link.SourceId, link.TargetId }.Where(n => !_nodeIds.Contains(n)).Distinct(StringComparer.Ordinal).ToList();
                if (Nodes.Count + missing.Count > limit)
                {
                    Truncated = true;
                    continue;
                }

                foreach (var node in missing)
                {
                    AddNode(node);
                    reached.Add(node);
                }

                Links.Add(link);
                _linkKeys.Add((link.Id, link.SourceId, link.TargetId));
            }

            return reached;
        }

        private void AddNode(string id)
        {
            Nodes.Add(id);
            _nodeIds.Add(id);
        }
    }
}
