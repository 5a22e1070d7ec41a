using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// Restriction for tracing: a party is restricted when a sanction naming it is active on the day, or when
/// it is blocked by the ownership rule in force, or when it carries the topic <c>export.control</c> (see
/// docs/domain.md#restricted-parties). The ownership verdicts of a whole frontier are calculated together.
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

    /// <summary>Parties of the trade index are judged by number; the others (a start that never traded) by id.</summary>
    async Task IRestrictionSource.JudgeByNumberAsync(TraceGraph graph, List<int> parties, IDictionary<int, Restriction> into, CancellationToken cancellationToken)
    {
        if (graph.Index is { } index)
        {
            var inIndex = parties.FindAll(n => n < index.Parties.Count);
            await JudgeAsync(index, inIndex, into, cancellationToken);
            if (inIndex.Count == parties.Count)
                return;
            parties = parties.FindAll(n => n >= index.Parties.Count);
        }

        foreach (var (id, restriction) in await GetRestrictionsAsync(parties.ConvertAll(graph.Id), cancellationToken))
            into[graph.Number(id)] = restriction;
    }

    /// <summary>
    /// Judges parties of the trade index by number, adding the restricted ones to <paramref name="into"/>.
    /// With a cache, verdicts are read from (and kept in) its table for the index; the parties it does not
    /// know yet are judged by id as <see cref="GetRestrictionsAsync"/> does.
    /// </summary>
    public async Task JudgeAsync(TradeIndex index, IReadOnlyList<int> parties, IDictionary<int, Restriction> into, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(parties);
        ArgumentNullException.ThrowIfNull(into);
        var table = cache is null ? null : cache.Numbered(await store.GetDataVersionAsync(cancellationToken), rule, asOf, index);
        var unknown = new List<int>();
        foreach (var party in parties)
        {
            if (table is not null && table.TryGet(party, out var known))
            {
                if (known is not null)
                    into[party] = known;
            }
            else
            {
                unknown.Add(party);
            }
        }

        if (unknown.Count == 0)
            return;
        var ids = unknown.ConvertAll(index.Columns.PartyId);
        var found = await GetRestrictionsAsync(ids, cancellationToken);
        for (var i = 0; i < unknown.Count; i++)
        {
            var restriction = found.GetValueOrDefault(ids[i]);
            table?.Set(unknown[i], restriction);
            if (restriction is not null)
                into[unknown[i]] = restriction;
        }
    }
}
