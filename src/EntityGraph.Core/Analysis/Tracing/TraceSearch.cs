using System.Diagnostics;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// One trace: a breadth-first search, one hop at a time, over partial routes that share their prefixes,
/// then the best of the routes found built in full. Parties are numbers and shipments are rows of the
/// graph's columns until the routes are returned.
/// </summary>
/// <remarks>How the search goes, and why it finds exactly the valid routes: docs/tracing.md#the-search.</remarks>
internal sealed class TraceSearch : IDisposable
{
    private readonly IGraphStore _store;
    private readonly IRestrictionSource _restrictions;
    private readonly TraceQuery _query;
    private readonly TraceGraph _graph;
    private readonly TradeColumns _columns;
    private readonly bool _downstream;
    private readonly HashSet<string>? _targetCountries;
    private readonly bool _maximalRoutes;
    private readonly int _start;

    // Parties read so far; null for one read but not found.
    private readonly Dictionary<int, Party?> _parties = [];
    private readonly Dictionary<int, Restriction> _restricted = [];
    private readonly PartyFlags _flags;
    private readonly Dictionary<int, PartyShipments> _shipmentsOf = [];
    private readonly Dictionary<int, TradeGroup[]> _groupsToEndUsersOf = [];
    private readonly Dictionary<int, ArrivalIndex> _shipmentTimesOf = [];
    private readonly RouteStates _routes = new();
    private readonly RowArena _arena = new();
    private readonly List<FoundRoute> _found = [];
    private readonly List<RouteStep> _steps = [];
    private readonly RouteScorer _scorer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _shipmentsRead;
    private bool _truncated;

    public TraceSearch(IGraphStore store, IRestrictionSource restrictions, TraceGraph graph, TraceQuery query)
    {
        _store = store;
        _restrictions = restrictions;
        _query = query;
        _graph = graph;
        _columns = graph.Columns;
        _downstream = query.Direction == TraceDirection.Downstream;
        _targetCountries = query.TargetCountries is { Count: > 0 } t
            ? t.Select(c => c.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)
            : null;
        _maximalRoutes = !_downstream && _targetCountries is null;
        _flags = new PartyFlags(graph.Columns.PartyCount);
        _scorer = new RouteScorer(graph, _parties, query.AsOf);
        _start = graph.Number(query.StartId);
    }

    public async Task<TraceResult> RunAsync(CancellationToken cancellationToken)
    {
        await ReadPartiesAsync([_start], cancellationToken);
        await JudgeAsync([_start], cancellationToken);
        List<int> frontier = [_routes.Add(-1, _start, ArraySegment<int>.Empty)];
        while (frontier.Count > 0)
        {
            if (!await ExpandAsync(frontier.Select(_routes.Party), cancellationToken))
                break;
            frontier = await ExtendAsync(frontier, cancellationToken);
        }

        var returned = await BestRoutesAsync(cancellationToken);
        return await CompleteAsync(returned, cancellationToken);
    }

    public void Dispose()
    {
        _flags.Dispose();
        _routes.Dispose();
        _arena.Dispose();
    }

    /// <summary>The partial routes one hop longer than those of the frontier, which all have the same length.</summary>
    private async Task<List<int>> ExtendAsync(List<int> frontier, CancellationToken cancellationToken)
    {
        var length = _routes.Length(frontier[0]);
        var canGoOn = length + 1 < _query.MaxHops;
        // Why the last hop downstream judges first: docs/tracing.md#the-last-hop-downstream.
        var lastHop = _downstream && !canGoOn;
        if (lastHop)
            await JudgeEndUsersAsync(_flags.Distinct(_flags.Distinct(frontier.Select(_routes.Party)).SelectMany(party => _shipmentsOf[party].Groups.Select(g => g.Far))), cancellationToken);

        CollectSteps(frontier, length, lastHop);

        // Why the next parties are judged and expanded before they become routes: docs/tracing.md#looking-one-step-ahead.
        var nextParties = _flags.Distinct(_steps.Select(s => s.NextParty));
        if (_downstream)
            await JudgeEndUsersAsync(nextParties, cancellationToken);
        else if (_targetCountries is not null)
            await ReadPartiesAsync(nextParties, cancellationToken);

        // When a budget runs out here, the routes ending one step further are still kept: docs/tracing.md#budgets.
        var stop = canGoOn && !_maximalRoutes && !await ExpandAsync(nextParties.Where(party => !IsEnd(party)), cancellationToken);
        var longer = AddSteps(length, canGoOn && !stop);
        return stop ? [] : longer;
    }

