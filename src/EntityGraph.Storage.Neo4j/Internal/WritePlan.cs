using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Storage.Neo4j.Internal;

/// <summary>
/// The parameters of one upsert batch's statements: the relationships the rewritten entities' previous
/// values were read as (to delete), the node rows, the relationship rows by kind, and the ends of the
/// deleted relationships (placeholders among them go once nothing refers to them).
/// </summary>
internal sealed record WritePlan(
    IReadOnlyList<Dictionary<string, object?>> PreviousLinks,
    IReadOnlyList<Dictionary<string, object?>> Nodes,
    IReadOnlyList<(LinkKind Kind, IReadOnlyList<Dictionary<string, object?>> Rows)> Links,
    IReadOnlyList<string> FormerEnds)
{
    public static WritePlan For(IReadOnlyList<FragmentWrite> writes, ImportRun run)
    {
        var previous = new List<Dictionary<string, object?>>();
        var formerEnds = new HashSet<string>(StringComparer.Ordinal);
        var nodes = new List<Dictionary<string, object?>>(writes.Count);
        var links = new Dictionary<LinkKind, List<Dictionary<string, object?>>>();
        foreach (var write in writes)
        {
            var id = write.Merged.Id;
            if (write.Stored.Count > 0)
            {
                var before = FtmFragments.Merge(write.Stored.Select(s => s.Fragment).ToList());
                foreach (var link in FtmProjector.Project(before, includeSearchText: false).Links)
                {
                    previous.Add(EntityRows.LinkKey(link, id));
                    formerEnds.Add(link.SourceId);
                    formerEnds.Add(link.TargetId);
                }
            }

            var projection = FtmProjector.Project(write.Merged);
            nodes.Add(EntityRows.Node(write.Merged, EntityDocuments.Fragments(write.Fragments.Select(f => (f, RunOf(f, write, run)))), projection));
            foreach (var link in projection.Links)
            {
                if (!links.TryGetValue(link.Kind, out var rows))
                    links[link.Kind] = rows = [];
                rows.Add(EntityRows.Link(link, id));
            }
        }

        return new WritePlan(
            previous,
            nodes,
            [.. links.OrderBy(l => l.Key).Select(l => (l.Key, (IReadOnlyList<Dictionary<string, object?>>)l.Value))],
            [.. formerEnds.Order(StringComparer.Ordinal)]);
    }

    /// <summary>The run that wrote a fragment: this one for its own dataset, else the run stored with it.</summary>
    private static string RunOf(FtmEntity fragment, FragmentWrite write, ImportRun run)
    {
        var dataset = fragment.Datasets[0];
        if (string.Equals(dataset, run.Dataset, StringComparison.Ordinal))
            return run.RunId;
        return write.Stored.FirstOrDefault(s => string.Equals(s.Dataset, dataset, StringComparison.Ordinal))?.RunId ?? string.Empty;
    }
}
