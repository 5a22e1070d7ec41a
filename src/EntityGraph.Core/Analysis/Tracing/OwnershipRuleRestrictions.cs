using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
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

    public async Task<IReadOnlyDictionary<string, Restriction>> GetRestrictionsAsync(IReadOnlyCollection<Party> parties, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Restriction>(StringComparer.Ordinal);
        if (parties.Count == 0)
            return result;

        var exposures = await _calculator.CalculateKnownAsync([.. parties.Select(p => p.Id).Distinct(StringComparer.Ordinal)], rule, asOf, explain: false, cancellationToken);
        foreach (var party in parties)
        {
            if (!exposures.TryGetValue(party.Id, out var exposure))
                continue;
            if (exposure.DirectlySanctioned)
                result[party.Id] = new Restriction(RestrictionKind.Sanctioned, [.. exposure.Sanctions.Select(s => s.Id)], []);
            else if (exposure.Blocked)
                result[party.Id] = new Restriction(RestrictionKind.OwnershipBlocked, [], [.. exposure.Contributions.Where(c => c.Counts)]);
            else if (party.Topics.Contains(DirectRestrictions.ExportControlTopic, StringComparer.Ordinal))
                result[party.Id] = new Restriction(RestrictionKind.ExportControl, [], []);
        }

        return result;
    }
}