    /// <summary>Every step the time rule allows from the frontier, into <see cref="_steps"/>.</summary>
    private void CollectSteps(List<int> frontier, int length, bool lastHop)
    {
        _steps.Clear();
        var path = new int[length + 1];
        foreach (var state in frontier)
        {
            var firstStep = _steps.Count;
            var skippedVisited = CollectStepsOf(state, length, lastHop, path);
            if (_maximalRoutes && length > 0)
                AddMaximalRoute(state, skippedVisited, firstStep);
        }
    }

    /// <summary>The steps from one partial route; true when a party was left out because the route visits it already.</summary>
    private bool CollectStepsOf(int state, int length, bool lastHop, int[] path)
    {
        var timed = length > 0 && _query.TimeRespecting;
        var arrivals = timed ? new ArrivalIndex(_routes.Arrivals(state), _columns) : default;
        var skippedVisited = false;
        // The route's parties, read once per state rather than once per customer of a busy party.
        _routes.CopyParties(state, path);
        var party = _routes.Party(state);
        foreach (var (nextParty, group) in lastHop ? GroupsToEndUsersOf(party) : _shipmentsOf[party].Groups)
        {
            if (Array.IndexOf(path, nextParty) >= 0)
            {
                skippedVisited = true;
                continue;
            }

            var shipments = timed ? ShipmentsInTime(group, arrivals) : group;
            if (shipments.Count > 0)
                _steps.Add(new RouteStep(state, nextParty, shipments));
        }

        return skippedVisited;
    }

    /// <summary>Upstream without target countries, the route of the state as it is, ending with the arrivals that cannot go further back.</summary>
    private void AddMaximalRoute(int state, bool skippedVisited, int firstStep)
    {
        var lastHop = _steps.Count == firstStep ? _routes.Arrivals(state)
            : !_query.TimeRespecting ? ArraySegment<int>.Empty
            : ArrivalsWithoutEarlierSupply(state, skippedVisited, firstStep);
        if (lastHop.Count > 0)
            _found.Add(new FoundRoute(state, lastHop));
    }

    /// <summary>The partial routes one hop longer, at most the chain budget of them; the routes that end are found.</summary>
    private List<int> AddSteps(int length, bool canGoOn)
    {
        var frontier = new List<int>();
        var extended = 0;
        foreach (var (state, nextParty, shipments) in _steps)
        {
            if (!_maximalRoutes && !IsEnd(nextParty) && !(canGoOn && _shipmentsOf.GetValueOrDefault(nextParty) is { Rows.Count: > 0 }))
                continue;
            if (extended == _query.ChainBudget)
            {
                _truncated = true;
                break;
            }

            extended++;
            var longer = _routes.Add(state, nextParty, shipments);
            if (IsEnd(nextParty))
                _found.Add(new FoundRoute(longer, shipments));
            else if (length + 1 < _query.MaxHops)
                frontier.Add(longer);
            else if (_maximalRoutes)
                _found.Add(new FoundRoute(longer, shipments));
        }

        return frontier;
    }

    /// <summary>Downstream a route ends at a restricted party (in a target country when asked); upstream at a party in a target country.</summary>
    private bool IsEnd(int party) =>
        _downstream ? IsRestrictedEndUser(party) : _targetCountries is not null && IsInTargetCountries(party);

    private bool IsRestrictedEndUser(int party) =>
        _restricted.ContainsKey(party) && (_targetCountries is null || IsInTargetCountries(party));

    private bool IsInTargetCountries(int party) =>
        _parties.GetValueOrDefault(party) is { } p && p.Countries.Any(_targetCountries!.Contains);

