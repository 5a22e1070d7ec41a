using EntityGraph.Core.Indexing;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// Finds the intermediary chains of shipments from a party towards restricted end users
/// (downstream) or back towards its suppliers (upstream), as docs/domain.md#tracing defines them: consecutive
/// shipments meet at a party, no party is visited twice, each shipment follows the one before it
/// within the dwell window (<see cref="TraceTime"/>), every shipment passes the filter. Downstream a
/// chain ends at the first restricted party; upstream at the first party in a target country, or
/// where it can go no further. The store is asked once per hop for the whole frontier.
/// </summary>
/// <remarks>How the search works, and why it is exact: docs/tracing.md.</remarks>
public sealed class ChainTracer(IGraphStore store, IRestrictionSource restrictions, ITradeIndexSource? indexSource = null)
{
    public async Task<TraceResult> TraceAsync(TraceQuery query, CancellationToken cancellationToken)
    {
        Validate(query);
        var graph = await TraceGraph.OpenAsync(store, indexSource, query.Filter, cancellationToken);
        using var search = new TraceSearch(store, restrictions, graph, query);
        return await search.RunAsync(cancellationToken);
    }

    private static void Validate(TraceQuery query)
    {
        if (string.IsNullOrWhiteSpace(query.StartId))
            throw new ArgumentException("startId must name a party.", nameof(query));
        if (query.MaxHops < 1)
            throw new ArgumentOutOfRangeException(nameof(query), query.MaxHops, "maxHops must be at least 1.");
        if (query.MaxDwellDays < 0)
            throw new ArgumentOutOfRangeException(nameof(query), query.MaxDwellDays, "maxDwellDays must be 0 or more.");
        if (query.Limit < 0)
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, "limit must be 0 or more.");
    }
}
