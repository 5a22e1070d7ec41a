using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>
/// Effective ownership for beneficial-owner questions: the sum over simple ownership paths of the product of
/// the stakes along each path. Unlike the 50% rules, percentages multiply here. Stakes of unknown size end a
/// path (they are never guessed); ranges count their minimum.
/// </summary>
public sealed class BeneficialOwnerCalculator(IGraphStore store)
{
    private static readonly LinkKind[] OwnsKind = [LinkKind.Owns];

    /// <summary>The natural persons holding at least <paramref name="threshold"/> percent, largest first.</summary>
    public async Task<IReadOnlyList<BeneficialOwner>> CalculateAsync(string companyId, double threshold, int maxDepth, DateOnly asOf, CancellationToken cancellationToken)
    {
        var incoming = new Dictionary<string, List<Link>>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal) { companyId };
        List<string> frontier = [companyId];
        for (var depth = 0; depth < maxDepth && frontier.Count > 0; depth++)
        {
            var links = await store.ExpandAsync(new LinkExpansion(frontier, OwnsKind, LinkDirection.Incoming, asOf, asOf), cancellationToken);
            var frontierSet = frontier.ToHashSet(StringComparer.Ordinal);
            List<string> next = [];
            foreach (var link in links.Where(l => l.Kind == LinkKind.Owns && frontierSet.Contains(l.TargetId) && l.IsActiveOn(asOf)))
            {
                if (!incoming.TryGetValue(link.TargetId, out var list))
                    incoming[link.TargetId] = list = [];
                list.Add(link);
                if (seen.Add(link.SourceId))
                    next.Add(link.SourceId);
            }

            frontier = next;
        }

        var persons = (await store.GetPartiesAsync(seen, cancellationToken)).Where(p => p.Kind == PartyKind.Person).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var totals = new Dictionary<string, (double Share, List<IReadOnlyList<string>> Paths)>(StringComparer.Ordinal);
        var onPath = new HashSet<string>(StringComparer.Ordinal) { companyId };
        var path = new List<string>();

        void Walk(string node, double share)
        {
            if (path.Count >= maxDepth || !incoming.TryGetValue(node, out var links))
                return;
            foreach (var link in links)
            {
                if (ExposureCalculator.CountedPercentage(link.Share) is not { } percent || !onPath.Add(link.SourceId))
                    continue;
                var through = share * percent / 100;
                path.Insert(0, link.Id);
                if (persons.Contains(link.SourceId))
                {
                    var total = totals.GetValueOrDefault(link.SourceId, (0, []));
                    total.Paths.Add([.. path]);
                    totals[link.SourceId] = (total.Share + through, total.Paths);
                }
                else
                {
                    Walk(link.SourceId, through);
                }

                path.RemoveAt(0);
                onPath.Remove(link.SourceId);
            }
        }

        Walk(companyId, 100);
        return [.. totals
            .Select(t => new BeneficialOwner(t.Key, Math.Round(t.Value.Share, 6), t.Value.Paths))
            .Where(o => o.EffectivePercent >= threshold - 1e-9)
            .OrderByDescending(o => o.EffectivePercent)
            .ThenBy(o => o.PersonId, StringComparer.Ordinal)];
    }
}
