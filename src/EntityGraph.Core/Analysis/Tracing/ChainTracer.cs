using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Rules;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// Finds the intermediary chains of shipments from a party towards restricted end users
/// (downstream) or back towards its suppliers (upstream), as DOMAIN.md defines them: consecutive
/// shipments meet at a party, no party is visited twice, each shipment follows the one before it
/// within the dwell window (<see cref="TraceTime"/>), every shipment passes the filter. Downstream a
/// chain ends at the first restricted party; upstream at the first party in a target country, or
/// where it can go no further. The store is asked once per hop for the whole frontier.
/// </summary>
public sealed class ChainTracer(IGraphStore store, IRestrictionSource restrictions, ITradeIndexSource? indexSource = null)
{
    private static readonly DateOnly Invasion = new(2022, 2, 24);

    public async Task<TraceResult> TraceAsync(TraceQuery query, CancellationToken cancellationToken)
    {
        Validate(query);
        var downstream = query.Direction == TraceDirection.Downstream;
        var targets = query.TargetCountries is { Count: > 0 } t
            ? t.Select(c => c.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)
            : null;
        var maximalRoutes = !downstream && targets is null;

        // Parties are numbers and shipments are rows of the graph's columns until the routes are returned.
        var graph = await TraceGraph.OpenAsync(store, indexSource, query.Filter, cancellationToken);
        var columns = graph.Columns;
        // Parties read so far; null for one read but not found.
        var parties = new Dictionary<int, Party?>();
        var restricted = new Dictionary<int, Restriction>();
        using var flags = new PartyFlags(graph.Columns.PartyCount);
        var next = new Dictionary<int, Shipped>();
        var endGroupsOf = new Dictionary<int, TradeGroup[]>();
        var allOf = new Dictionary<int, ArrivalIndex>();
        using var states = new RouteStates();
        using var arena = new RowArena();
        var valid = new List<(int State, ArraySegment<int> Ends)>();
        var explored = 0;
        var truncated = false;
        var clock = Stopwatch.StartNew();

        var start = graph.Number(query.StartId);
        await ReadPartiesAsync([start]);
        await JudgeAsync([start]);
        List<int> frontier = [states.Add(-1, start, ArraySegment<int>.Empty)];
        var steps = new List<(int State, int Far, ArraySegment<int> Onward)>();
        while (frontier.Count > 0)
        {
            if (!await ExpandAsync(frontier.Select(states.Party)))
                break;

            // All partial routes of the frontier have the same length. On the last hop downstream only a
            // restricted party can end a route, so the parties one step ahead are judged first (verdicts are
            // mostly known already) and the others are not looked at.
            var length = states.Length(frontier[0]);
            var canGoOn = length + 1 < query.MaxHops;
            var lastHop = downstream && !canGoOn;
            if (lastHop)
            {
                var ahead = flags.Distinct(flags.Distinct(frontier.Select(states.Party)).SelectMany(party => next[party].Groups.Select(g => g.Far)));

                await JudgeAsync(ahead);
                if (targets is not null)
                    await ReadPartiesAsync(ahead.Where(restricted.ContainsKey));
            }

            // Every step the time rule allows from the frontier.
            steps.Clear();
            var path = new int[length + 1];
            foreach (var state in frontier)
            {
                var timed = length > 0 && query.TimeRespecting;
                var arrivals = timed ? new ArrivalIndex(states.Arrivals(state), columns) : default;
                var onwardGroups = 0;
                var skippedVisited = false;
                // The route's parties, read once per state rather than once per customer of a busy party.
                states.CopyParties(state, path);
                var party = states.Party(state);
                foreach (var (far, group) in lastHop ? EndGroupsOf(party) : next[party].Groups)
                {
                    if (Array.IndexOf(path, far) >= 0)
                    {
                        skippedVisited = true;
                        continue;
                    }

                    var onward = timed ? Onward(group, arrivals) : group;
                    if (onward.Count == 0)
                        continue;
                    steps.Add((state, far, onward));
                    onwardGroups++;
                }

                // Upstream without targets a route is maximal: it ends with the arrivals that cannot go further back.
                if (maximalRoutes && length > 0)
                {
                    var ends = onwardGroups == 0 ? states.Arrivals(state)
                        : !query.TimeRespecting ? ArraySegment<int>.Empty
                        : Ends(state, skippedVisited, steps, steps.Count - onwardGroups);
                    if (ends.Count > 0)
                        valid.Add((state, ends));
                }
            }

            // The parties one step further are judged (or read) now, and the shipments of those that could go on
            // are read now, so that dead ends (a customer that is not restricted and ships nothing on) never
            // become partial routes.
            var candidates = flags.Distinct(steps.Select(s => s.Far));
            if (downstream)
            {
                await JudgeAsync(candidates);
                if (targets is not null)
                    await ReadPartiesAsync(candidates.Where(restricted.ContainsKey));
            }
            else if (targets is not null)
            {
                await ReadPartiesAsync(candidates);
            }

            // When a budget runs out here, the routes ending one step further are still kept; the search stops after them.
            var stop = canGoOn && !maximalRoutes && !await ExpandAsync(candidates.Where(far => !IsEnd(far)));
            canGoOn &= !stop;

            // The partial routes one hop longer, at most the chain budget of them.
            frontier = [];
            var extended = 0;
            foreach (var (state, far, onward) in steps)
            {
                if (!maximalRoutes && !IsEnd(far) && !(canGoOn && next.GetValueOrDefault(far) is { Rows.Count: > 0 }))
                    continue;
                if (extended == query.ChainBudget)
                {
                    truncated = true;
                    break;
                }

                extended++;
                var longer = states.Add(state, far, onward);
                if (IsEnd(far))
                    valid.Add((longer, onward));
                else if (length + 1 < query.MaxHops)
                    frontier.Add(longer);
                else if (maximalRoutes)
                    valid.Add((longer, onward));
            }

            if (stop)
                frontier = [];
        }

        // Only the best routes are built in full. A route's score is at most its bound: the score of every
        // shipment its search reached (the walk back from the end may drop some), summed once per shared
        // prefix, with any intermediary not read yet taken to be in a transshipment country. Routes are
        // built best bound first, their parties read a batch at a time, until no bound can beat the last kept.
        var bounds = new double[valid.Count];
        var order = new int[valid.Count];
        var numbers = new int[query.MaxHops + 1][];
        for (var i = 0; i < valid.Count; i++)
        {
            var (state, ends) = valid[i];
            var endUser = downstream ? states.Party(state) : start;
            var route = numbers[states.Length(state)] ??= new int[states.Length(state) + 1];
            states.CopyParties(state, route);
            bounds[i] = -Score(route, endUser, states.Bound(state, ends, columns), restricted.GetValueOrDefault(endUser), graph, parties, columns, query.AsOf, explain: false).Score;
            order[i] = i;
        }

        Array.Sort(bounds, order);
        var returned = new List<RouteDraft>(Math.Min(query.Limit, valid.Count));
        var batch = Math.Max(query.Limit, 16);
        for (var position = 0; position < order.Length && query.Limit > 0;)
        {
            if (returned.Count == query.Limit && -bounds[position] < returned[^1].Score)
                break;
            var end = Math.Min(order.Length, position + batch);
            await ReadPartiesAsync(Enumerable.Range(position, end - position).SelectMany(i => states.Parties(valid[order[i]].State)));
            for (; position < end; position++)
            {
                if (returned.Count == query.Limit && -bounds[position] < returned[^1].Score)
                    break;
                var (state, ends) = valid[order[position]];
                var draft = BuildRoute(states, state, ends, downstream, query, graph, parties, restricted);
                var at = returned.BinarySearch(draft, RouteOrder.Instance);
                returned.Insert(at < 0 ? ~at : at, draft);
                if (returned.Count > query.Limit)
                    returned.RemoveAt(returned.Count - 1);
            }

            batch *= 2;
        }

        // The reasons name the blocked owners of the end users returned, whom the search itself never visits.
        await ReadPartiesAsync(returned.SelectMany(r => r.Restriction?.Owners ?? []).Select(o => graph.Number(o.OwnerId)));

        // Only the routes returned carry their shipments in full: one read for all of them.
        var shipments = (await store.GetShipmentsAsync([.. returned.SelectMany(r => r.Hops).SelectMany(h => h.ShipmentIds(columns)).Distinct(StringComparer.Ordinal)], cancellationToken))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        return new TraceResult([.. returned.Select(r => r.Complete(shipments, columns))], valid.Count, truncated || valid.Count > query.Limit, explored);

        // Downstream a route ends at a restricted party (in a target country when asked); upstream at a party in a target country.
        bool IsEnd(int party) => downstream ? IsRestrictedEndUser(party) : targets is not null && IsInTargets(party);

        // On the last hop downstream, the party's shipments to restricted parties only: the others cannot end a route.
        TradeGroup[] EndGroupsOf(int party)
        {
            if (!endGroupsOf.TryGetValue(party, out var groups))
                endGroupsOf[party] = groups = Array.FindAll(next[party].Groups, g => IsEnd(g.Far));
            return groups;
        }

        // The shipments of a group that may follow (downstream) or precede (upstream) an arrival; the group itself when all may.
        ArraySegment<int> Onward(ArraySegment<int> group, ArrivalIndex arrivals)
        {
            var rows = group.AsSpan();
            var i = 0;
            while (i < rows.Length && (downstream ? arrivals.AnyMayPrecede(rows[i], query.MaxDwellDays) : arrivals.AnyMayFollow(rows[i], query.MaxDwellDays)))
                i++;
            if (i == rows.Length)
                return group;
            var kept = arena.Room(rows.Length - 1);
            rows[..i].CopyTo(kept);
            var count = i;
            for (i++; i < rows.Length; i++)
            {
                if (downstream ? arrivals.AnyMayPrecede(rows[i], query.MaxDwellDays) : arrivals.AnyMayFollow(rows[i], query.MaxDwellDays))
                    kept[count++] = rows[i];
            }

            return arena.Keep(count);
        }

        // Upstream, the arrivals whose goods cannot have come in any of the onward (earlier) shipments, the
        // state's steps from firstStep on. A shipment that may precede an arrival is onward by definition, so
        // unless a group was left out because its party is on the route already, the question is asked of all
        // the party's shipments, indexed once per party.
        ArraySegment<int> Ends(int state, bool skippedVisited, List<(int State, int Far, ArraySegment<int> Onward)> steps, int firstStep)
        {
            ArrivalIndex earlier;
            if (skippedVisited)
            {
                var rows = new List<int>();
                for (var i = firstStep; i < steps.Count; i++)
                    rows.AddRange(steps[i].Onward);
                earlier = new ArrivalIndex(rows.ToArray(), columns);
            }
            else if (!allOf.TryGetValue(states.Party(state), out earlier))
            {
                allOf[states.Party(state)] = earlier = new ArrivalIndex(next[states.Party(state)].GroupedRows, columns);
            }

            return Kept(states.Arrivals(state), row => !earlier.AnyMayPrecede(row, query.MaxDwellDays), arena);
        }

        // Reads the shipments of the parties not read yet; false when a budget is spent.
        async Task<bool> ExpandAsync(IEnumerable<int> partyNumbers)
        {
            var unexpanded = flags.Distinct(partyNumbers.Where(p => !next.ContainsKey(p)));
            if (unexpanded.Count == 0)
                return true;
            var remaining = query.ShipmentBudget - explored;
            if (remaining <= 0 || clock.Elapsed > query.TimeBudget)
            {
                truncated = true;
                return false;
            }

            var (read, cut) = await graph.ExpandAsync(unexpanded, downstream, remaining, next, cancellationToken);
            truncated |= cut;
            explored += read;
            return true;
        }

        bool IsRestrictedEndUser(int party) =>
            restricted.ContainsKey(party) && (targets is null || IsInTargets(party));

        bool IsInTargets(int party) =>
            parties.GetValueOrDefault(party) is { } p && p.Countries.Any(targets!.Contains);

        async Task ReadPartiesAsync(IEnumerable<int> numbers)
        {
            var fresh = numbers.Where(n => flags.Set(n, PartyFlags.Read)).Select(graph.Id).ToList();
            if (fresh.Count == 0)
                return;
            foreach (var id in fresh)
                parties[graph.Number(id)] = null;
            foreach (var party in await store.GetPartiesAsync(fresh, cancellationToken))
                parties[graph.Number(party.Id)] = party;
        }

        async Task JudgeAsync(IEnumerable<int> numbers)
        {
            var fresh = numbers.Where(n => flags.Set(n, PartyFlags.Judged)).ToList();
            if (fresh.Count == 0)
                return;
            if (graph.Index is { } index && restrictions is INumberedRestrictionSource numbered)
            {
                // Parties of the index are judged by number; the others (a start that never traded) by id.
                var inIndex = fresh.FindAll(n => n < index.Parties.Count);
                await numbered.JudgeAsync(index, inIndex, restricted, cancellationToken);
                if (inIndex.Count == fresh.Count)
                    return;
                fresh.RemoveAll(n => n < index.Parties.Count);
            }

            foreach (var (id, restriction) in await restrictions.GetRestrictionsAsync(fresh.ConvertAll(graph.Id), cancellationToken))
                restricted[graph.Number(id)] = restriction;
        }
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

    /// <summary>
    /// A route with, per hop, the shipments that take part in at least one valid sequence ending in
    /// <paramref name="ends"/>: the search kept, per hop, those reachable by a valid sequence from the
    /// start; walking back from the end keeps those that also lead on to an end.
    /// </summary>
    private static RouteDraft BuildRoute(
        RouteStates routes,
        int state,
        ArraySegment<int> ends,
        bool downstream,
        TraceQuery query,
        TraceGraph graph,
        IReadOnlyDictionary<int, Party?> parties,
        IReadOnlyDictionary<int, Restriction> restricted)
    {
        var columns = graph.Columns;
        var arrivals = new ArraySegment<int>[routes.Length(state)];
        for (var s = state; routes.Length(s) > 0; s = routes.Previous(s))
            arrivals[routes.Length(s) - 1] = routes.Arrivals(s);
        var partyNumbers = new int[arrivals.Length + 1];
        routes.CopyParties(state, partyNumbers);
        var partyIds = Array.ConvertAll(partyNumbers, graph.Id);

        var perHop = new ArraySegment<int>[arrivals.Length];
        perHop[^1] = ends;
        for (var i = arrivals.Length - 2; i >= 0; i--)
        {
            if (!query.TimeRespecting)
            {
                perHop[i] = arrivals[i];
                continue;
            }

            // Keep the shipments some later shipment of the route may follow (downstream) or precede (upstream).
            var later = new ArrivalIndex(perHop[i + 1], columns);
            perHop[i] = Kept(arrivals[i], row => downstream ? later.AnyMayFollow(row, query.MaxDwellDays) : later.AnyMayPrecede(row, query.MaxDwellDays), arena: null);
        }

        var hops = new HopDraft[perHop.Length];
        for (var i = 0; i < perHop.Length; i++)
        {
            var (from, to) = downstream ? (partyIds[i], partyIds[i + 1]) : (partyIds[i + 1], partyIds[i]);
            hops[i] = new HopDraft(from, to, perHop[i], Sum(perHop[i], columns));
        }

        // Each hop joins a different pair of parties, so no shipment is counted twice.
        var facts = RouteFacts.Of(perHop, columns);
        var endUser = downstream ? partyNumbers[^1] : partyNumbers[0];
        var restriction = restricted.GetValueOrDefault(endUser);
        var (score, _) = Score(partyNumbers, endUser, facts, restriction, graph, parties, columns, query.AsOf, explain: false);
        return new RouteDraft(partyIds, hops, graph.Id(endUser), restriction, facts.TotalValueUsd, facts.FirstDate(columns), facts.LastDate(columns), score,
            () => Score(partyNumbers, endUser, facts, restriction, graph, parties, columns, query.AsOf, explain: true).Reasons);
    }

    /// <summary>The rows that pass; the same rows when all do. Kept in the arena when one is given, else in an array of their own.</summary>
    private static ArraySegment<int> Kept(ArraySegment<int> rows, Func<int, bool> passes, RowArena? arena)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (passes(rows[i]))
                continue;
            var own = arena is null ? new int[rows.Count - 1] : null;
            var kept = own ?? arena!.Room(rows.Count - 1);
            rows.AsSpan(0, i).CopyTo(kept);
            var count = i;
            for (var j = i + 1; j < rows.Count; j++)
            {
                if (passes(rows[j]))
                    kept[count++] = rows[j];
            }

            return own is null ? arena!.Keep(count) : new ArraySegment<int>(own, 0, count);
        }

