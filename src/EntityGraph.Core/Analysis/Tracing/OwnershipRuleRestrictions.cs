using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// Restriction as DOMAIN.md defines it for tracing: a party is restricted when a sanction naming it is
/// active on the day, or when it is blocked by the ownership rule in force, or when it carries the topic
/// <c>export.control</c>. The ownership verdicts of a whole frontier are calculated together.
/// </summary>
/// <param name="store">Where the parties, their owners and sanctions are.</param>
/// <param name="rule">The ownership rule in force.</param>
/// <param name="asOf">The day of evaluation.</param>
/// <param name="cache">Verdicts kept between traces, if any.</param>
public sealed class OwnershipRuleRestrictions(IGraphStore store, OwnershipRule rule, DateOnly asOf, RestrictionCache? cache = null) : IRestrictionSource
{
    private readonly ExposureCalculator _calculator = new(store);

    public async Task<IReadOnlyDictionary<string, Restriction>> GetRestrictionsAsync(IReadOnlyCollection<string> partyIds, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, Restriction>(StringComparer.Ordinal);
        if (partyIds.Count == 0)
            return result;

        IReadOnlyCollection<string> toJudge = partyIds;
        var version = cache is null ? 0 : await store.GetDataVersionAsync(cancellationToken);
        if (cache is not null)
        {
            var (known, unknown) = cache.Lookup(version, rule, asOf, partyIds.Distinct(StringComparer.Ordinal));
            foreach (var (id, restriction) in known)
                result[id] = restriction;
            toJudge = unknown;
            if (toJudge.Count == 0)
                return result;
        }

        var parties = await store.GetPartiesAsync(toJudge, cancellationToken);

        var judged = new Dictionary<string, Restriction>(StringComparer.Ordinal);
        var exposures = await _calculator.CalculateKnownAsync([.. parties.Select(p => p.Id).Distinct(StringComparer.Ordinal)], rule, asOf, explain: false, cancellationToken);
        foreach (var party in parties)
        {
            if (!exposures.TryGetValue(party.Id, out var exposure))
                continue;
            if (exposure.DirectlySanctioned)
                judged[party.Id] = new Restriction(RestrictionKind.Sanctioned, [.. exposure.Sanctions.Select(s => s.Id)], []);
            else if (exposure.Blocked)
                judged[party.Id] = new Restriction(RestrictionKind.OwnershipBlocked, [], [.. exposure.Contributions.Where(c => c.Counts)]);
            else if (party.Topics.Contains(DirectRestrictions.ExportControlTopic, StringComparer.Ordinal))
                judged[party.Id] = new Restriction(RestrictionKind.ExportControl, [], []);
        }

        cache?.Remember(version, rule, asOf, exposures.Keys, judged);
        foreach (var (id, restriction) in judged)
            result[id] = restriction;
        return result;
    }
}
