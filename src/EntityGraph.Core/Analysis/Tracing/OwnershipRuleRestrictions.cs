using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// Restriction as DOMAIN.md defines it for tracing: a party is restricted when a sanction naming it is
/// active on the day, or when it is blocked by the ownership rule in force, or when it carries the topic
/// <c>export.control</c>. The ownership verdicts of a whole frontier are calculated together.
/// </summary>
public sealed class OwnershipRuleRestrictions(IGraphStore store, OwnershipRule rule, DateOnly asOf) : IRestrictionSource
{
    private readonly ExposureCalculator _calculator = new(store);

    public async Task<IReadOnlyDictionary<string, Restriction>> GetRestrictionsAsync(IReadOnlyCollection<string> partyIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Restriction>(StringComparer.Ordinal);
        if (partyIds.Count == 0)
            return result;

        var exposures = await _calculator.CalculateManyAsync(partyIds, rule, asOf, cancellationToken, explain: false);
        var unblocked = new List<string>();
        foreach (var id in partyIds)
        {
            if (!exposures.TryGetValue(id, out var exposure))
                continue;
            if (exposure.DirectlySanctioned)
                result[id] = new Restriction(RestrictionKind.Sanctioned, [.. exposure.Sanctions.Select(s => s.Id)], []);
            else if (exposure.Blocked)
                result[id] = new Restriction(RestrictionKind.OwnershipBlocked, [], [.. exposure.Contributions.Where(c => c.Counts)]);
            else
                unblocked.Add(id);
        }

        if (unblocked.Count > 0)
        {
            foreach (var party in await store.GetPartiesAsync(unblocked, cancellationToken))
            {
                if (party.Topics.Contains(DirectRestrictions.ExportControlTopic, StringComparer.Ordinal))
                    result[party.Id] = new Restriction(RestrictionKind.ExportControl, [], []);
            }
        }

        return result;
    }
}