        return rows;
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

    /// <summary>
    /// A transparent score: each part adds a few points and says why in a sentence. Restriction 3–5,
    /// value log10/2, best CHPL tier 1–3, any transshipment country 1.5, recency 0–1.5, trade after
    /// 24 Feb 2022 1, and −0.5 for each hop beyond the first. Reasons are written only when
    /// <paramref name="explain"/>; routes are ranked by the points alone, many thousands at a time.
    /// </summary>
    private static (double Score, IReadOnlyList<string> Reasons) Score(
        int[] partyNumbers,
        int endUser,
        RouteFacts facts,
        Restriction? restriction,
        TraceGraph graph,
        IReadOnlyDictionary<int, Party?> parties,
        TradeColumns columns,
        DateOnly asOf,
        bool explain)
    {
        var reasons = explain ? new List<string>() : null;

        string Name(int number)
        {
            var id = graph.Id(number);
            return parties.GetValueOrDefault(number) is { } party && party.Name != id ? $"{party.Name} ({id})" : id;
        }

        var score = 0.0;
        if (restriction is not null)
        {
            score += restriction.Kind switch
            {
                RestrictionKind.Sanctioned => 5.0,
                RestrictionKind.OwnershipBlocked => 4.0,
                _ => 3.0,
            };
            reasons?.Add(restriction.Kind switch
            {
                RestrictionKind.Sanctioned => $"the end user {Name(endUser)} is sanctioned ({string.Join(", ", restriction.SanctionIds)})",
                RestrictionKind.OwnershipBlocked => $"the end user {Name(endUser)} is blocked by ownership: {string.Join(", ", restriction.Owners.Select(o => string.Create(CultureInfo.InvariantCulture, $"{Name(graph.Number(o.OwnerId))} holds {o.Percentage:0.####}%")))}",
                _ => $"the end user {Name(endUser)} is on an export-control list",
            });
        }

        var shipmentCount = facts.Shipments;
        if (facts.TotalValueUsd is > 0 and var value)
        {
            score += Math.Log10(1 + value) / 2;
            reasons?.Add(string.Create(CultureInfo.InvariantCulture, $"{value:N0} USD of goods in {shipmentCount} shipment{(shipmentCount == 1 ? "" : "s")}"));
        }

        if (facts.BestTier is { } best)
        {
            score += best switch
            {
                ChplTier.Tier1 => 3,
                ChplTier.Tier2 => 2.5,
                ChplTier.Tier3A or ChplTier.Tier3B => 1.5,
                _ => 1,
            };
            reasons?.Add($"{facts.ListedShipments} of {shipmentCount} shipments carry goods on the Common High Priority List, the highest in tier {ChplList.Label(best)}{(ChplList.IsCriticalComponent(best) ? " (critical components)" : "")}");
        }

        // An intermediary not read yet may be in a transshipment country: a bound counts it as one.
        var transshipment = false;
        for (var i = 1; i < partyNumbers.Length - 1 && !transshipment; i++)
        {
            transshipment = parties.TryGetValue(partyNumbers[i], out var party)
                ? party is not null && party.Countries.Any(Countries.IsTransshipmentPoint)
                : !explain;
        }

        if (transshipment)
        {
            score += 1.5;
            if (reasons is not null)
            {
                var via = partyNumbers[1..^1]
                    .Select(number => (Number: number, Country: parties.GetValueOrDefault(number)?.Countries.FirstOrDefault(Countries.IsTransshipmentPoint)))
                    .Where(p => p.Country is not null)
                    .ToList();
                reasons.Add($"passes through {string.Join(" and ", via.Select(p => $"{Name(p.Number)} in {Countries.NameOf(p.Country!) ?? p.Country}"))}: {(via.Count == 1 ? "a known transshipment country" : "known transshipment countries")}");
            }
        }

        if (facts.LastRow >= 0)
        {
            var latest = columns.Latest[facts.LastRow];
            var years = (asOf.DayNumber - latest) / 365.25;
            var points = years switch { <= 1 => 1.5, <= 2 => 1.0, <= 4 => 0.5, _ => 0.0 };
            score += points;
            if (reasons is not null)
            {
                var day = columns.Dates[facts.LastRow].ToString();
                reasons.Add(years < 0
                    ? $"the latest shipment ({day}) is dated after the day of evaluation"
                    : string.Create(CultureInfo.InvariantCulture, $"the latest shipment was on {day}, {years:0.#} years before {asOf:yyyy-MM-dd}{(points > 0 ? "" : ": too long ago to add weight")}"));
            }

            if (latest >= Invasion.DayNumber)
            {
                score += 1;
                reasons?.Add("goods moved after 24 February 2022, when export restrictions on Russia were widened");
            }
        }

        var hopCount = partyNumbers.Length - 1;
        score -= 0.5 * (hopCount - 1);
        reasons?.Add(hopCount == 1 ? "1 hop: a direct trade" : $"{hopCount} hops: each intermediary weakens the link");
        return (Math.Round(score, 3), (IReadOnlyList<string>?)reasons ?? []);
    }

    /// <summary>Routes best first: by score, then by value, then by party sequence.</summary>
    private sealed class RouteOrder : IComparer<RouteDraft>
    {
        public static readonly RouteOrder Instance = new();

        public int Compare(RouteDraft? x, RouteDraft? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            var score = y.Score.CompareTo(x.Score);
            if (score != 0)
                return score;
            var value = (y.TotalValueUsd ?? 0).CompareTo(x.TotalValueUsd ?? 0);
            return value != 0 ? value : PartySequenceOrder.Instance.Compare(x.PartyIds, y.PartyIds);
        }
    }

    /// <summary>Party sequences in ordinal order, party by party (a shorter sequence first when it is a prefix).</summary>
    private sealed class PartySequenceOrder : IComparer<IReadOnlyList<string>>
    {
        public static readonly PartySequenceOrder Instance = new();

        public int Compare(IReadOnlyList<string>? x, IReadOnlyList<string>? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
            {
                var c = string.CompareOrdinal(x[i], y[i]);
                if (c != 0)
                    return c;
            }

            return x.Count.CompareTo(y.Count);
        }
    }

    /// <summary>What a route's score is made of, gathered in one pass over its shipments; the first and last dates as rows (−1 for none).</summary>
    private readonly record struct RouteFacts(int Shipments, double? TotalValueUsd, ChplTier? BestTier, int ListedShipments, int FirstRow, int LastRow)
    {
        public static readonly RouteFacts None = new(0, null, null, 0, -1, -1);

        /// <summary>The facts of all the shipments of the hops.</summary>
        public static RouteFacts Of(ArraySegment<int>[] hops, TradeColumns columns)
        {
            var facts = None;
            foreach (var hop in hops)
                facts = facts.With(hop, columns, bound: false);
            return facts;
        }

        public PartialDate? FirstDate(TradeColumns columns) => FirstRow < 0 ? null : columns.Dates[FirstRow];

        public PartialDate? LastDate(TradeColumns columns) => LastRow < 0 ? null : columns.Dates[LastRow];

        /// <summary>
        /// These facts and those of more shipments. As a <paramref name="bound"/>, negative values count as
        /// nothing, so that the facts of more shipments never score less than those of fewer.
        /// </summary>
        public RouteFacts With(ArraySegment<int> rows, TradeColumns columns, bool bound)
        {
            var count = Shipments;
            var listed = ListedShipments;
            var total = TotalValueUsd;
            var best = BestTier;
            var first = FirstRow;
            var last = LastRow;
            var earliest = columns.Earliest;
            var latest = columns.Latest;
            foreach (var row in rows)
            {
                count++;
                var value = columns.Values[row];
                if (!double.IsNaN(value))
                    total = (total ?? 0) + (bound ? Math.Max(0, value) : value);
                if (columns.Tiers[row] >= 0)
                {
                    var tier = (ChplTier)columns.Tiers[row];
                    listed++;
                    if (best is not { } b || tier < b)
                        best = tier;
                }

                if (earliest[row] != TradeColumns.Undated)
                {
                    // PartialDate order: the earlier first day, then the coarser date (the later last day).
                    if (first < 0 || earliest[row] < earliest[first] || (earliest[row] == earliest[first] && latest[row] > latest[first]))
                        first = row;
                    if (last < 0 || latest[row] > latest[last])
                        last = row;
                }
            }

            return new RouteFacts(count, total, best, listed, first, last);
        }
    }

    /// <summary>One hop of a route found, with the rows of its shipments until the route is returned.</summary>
    private sealed record HopDraft(string FromId, string ToId, ArraySegment<int> Rows, double? ValueUsd)
    {
        public IEnumerable<string> ShipmentIds(TradeColumns columns) => Rows.Select(row => columns.Ids[row]);
    }

    /// <summary>A route found and scored, before its shipments are read in full.</summary>
    private sealed record RouteDraft(
        IReadOnlyList<string> PartyIds,
        IReadOnlyList<HopDraft> Hops,
        string EndUserId,
        Restriction? Restriction,
        double? TotalValueUsd,
        PartialDate? FirstDate,
        PartialDate? LastDate,
        double Score,
        Func<IReadOnlyList<string>> Explain)
    {
        public TraceRoute Complete(IReadOnlyDictionary<string, Shipment> shipments, TradeColumns columns) => new(
            PartyIds,
            [.. Hops.Select(h =>
            {
                var list = h.ShipmentIds(columns).Select(id => shipments[id]).OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
                return new TraceHop(h.FromId, h.ToId, list, h.ValueUsd);
            })],
            EndUserId,
            Restriction,
            TotalValueUsd,
            FirstDate,
            LastDate,
            Score,
            Explain());
    }

    /// <summary>
    /// The partial routes of one trace, numbered in the order they were found, each a link back to the one
    /// it extends, so that routes share their prefixes, with the rows of the shipments of its last hop that
    /// some valid sequence of shipments from the start reaches. Held in pooled arrays rather than an object
    /// each: a trace through a hub holds a hundred thousand of them.
    /// </summary>
    private sealed class RouteStates : IDisposable
    {
        private int[] _previous = ArrayPool<int>.Shared.Rent(256);
        private int[] _party = ArrayPool<int>.Shared.Rent(256);
        private int[] _length = ArrayPool<int>.Shared.Rent(256);
        private ArraySegment<int>[] _arrivals = ArrayPool<ArraySegment<int>>.Shared.Rent(256);
        private RouteFacts[] _reached = ArrayPool<RouteFacts>.Shared.Rent(256);
        private bool[] _known = ArrayPool<bool>.Shared.Rent(256);
        private int _count;
        private int _capacity = 256;

        /// <summary>A route one hop longer than <paramref name="previous"/> (−1 for the start alone), to <paramref name="party"/>.</summary>
        public int Add(int previous, int party, ArraySegment<int> arrivals)
        {
            if (_count == _capacity)
                Grow();
            _previous[_count] = previous;
            _party[_count] = party;
            _length[_count] = previous < 0 ? 0 : _length[previous] + 1;
            _arrivals[_count] = arrivals;
            _known[_count] = false;
            return _count++;
        }

        public int Previous(int state) => _previous[state];

        public int Party(int state) => _party[state];

        /// <summary>The number of hops.</summary>
        public int Length(int state) => _length[state];

        public ArraySegment<int> Arrivals(int state) => _arrivals[state];

        /// <summary>Puts the route's parties, the start first, in the first <see cref="Length"/> + 1 places of <paramref name="into"/>.</summary>
        public void CopyParties(int state, int[] into)
        {
            for (var s = state; s >= 0; s = _previous[s])
                into[_length[s]] = _party[s];
        }

        /// <summary>The parties of the route so far, the last first.</summary>
        public IEnumerable<int> Parties(int state)
        {
            for (var s = state; s >= 0; s = _previous[s])
                yield return _party[s];
        }

        /// <summary>
        /// The facts, as a bound, of every shipment the search reached on the route up to here, ending with
        /// <paramref name="ends"/> instead of this hop's arrivals; kept for each state, so routes sharing a prefix sum it once.
        /// </summary>
        public RouteFacts Bound(int state, ArraySegment<int> ends, TradeColumns columns) =>
            (_previous[state] < 0 ? RouteFacts.None : Reached(_previous[state], columns)).With(ends, columns, bound: true);

        private RouteFacts Reached(int state, TradeColumns columns)
        {
            if (!_known[state])
            {
                _reached[state] = (_previous[state] < 0 ? RouteFacts.None : Reached(_previous[state], columns)).With(_arrivals[state], columns, bound: true);
                _known[state] = true;
            }

            return _reached[state];
        }

        public void Dispose()
        {
            ArrayPool<int>.Shared.Return(_previous);
            ArrayPool<int>.Shared.Return(_party);
            ArrayPool<int>.Shared.Return(_length);
            ArrayPool<ArraySegment<int>>.Shared.Return(_arrivals, clearArray: true);
            ArrayPool<RouteFacts>.Shared.Return(_reached);
            ArrayPool<bool>.Shared.Return(_known);
            _previous = _party = _length = [];
            _arrivals = [];
            _reached = [];
            _known = [];
            _count = 0;
        }

        private void Grow()
        {
            _capacity *= 2;
            _previous = Grown(_previous, _count, _capacity, clear: false);
            _party = Grown(_party, _count, _capacity, clear: false);
            _length = Grown(_length, _count, _capacity, clear: false);
            _arrivals = Grown(_arrivals, _count, _capacity, clear: true);
            _reached = Grown(_reached, _count, _capacity, clear: false);
            _known = Grown(_known, _count, _capacity, clear: false);
        }

        private static T[] Grown<T>(T[] array, int count, int capacity, bool clear)
        {
            var bigger = ArrayPool<T>.Shared.Rent(capacity);
            array.AsSpan(0, count).CopyTo(bigger);
            ArrayPool<T>.Shared.Return(array, clear);
            return bigger;
        }
    }

    /// <summary>
    /// Answers "may some arrival precede (or follow) this shipment": a few arrivals are scanned; more are
    /// sorted by their earliest day, with the running maximum of their latest day, and searched in
    /// logarithmic time.
    /// </summary>
    private readonly struct ArrivalIndex
    {
        private const int Scanned = 8;

        private readonly TradeColumns _columns;
        private readonly ArraySegment<int> _rows;
        private readonly int[]? _earliest;
        private readonly int[]? _maxLatest;

        public ArrivalIndex(ArraySegment<int> arrivals, TradeColumns columns)
        {
            _columns = columns;
            _rows = arrivals;
            if (arrivals.Count <= Scanned)
                return;
            var count = 0;
            foreach (var row in arrivals)
            {
                if (columns.Earliest[row] != TradeColumns.Undated)
                    count++;
            }

            _earliest = new int[count];
            _maxLatest = new int[count];
            var n = 0;
            foreach (var row in arrivals)
            {
                if (columns.Earliest[row] != TradeColumns.Undated)
                {
                    _earliest[n] = columns.Earliest[row];
                    _maxLatest[n++] = columns.Latest[row];
                }
            }

            // Sorted by earliest day, each with the latest day of its own; then the running maximum of those.
            Array.Sort(_earliest, _maxLatest);
            for (var i = 1; i < count; i++)
                _maxLatest[i] = Math.Max(_maxLatest[i], _maxLatest[i - 1]);
        }

        /// <summary>Whether the shipment in <paramref name="later"/> may follow some arrival (<see cref="TraceTime.MayFollow(PartialDate?, PartialDate?, int)"/>).</summary>
        public bool AnyMayPrecede(int later, int maxDwellDays) =>
            _columns.Earliest[later] != TradeColumns.Undated && Exists(_columns.Latest[later], (long)_columns.Earliest[later] - maxDwellDays);

        /// <summary>Whether the shipment in <paramref name="earlier"/> may be followed by some arrival.</summary>
        public bool AnyMayFollow(int earlier, int maxDwellDays) =>
            _columns.Earliest[earlier] != TradeColumns.Undated && Exists((long)_columns.Latest[earlier] + maxDwellDays, _columns.Earliest[earlier]);

        /// <summary>Whether a dated arrival starts on or before <paramref name="maxEarliest"/> and ends on or after <paramref name="minLatest"/>.</summary>
        private bool Exists(long maxEarliest, long minLatest)
        {
            if (_earliest is null)
            {
                foreach (var row in _rows)
                {
                    if (_columns.Earliest[row] != TradeColumns.Undated && _columns.Earliest[row] <= maxEarliest && _columns.Latest[row] >= minLatest)
                        return true;
                }

                return false;
            }

            int lo = 0, hi = _earliest.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_earliest[mid] <= maxEarliest)
                    lo = mid + 1;
                else
                    hi = mid;
            }

            return lo > 0 && _maxLatest![lo - 1] >= minLatest;
        }
    }
}
