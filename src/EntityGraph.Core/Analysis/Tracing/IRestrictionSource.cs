namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// Says which parties a trace must stop at. Kept apart from the tracer so that the ownership rule
/// (OFAC 50 %, EU control) can be plugged in beside direct sanctions.
/// </summary>
public interface IRestrictionSource
{
    /// <summary>The restricted parties among <paramref name="partyIds"/>, with their reasons; the others (and unknown ids) are absent.</summary>
    Task<IReadOnlyDictionary<string, Restriction>> GetRestrictionsAsync(IReadOnlyCollection<string> partyIds, CancellationToken cancellationToken);

    /// <summary>
    /// Judges parties of a trace by their numbers in <paramref name="graph"/> and adds the restricted ones,
    /// with their reasons, to <paramref name="into"/>. By default by id, through <see cref="GetRestrictionsAsync"/>;
    /// a source that keeps verdicts by number judges the parties of the trade index faster.
    /// </summary>
    internal async Task JudgeByNumberAsync(TraceGraph graph, List<int> parties, IDictionary<int, Restriction> into, CancellationToken cancellationToken)
    {
        foreach (var (id, restriction) in await GetRestrictionsAsync(parties.ConvertAll(graph.Id), cancellationToken))
            into[graph.Number(id)] = restriction;
    }
}
