using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// Restriction without the ownership rule: a party is restricted when a sanction naming it is active
/// on the day of evaluation, or when it carries the topic <c>export.control</c>.
/// </summary>
public sealed class DirectRestrictions(IGraphStore store, DateOnly asOf) : IRestrictionSource
{
    public const string ExportControlTopic = "export.control";

    public async Task<IReadOnlyDictionary<string, Restriction>> GetRestrictionsAsync(IReadOnlyCollection<string> partyIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Restriction>(StringComparer.Ordinal);
        if (partyIds.Count == 0)
            return result;

        var links = await store.ExpandAsync(
            new LinkExpansion(partyIds, [LinkKind.SanctionedBy], LinkDirection.Outgoing, Limit: int.MaxValue), cancellationToken);
        var sanctions = (await store.GetSanctionsAsync([.. links.Select(l => l.TargetId).Distinct()], cancellationToken))
            .Where(s => s.IsActiveOn(asOf))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var group in links.GroupBy(l => l.SourceId, StringComparer.Ordinal))
        {
            var active = group.Select(l => l.TargetId).Where(sanctions.ContainsKey).Distinct().Order(StringComparer.Ordinal).ToList();
            if (active.Count > 0)
                result[group.Key] = new Restriction(RestrictionKind.Sanctioned, active, []);
        }

        foreach (var party in await store.GetPartiesAsync(partyIds, cancellationToken))
        {
            if (!result.ContainsKey(party.Id) && party.Topics.Contains(ExportControlTopic, StringComparer.Ordinal))
                result[party.Id] = new Restriction(RestrictionKind.ExportControl, [], []);
        }

        return result;
    }
}