    /// <summary>On the last hop downstream, the party's shipments to restricted parties only: the others cannot end a route.</summary>
    private TradeGroup[] GroupsToEndUsersOf(int party)
    {
        if (!_groupsToEndUsersOf.TryGetValue(party, out var groups))
            _groupsToEndUsersOf[party] = groups = Array.FindAll(_shipmentsOf[party].Groups, g => IsEnd(g.Far));
        return groups;
    }

    /// <summary>The shipments of a group that may follow (downstream) or precede (upstream) an arrival; the group itself when all may.</summary>
    /// <remarks>Why some arrival is enough: docs/tracing.md#shipments-in-time.</remarks>
    private ArraySegment<int> ShipmentsInTime(ArraySegment<int> group, in ArrivalIndex arrivals)
    {
        var rows = group.AsSpan();
        var i = 0;
        while (i < rows.Length && IsInTime(rows[i], arrivals))
            i++;
        if (i == rows.Length)
            return group;
        var inTime = _arena.Reserve(rows.Length - 1);
        rows[..i].CopyTo(inTime);
        var count = i;
        for (i++; i < rows.Length; i++)
        {
            if (IsInTime(rows[i], arrivals))
                inTime[count++] = rows[i];
        }

        return _arena.Commit(count);
    }

    private bool IsInTime(int row, in ArrivalIndex arrivals) =>
        _downstream ? arrivals.AnyMayPrecede(row, _query.MaxDwellDays) : arrivals.AnyMayFollow(row, _query.MaxDwellDays);

    /// <summary>
    /// Upstream, the arrivals whose goods cannot have come in any of the earlier shipments of the state's
    /// party, the steps from <paramref name="firstStep"/> on.
    /// </summary>
    /// <remarks>Why every shipment of the party can be asked instead: docs/tracing.md#maximal-routes-upstream.</remarks>
    private ArraySegment<int> ArrivalsWithoutEarlierSupply(int state, bool skippedVisited, int firstStep)
    {
        var party = _routes.Party(state);
        ArrivalIndex earlier;
        if (skippedVisited)
        {
            var rows = new List<int>();
            for (var i = firstStep; i < _steps.Count; i++)
                rows.AddRange(_steps[i].Shipments);
            earlier = new ArrivalIndex(rows.ToArray(), _columns);
        }
        else if (!_shipmentTimesOf.TryGetValue(party, out earlier))
        {
            _shipmentTimesOf[party] = earlier = new ArrivalIndex(_shipmentsOf[party].GroupedRows, _columns);
        }

        var maxDwellDays = _query.MaxDwellDays;
        return RowSelection.Where(_routes.Arrivals(state), row => !earlier.AnyMayPrecede(row, maxDwellDays), _arena);
    }

    /// <summary>The best routes found, built in full, at most the limit of them, best first.</summary>
    /// <remarks>Why the routes left unbuilt cannot beat them: docs/tracing.md#pruning-by-score-bound.</remarks>
    private async Task<List<RouteDraft>> BestRoutesAsync(CancellationToken cancellationToken)
    {
        var (bounds, order) = RoutesByBound();
        var builder = new RouteBuilder(_routes, _graph, _scorer, _restricted, _query);
        var limit = _query.Limit;
        var returned = new List<RouteDraft>(Math.Min(limit, _found.Count));
        var batch = Math.Max(limit, 16);
        for (var position = 0; position < order.Length && limit > 0;)
        {
            if (returned.Count == limit && -bounds[position] < returned[^1].Score)
                break;
            var end = Math.Min(order.Length, position + batch);
            await ReadPartiesAsync(Enumerable.Range(position, end - position).SelectMany(i => _routes.Parties(_found[order[i]].State)), cancellationToken);
            for (; position < end; position++)
            {
                if (returned.Count == limit && -bounds[position] < returned[^1].Score)
                    break;
                var (state, lastHop) = _found[order[position]];
                var draft = builder.Build(state, lastHop);
                var at = returned.BinarySearch(draft, RouteOrder.Instance);
                returned.Insert(at < 0 ? ~at : at, draft);
                if (returned.Count > limit)
                    returned.RemoveAt(returned.Count - 1);
            }

            batch *= 2;
        }

        return returned;
    }

