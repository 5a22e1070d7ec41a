using EntityGraph.Core.Indexing;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>Builds the routes a trace found in full: per hop, the shipments that take part in at least one valid sequence of the route.</summary>
/// <remarks>Why walking back from the end keeps exactly those: docs/tracing.md#walking-back-from-the-end.</remarks>
internal sealed class RouteBuilder(RouteStates routes, TraceGraph graph, RouteScorer scorer, IReadOnlyDictionary<int, Restriction> restricted, TraceQuery query)
{
    private readonly bool _downstream = query.Direction == TraceDirection.Downstream;

    /// <summary>The route of <paramref name="state"/>, whose last hop has the shipments <paramref name="lastHop"/>.</summary>
    public RouteDraft Build(int state, ArraySegment<int> lastHop)
    {
        var columns = graph.Columns;
        var partyNumbers = new int[routes.Length(state) + 1];
        routes.CopyParties(state, partyNumbers);
        var partyIds = Array.ConvertAll(partyNumbers, graph.Id);
        var perHop = ShipmentsPerHop(state, lastHop);

        var hops = new HopDraft[perHop.Length];
        for (var i = 0; i < perHop.Length; i++)
        {
            var (from, to) = _downstream ? (partyIds[i], partyIds[i + 1]) : (partyIds[i + 1], partyIds[i]);
            hops[i] = new HopDraft(from, to, perHop[i], Sum(perHop[i], columns));
        }

        // Each hop joins a different pair of parties, so no shipment is counted twice.
        var facts = RouteFacts.Of(perHop, columns);
        var endUser = _downstream ? partyNumbers[^1] : partyNumbers[0];
        var evidence = new RouteEvidence(partyNumbers, endUser, restricted.GetValueOrDefault(endUser), facts);
        return new RouteDraft(partyIds, hops, graph.Id(endUser), evidence.Restriction, facts.TotalValueUsd, facts.FirstDate(columns), facts.LastDate(columns), scorer.Points(evidence), evidence);
    }

    /// <summary>The shipments of each hop that lead on, hop by hop, to the shipments of the last.</summary>
    private ArraySegment<int>[] ShipmentsPerHop(int state, ArraySegment<int> lastHop)
    {
        var arrivals = new ArraySegment<int>[routes.Length(state)];
        for (var s = state; routes.Length(s) > 0; s = routes.Previous(s))
            arrivals[routes.Length(s) - 1] = routes.Arrivals(s);

        var perHop = new ArraySegment<int>[arrivals.Length];
        perHop[^1] = lastHop;
        for (var i = arrivals.Length - 2; i >= 0; i--)
        {
            if (!query.TimeRespecting)
            {
                perHop[i] = arrivals[i];
                continue;
            }

            // Keep the shipments some later shipment of the route may follow (downstream) or precede (upstream).
            var later = new ArrivalIndex(perHop[i + 1], graph.Columns);
            perHop[i] = RowSelection.Where(arrivals[i], row => _downstream ? later.AnyMayFollow(row, query.MaxDwellDays) : later.AnyMayPrecede(row, query.MaxDwellDays), arena: null);
        }

        return perHop;
    }

    private static double? Sum(ArraySegment<int> rows, TradeColumns columns)
    {
        double? sum = null;
        foreach (var row in rows)
        {
            if (!double.IsNaN(columns.Values[row]))
                sum = (sum ?? 0) + columns.Values[row];
        }

        return sum;
    }
}
