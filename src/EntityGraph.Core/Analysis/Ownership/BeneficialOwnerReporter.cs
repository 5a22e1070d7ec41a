using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Ownership;

/// <summary>
/// The beneficial owners of a company (as <see cref="BeneficialOwnerCalculator"/> finds them) with each
/// ownership chain read from the store link by link, ready to show as evidence.
/// </summary>
public sealed class BeneficialOwnerReporter(IGraphStore store)
{
    /// <summary>The report for the company, or null when the store holds no party with its id.</summary>
    public async Task<BeneficialOwnerReport?> ReportAsync(string companyId, double threshold, int maxDepth, DateOnly asOf, CancellationToken cancellationToken)
    {
        if ((await store.GetPartiesAsync([companyId], cancellationToken)).Count == 0)
            return null;
        var owners = await new BeneficialOwnerCalculator(store).CalculateAsync(companyId, threshold, maxDepth, asOf, cancellationToken);
        var linkIds = owners.SelectMany(o => o.Paths).SelectMany(p => p).Distinct().ToList();
        var links = (await store.GetLinksAsync(linkIds, cancellationToken)).ToDictionary(l => l.Id, StringComparer.Ordinal);
        var nodeIds = links.Values.SelectMany(l => new[] { l.SourceId, l.TargetId }).Distinct().ToList();
        var entities = (await store.GetEntitiesAsync(nodeIds, cancellationToken)).ToDictionary(e => e.Id, StringComparer.Ordinal);
        var chains = owners.Select(o => new BeneficialOwnerChains(o.PersonId, o.EffectivePercent, [.. o.Paths.Select(path => Chain(path, links, companyId))])).ToList();
        return new BeneficialOwnerReport(chains, entities);
    }

    /// <summary>The chain of a path of link ids; links the store no longer holds are left out.</summary>
    private static OwnershipChain Chain(IReadOnlyList<string> path, Dictionary<string, Link> links, string companyId)
    {
        var chain = path.Where(links.ContainsKey).Select(id => links[id]).ToList();
        var nodeIds = chain.Select(l => l.SourceId).Append(chain.LastOrDefault()?.TargetId ?? companyId).ToList();
        return new OwnershipChain(nodeIds, chain);
    }
}