    /// <summary>The routes found, best bound first: the negated bounds in ascending order, and the routes' places in <see cref="_found"/>.</summary>
    private (double[] Bounds, int[] Order) RoutesByBound()
    {
        var bounds = new double[_found.Count];
        var order = new int[_found.Count];
        var partiesOfLength = new int[_query.MaxHops + 1][];
        for (var i = 0; i < _found.Count; i++)
        {
            var (state, lastHop) = _found[i];
            var endUser = _downstream ? _routes.Party(state) : _start;
            var length = _routes.Length(state);
            var route = partiesOfLength[length] ??= new int[length + 1];
            _routes.CopyParties(state, route);
            bounds[i] = -_scorer.Points(new RouteEvidence(route, endUser, _restricted.GetValueOrDefault(endUser), _routes.BoundFacts(state, lastHop, _columns)));
            order[i] = i;
        }

        Array.Sort(bounds, order);
        return (bounds, order);
    }

    /// <summary>The result: the routes returned with their shipments in full and their reasons.</summary>
    private async Task<TraceResult> CompleteAsync(List<RouteDraft> returned, CancellationToken cancellationToken)
    {
        // The reasons name the blocked owners of the end users returned, whom the search itself never visits.
        await ReadPartiesAsync(returned.SelectMany(r => r.Restriction?.Owners ?? []).Select(o => _graph.Number(o.OwnerId)), cancellationToken);

        // Only the routes returned carry their shipments in full: one read for all of them.
        var shipments = (await _store.GetShipmentsAsync([.. returned.SelectMany(r => r.Hops).SelectMany(h => h.ShipmentIds(_columns)).Distinct(StringComparer.Ordinal)], cancellationToken))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        return new TraceResult([.. returned.Select(r => r.Complete(shipments, _columns, _scorer))], _found.Count, _truncated || _found.Count > _query.Limit, _shipmentsRead);
    }

    /// <summary>Reads the shipments of the parties not read yet; false when a budget is spent.</summary>
    private async Task<bool> ExpandAsync(IEnumerable<int> parties, CancellationToken cancellationToken)
    {
        var unexpanded = _flags.Distinct(parties.Where(p => !_shipmentsOf.ContainsKey(p)));
        if (unexpanded.Count == 0)
            return true;
        var remaining = _query.ShipmentBudget - _shipmentsRead;
        if (remaining <= 0 || _clock.Elapsed > _query.TimeBudget)
        {
            _truncated = true;
            return false;
        }

        var (read, cut) = await _graph.ExpandAsync(unexpanded, _downstream, remaining, _shipmentsOf, cancellationToken);
        _truncated |= cut;
        _shipmentsRead += read;
        return true;
    }

    /// <summary>Judges the parties, and reads those that are restricted when only end users in target countries count.</summary>
    private async Task JudgeEndUsersAsync(List<int> parties, CancellationToken cancellationToken)
    {
        await JudgeAsync(parties, cancellationToken);
        if (_targetCountries is not null)
            await ReadPartiesAsync(parties.Where(_restricted.ContainsKey), cancellationToken);
    }

    private async Task ReadPartiesAsync(IEnumerable<int> numbers, CancellationToken cancellationToken)
    {
        var fresh = numbers.Where(n => _flags.Set(n, PartyFlags.Read)).Select(_graph.Id).ToList();
        if (fresh.Count == 0)
            return;
        foreach (var id in fresh)
            _parties[_graph.Number(id)] = null;
        foreach (var party in await _store.GetPartiesAsync(fresh, cancellationToken))
            _parties[_graph.Number(party.Id)] = party;
    }

    private async Task JudgeAsync(IEnumerable<int> numbers, CancellationToken cancellationToken)
    {
        var fresh = numbers.Where(n => _flags.Set(n, PartyFlags.Judged)).ToList();
        if (fresh.Count > 0)
            await _restrictions.JudgeByNumberAsync(_graph, fresh, _restricted, cancellationToken);
    }

    /// <summary>A step from a partial route to the next party, with the shipments to (or from) it that the time rule allows.</summary>
    private readonly record struct RouteStep(int State, int NextParty, ArraySegment<int> Shipments);

    /// <summary>A route found: its state, and the shipments of its last hop that end it.</summary>
    private readonly record struct FoundRoute(int State, ArraySegment<int> LastHop);
}
