using System.Diagnostics;
using System.Globalization;
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
public sealed class ChainTracer(IGraphStore store, IRestrictionSource restrictions)
{
    private static readonly DateOnly Invasion = new(2022, 2, 24);

    /// <summary>Stands for "read, and ships nothing" so that the many parties without onward shipments cost no list each.</summary>
    private static readonly List<Trade> NoTrades = [];

    public async Task<TraceResult> TraceAsync(TraceQuery query, CancellationToken cancellationToken)
    {
        Validate(query);
        var downstream = query.Direction == TraceDirection.Downstream;
        var targets = query.TargetCountries is { Count: > 0 } t
            ? t.Select(c => c.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal)
            : null;
        var maximalRoutes = !downstream && targets is null;

        var parties = new Dictionary<string, Party>(StringComparer.Ordinal);
        var restricted = new Dictionary<string, Restriction>(StringComparer.Ordinal);
        var judged = new HashSet<string>(StringComparer.Ordinal);
        var next = new Dictionary<string, List<Trade>>(StringComparer.Ordinal);
        var nextByFar = new Dictionary<string, List<(string Far, IReadOnlyList<Trade> Trades)>>(StringComparer.Ordinal);
        var valid = new List<(RouteState State, IReadOnlyList<Trade> Ends)>();
        var explored = 0;
        var truncated = false;
        var clock = Stopwatch.StartNew();

        await ReadPartiesAsync([query.StartId]);
        await JudgeAsync([query.StartId]);
        List<RouteState> frontier = [new RouteState(null, query.StartId, 0, [])];
        while (frontier.Count > 0)
        {
            if (!await ExpandAsync([.. frontier.Select(c => c.Party)]))
                break;

            // All partial routes of the frontier have the same length. On the last hop downstream only a
            // restricted party can end a route, so the parties one step ahead are judged first (verdicts are
            // mostly known already) and the others are not looked at.
            var canGoOn = frontier[0].Length + 1 < query.MaxHops;
            var lastHop = downstream && !canGoOn;
            if (lastHop)
            {
                var ahead = frontier.Select(c => c.Party).Distinct(StringComparer.Ordinal)
                    .SelectMany(party => GroupsOf(party).Select(g => g.Far)).Distinct(StringComparer.Ordinal).ToList();
                await JudgeAsync(ahead);
                if (targets is not null)
                    await ReadPartiesAsync([.. ahead.Where(restricted.ContainsKey)]);
            }

            // Every step the time rule allows from the frontier.
            var steps = new List<(RouteState State, string Far, IReadOnlyList<Trade> Onward)>();
            foreach (var state in frontier)
            {
                var arrivals = state.Length == 0 || !query.TimeRespecting ? null : new ArrivalIndex(state.Arrivals);
                var onwardGroups = maximalRoutes ? new List<IReadOnlyList<Trade>>() : null;
                foreach (var (far, group) in GroupsOf(state.Party))
                {
                    if ((lastHop && !IsEnd(far)) || state.Visits(far))
                        continue;
                    var onward = arrivals is null ? group : Onward(group, arrivals);
                    if (onward.Count == 0)
                        continue;
                    steps.Add((state, far, onward));
                    onwardGroups?.Add(onward);
                }

                // Upstream without targets a route is maximal: it ends with the arrivals that cannot go further back.
                if (maximalRoutes && state.Length > 0)
                {
                    var ends = state.Arrivals.Where(a => !onwardGroups!.Any(g => Continues(a, g, downstream, query))).ToList();
                    if (ends.Count > 0)
                        valid.Add((state, ends));
                }
            }

            // The parties one step further are judged (or read) now, and the shipments of those that could go on
            // are read now, so that dead ends (a customer that is not restricted and ships nothing on) never
            // become partial routes.
            var candidates = steps.Select(s => s.Far).Distinct(StringComparer.Ordinal).ToList();
            if (downstream)
            {
                await JudgeAsync(candidates);
                if (targets is not null)
                    await ReadPartiesAsync([.. candidates.Where(restricted.ContainsKey)]);
            }
            else
            {
                await ReadPartiesAsync(candidates);
            }

            // When a budget runs out here, the routes ending one step further are still kept; the search stops after them.
            var stop = canGoOn && !maximalRoutes && !await ExpandAsync([.. candidates.Where(far => !IsEnd(far))]);
            canGoOn &= !stop;

            var extended = new List<RouteState>();
            foreach (var (state, far, onward) in steps)
            {
                if (maximalRoutes || IsEnd(far) || (canGoOn && next.GetValueOrDefault(far) is { Count: > 0 }))
                    extended.Add(new RouteState(state, far, state.Length + 1, onward));
            }

            if (extended.Count > query.ChainBudget)
            {
                truncated = true;
                extended.RemoveRange(query.ChainBudget, extended.Count - query.ChainBudget);
            }

            frontier = [];
            foreach (var state in extended)
            {
                if (IsEnd(state.Party))
                    valid.Add((state, state.Arrivals));
                else if (state.Length < query.MaxHops)
                    frontier.Add(state);
                else if (maximalRoutes)
                    valid.Add((state, state.Arrivals));
            }

            if (stop)
                frontier = [];
        }

        // Scores and reasons need the countries and names of the routes' parties and of the blocked owners of
        // their end users, whom the search itself never visits: one read for all of them.
        var owners = valid.Select(v => downstream ? v.State.Party : query.StartId).Distinct(StringComparer.Ordinal)
            .SelectMany(id => restricted.TryGetValue(id, out var r) ? r.Owners.Select(o => o.OwnerId) : []);
        await ReadPartiesAsync([.. valid.SelectMany(v => v.State.Parties()).Concat(owners).Distinct(StringComparer.Ordinal)]);

        var routes = valid
            .Select(v => BuildRoute(v.State, v.Ends, downstream, query, parties, restricted))
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.TotalValueUsd ?? 0)
            .ThenBy(r => r.PartyIds, PartySequenceOrder.Instance)
            .ToList();

        // Only the routes returned carry their shipments in full: one read for all of them.
        var returned = routes.Take(query.Limit).ToList();
        var shipments = (await store.GetShipmentsAsync([.. returned.SelectMany(r => r.Hops).SelectMany(h => h.Trades).Select(t => t.ShipmentId).Distinct(StringComparer.Ordinal)], cancellationToken))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        return new TraceResult([.. returned.Select(r => r.Complete(shipments))], routes.Count, truncated || routes.Count > query.Limit, explored);

        // Downstream a route ends at a restricted party (in a target country when asked); upstream at a party in a target country.
        bool IsEnd(string party) => downstream ? IsRestrictedEndUser(party) : targets is not null && IsInTargets(party);

        List<(string Far, IReadOnlyList<Trade> Trades)> GroupsOf(string party)
        {
            if (!nextByFar.TryGetValue(party, out var groups))
            {
                // Several partial routes can stand at one busy party; its shipments are grouped once, as
                // segments of one array sorted by the party at the far end (stably, so each keeps store order).
                var trades = next[party];
                groups = [];
                if (trades.Count == 1)
                {
                    if (Far(trades[0]) is { } only)
                        groups.Add((only, trades));
                }
                else if (trades.Count > 1)
                {
                    var sorted = new Trade[trades.Count];
                    var keys = new string[trades.Count];
                    var count = 0;
                    foreach (var trade in trades)
                    {
                        if (Far(trade) is not { } far)
                            continue;
                        keys[count] = far;
                        sorted[count++] = trade;
                    }

                    var order = new int[count];
                    for (var i = 0; i < count; i++)
                        order[i] = i;
                    Array.Sort(order, (a, b) => string.CompareOrdinal(keys[a], keys[b]) is var c && c != 0 ? c : a.CompareTo(b));
                    var arranged = new Trade[count];
                    for (var i = 0; i < count; i++)
                        arranged[i] = sorted[order[i]];
                    for (var start = 0; start < count;)
                    {
                        var far = keys[order[start]];
                        var end = start + 1;
                        while (end < count && string.Equals(keys[order[end]], far, StringComparison.Ordinal))
                            end++;
                        groups.Add((far, end - start == count ? arranged : new ArraySegment<Trade>(arranged, start, end - start)));
                        start = end;
                    }
                }

                nextByFar[party] = groups;
            }

            return groups;
        }

        string? Far(Trade trade) => downstream ? trade.ReceiverId : trade.SenderId;

        // The shipments of a group that may follow (downstream) or precede (upstream) an arrival; the group itself when all may.
        IReadOnlyList<Trade> Onward(IReadOnlyList<Trade> group, ArrivalIndex arrivals)
        {
            List<Trade>? kept = null;
            for (var i = 0; i < group.Count; i++)
            {
                var trade = group[i];
                var passes = downstream ? arrivals.AnyMayPrecede(trade, query.MaxDwellDays) : arrivals.AnyMayFollow(trade, query.MaxDwellDays);
                if (passes)
                    kept?.Add(trade);
                else if (kept is null)
                {
                    kept = new List<Trade>(group.Count - 1);
                    for (var j = 0; j < i; j++)
                        kept.Add(group[j]);
                }
            }

            return kept is null ? group : kept;
        }

        // Reads the shipments of the parties not read yet; false when a budget is spent.
        async Task<bool> ExpandAsync(IReadOnlyCollection<string> partyIds)
        {
            var unexpanded = partyIds.Where(p => !next.ContainsKey(p)).Distinct(StringComparer.Ordinal).ToList();
            if (unexpanded.Count == 0)
                return true;
            var remaining = query.ShipmentBudget - explored;
            if (remaining <= 0 || clock.Elapsed > query.TimeBudget)
            {
                truncated = true;
                return false;
            }

            IReadOnlyList<Trade> fetched = await store.ExpandTradesAsync(
                new ShipmentExpansion(unexpanded, downstream ? ShipmentRole.Sender : ShipmentRole.Receiver, query.Filter, remaining + 1),
                cancellationToken);
            if (fetched.Count > remaining)
            {
                truncated = true;
                fetched = [.. fetched.Take(remaining)];
            }

            explored += fetched.Count;
            foreach (var party in unexpanded)
                next[party] = NoTrades;
            foreach (var shipment in fetched)
            {
                var near = downstream ? shipment.SenderId : shipment.ReceiverId;
                if (near is null || !next.TryGetValue(near, out var list))
                    continue;
                if (ReferenceEquals(list, NoTrades))
                    next[near] = list = [];
                list.Add(shipment);
            }

            return true;
        }

        bool IsRestrictedEndUser(string party) =>
            restricted.ContainsKey(party) && (targets is null || IsInTargets(party));

        bool IsInTargets(string party) =>
            parties.TryGetValue(party, out var p) && p.Countries.Any(targets!.Contains);

        async Task ReadPartiesAsync(IReadOnlyCollection<string> ids)
        {
            var fresh = ids.Where(id => !parties.ContainsKey(id)).ToList();
            if (fresh.Count == 0)
                return;
            foreach (var party in await store.GetPartiesAsync(fresh, cancellationToken))
                parties[party.Id] = party;
        }

        async Task JudgeAsync(IReadOnlyCollection<string> ids)
        {
            var fresh = ids.Where(judged.Add).ToList();
            if (fresh.Count == 0)
                return;
            foreach (var (id, restriction) in await restrictions.GetRestrictionsAsync(fresh, cancellationToken))
                restricted[id] = restriction;
        }
    }

    /// <summary>Whether the goods of <paramref name="arrival"/> can go on in one of the <paramref name="onward"/> shipments.</summary>
    private static bool Continues(Trade arrival, IReadOnlyList<Trade> onward, bool downstream, TraceQuery query) =>
        !query.TimeRespecting || onward.Any(s => downstream ? TraceTime.MayFollow(arrival.Date, s.Date, query.MaxDwellDays) : TraceTime.MayFollow(s.Date, arrival.Date, query.MaxDwellDays));

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
        RouteState state,
        IReadOnlyList<Trade> ends,
        bool downstream,
        TraceQuery query,
        IReadOnlyDictionary<string, Party> parties,
        IReadOnlyDictionary<string, Restriction> restricted)
    {
        var states = new List<RouteState>();
        for (var s = state; s.Previous is not null; s = s.Previous)
            states.Add(s);
        states.Reverse();
        var partyIds = states.Select(s => s.Party).Prepend(query.StartId).ToList();

        var perHop = new IReadOnlyList<Trade>[states.Count];
        perHop[^1] = ends;
        for (var i = states.Count - 2; i >= 0; i--)
        {
            if (!query.TimeRespecting)
            {
                perHop[i] = states[i].Arrivals;
                continue;
            }

            // Keep the shipments some later shipment of the route may follow (downstream) or precede (upstream).
            var later = new ArrivalIndex(perHop[i + 1]);
            perHop[i] = [.. states[i].Arrivals.Where(s => downstream ? later.AnyMayFollow(s, query.MaxDwellDays) : later.AnyMayPrecede(s, query.MaxDwellDays))];
        }

        var hops = perHop.Select((trades, i) =>
        {
            var (from, to) = downstream ? (partyIds[i], partyIds[i + 1]) : (partyIds[i + 1], partyIds[i]);
            return new HopDraft(from, to, trades);
        }).ToList();

        // Each hop joins a different pair of parties, so no shipment is counted twice.
        var facts = RouteFacts.Of(perHop);
        var endUser = downstream ? partyIds[^1] : query.StartId;
        var restriction = restricted.GetValueOrDefault(endUser);
        var (score, _) = Score(partyIds, endUser, facts, restriction, parties, query.AsOf, explain: false);
        return new RouteDraft(partyIds, hops, endUser, restriction, facts.TotalValueUsd, facts.FirstDate, facts.LastDate, score,
            () => Score(partyIds, endUser, facts, restriction, parties, query.AsOf, explain: true).Reasons);
    }

    private static double? Sum(IEnumerable<Trade> trades)
    {
        double? sum = null;
        foreach (var trade in trades)
        {
            if (trade.ValueUsd is { } value)
                sum = (sum ?? 0) + value;
        }

        return sum;
    }

    /// <summary>
    /// A transparent score: each part adds a few points and says why in a sentence. Restriction 3–5,
    /// value log10/2, best CHPL tier 1–3, any transshipment country 1.5, recency 0–1.5, trade after
    /// 24 Feb 2022 1, and −0.5 for each hop beyond the first.
    /// </summary>
    private static (double Score, IReadOnlyList<string> Reasons) Score(
        IReadOnlyList<string> partyIds,
        string endUserId,
        RouteFacts facts,
        Restriction? restriction,
        IReadOnlyDictionary<string, Party> parties,
        DateOnly asOf,
        bool explain)
    {
        var reasons = new List<string>();
        void Say(Func<string> reason)
        {
            if (explain)
                reasons.Add(reason());
        }

        string Name(string id) => parties.TryGetValue(id, out var party) && party.Name != id ? $"{party.Name} ({id})" : id;

        var score = 0.0;
        if (restriction is not null)
        {
            score += restriction.Kind switch
            {
                RestrictionKind.Sanctioned => 5.0,
                RestrictionKind.OwnershipBlocked => 4.0,
                _ => 3.0,
            };
            Say(() => restriction.Kind switch
            {
                RestrictionKind.Sanctioned => $"the end user {Name(endUserId)} is sanctioned ({string.Join(", ", restriction.SanctionIds)})",
                RestrictionKind.OwnershipBlocked => $"the end user {Name(endUserId)} is blocked by ownership: {string.Join(", ", restriction.Owners.Select(o => string.Create(CultureInfo.InvariantCulture, $"{Name(o.OwnerId)} holds {o.Percentage:0.####}%")))}",
                _ => $"the end user {Name(endUserId)} is on an export-control list",
            });
        }

        var shipmentCount = facts.Shipments;
        if (facts.TotalValueUsd is > 0 and var value)
        {
            score += Math.Log10(1 + value) / 2;
            Say(() => string.Create(CultureInfo.InvariantCulture, $"{value:N0} USD of goods in {shipmentCount} shipment{(shipmentCount == 1 ? "" : "s")}"));
        }

        if (facts.BestTier is { } best)
        {
            var listed = facts.ListedShipments;
            score += best switch
            {
                ChplTier.Tier1 => 3,
                ChplTier.Tier2 => 2.5,
                ChplTier.Tier3A or ChplTier.Tier3B => 1.5,
                _ => 1,
            };
            Say(() => $"{listed} of {shipmentCount} shipments carry goods on the Common High Priority List, the highest in tier {ChplList.Label(best)}{(ChplList.IsCriticalComponent(best) ? " (critical components)" : "")}");
        }

        var via = partyIds.Skip(1).SkipLast(1)
            .Select(id => (Id: id, Country: parties.TryGetValue(id, out var party) ? party.Countries.FirstOrDefault(Countries.IsTransshipmentPoint) : null))
            .Where(p => p.Country is not null)
            .ToList();
        if (via.Count > 0)
        {
            score += 1.5;
            Say(() => $"passes through {string.Join(" and ", via.Select(p => $"{Name(p.Id)} in {Countries.NameOf(p.Country!) ?? p.Country}"))}: {(via.Count == 1 ? "a known transshipment country" : "known transshipment countries")}");
        }

        if (facts.LastDate is { } last)
        {
            var years = (asOf.DayNumber - last.Latest.DayNumber) / 365.25;
            var points = years switch { <= 1 => 1.5, <= 2 => 1.0, <= 4 => 0.5, _ => 0.0 };
            score += points;
            var day = last.ToString();
            Say(() => years < 0
                ? $"the latest shipment ({day}) is dated after the day of evaluation"
                : string.Create(CultureInfo.InvariantCulture, $"the latest shipment was on {day}, {years:0.#} years before {asOf:yyyy-MM-dd}{(points > 0 ? "" : ": too long ago to add weight")}"));
            if (last.Latest >= Invasion)
            {
                score += 1;
                Say(() => "goods moved after 24 February 2022, when export restrictions on Russia were widened");
            }
        }

        var hopCount = partyIds.Count - 1;
        score -= 0.5 * (hopCount - 1);
        Say(() => hopCount == 1 ? "1 hop: a direct trade" : $"{hopCount} hops: each intermediary weakens the link");
        return (Math.Round(score, 3), reasons);
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

    /// <summary>What a route's score is made of, gathered in one pass over its shipments.</summary>
    private readonly record struct RouteFacts(int Shipments, double? TotalValueUsd, ChplTier? BestTier, int ListedShipments, PartialDate? FirstDate, PartialDate? LastDate)
    {
        public static RouteFacts Of(IReadOnlyList<Trade>[] hops)
        {
            var count = 0;
            var listed = 0;
            double? total = null;
            ChplTier? best = null;
            PartialDate? first = null;
            PartialDate? last = null;
            foreach (var hop in hops)
            {
                for (var i = 0; i < hop.Count; i++)
                {
                    var trade = hop[i];
                    count++;
                    if (trade.ValueUsd is { } value)
                        total = (total ?? 0) + value;
                    if (trade.ChplTier is { } tier)
                    {
                        listed++;
                        if (best is not { } b || tier < b)
                            best = tier;
                    }

                    if (trade.Date is { } date)
                    {
                        if (first is not { } f || date.CompareTo(f) < 0)
                            first = date;
                        if (last is not { } l || date.Latest > l.Latest)
                            last = date;
                    }
                }
            }

            return new RouteFacts(count, total, best, listed, first, last);
        }
    }

    /// <summary>One hop of a route found, with its shipments as trades until the route is returned.</summary>
    private sealed record HopDraft(string FromId, string ToId, IReadOnlyList<Trade> Trades);

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
        public TraceRoute Complete(IReadOnlyDictionary<string, Shipment> shipments) => new(
            PartyIds,
            [.. Hops.Select(h =>
            {
                var list = h.Trades.Select(t => shipments[t.ShipmentId]).OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
                return new TraceHop(h.FromId, h.ToId, list, Sum(h.Trades));
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
    /// A partial route as a linked list back to the start, so that routes share their prefixes, with the
    /// shipments of its last hop that some valid sequence of shipments from the start reaches.
    /// </summary>
    private sealed record RouteState(RouteState? Previous, string Party, int Length, IReadOnlyList<Trade> Arrivals)
    {
        /// <summary>The parties of the route so far, the start first.</summary>
        public IEnumerable<string> Parties()
        {
            var list = new List<string>(Length + 1);
            for (var s = this; s is not null; s = s.Previous)
                list.Add(s.Party);
            list.Reverse();
            return list;
        }

        public bool Visits(string party)
        {
            for (var s = this; s is not null; s = s.Previous)
            {
                if (string.Equals(s.Party, party, StringComparison.Ordinal))
                    return true;
            }

            return false;
        }
    }

    /// <summary>
    /// Answers "may some arrival precede (or follow) this shipment" in logarithmic time: arrivals sorted
    /// by their earliest day, with the running maximum of their latest day.
    /// </summary>
    private sealed class ArrivalIndex
    {
        private readonly int[] _earliest;
        private readonly int[] _maxLatest;

        public ArrivalIndex(IReadOnlyList<Trade> arrivals)
        {
            var count = 0;
            for (var i = 0; i < arrivals.Count; i++)
            {
                if (arrivals[i].Date is not null)
                    count++;
            }

            _earliest = new int[count];
            _maxLatest = new int[count];
            var n = 0;
            for (var i = 0; i < arrivals.Count; i++)
            {
                if (arrivals[i].Date is { } date)
                {
                    _earliest[n] = date.Earliest.DayNumber;
                    _maxLatest[n++] = date.Latest.DayNumber;
                }
            }

            // Sorted by earliest day, each with the latest day of its own; then the running maximum of those.
            Array.Sort(_earliest, _maxLatest);
            for (var i = 1; i < count; i++)
                _maxLatest[i] = Math.Max(_maxLatest[i], _maxLatest[i - 1]);
        }

        /// <summary>Whether <paramref name="later"/> may follow some arrival (<see cref="TraceTime.MayFollow(PartialDate?, PartialDate?, int)"/>).</summary>
        public bool AnyMayPrecede(Trade later, int maxDwellDays) =>
            later.Date is { } d && Exists(d.Latest.DayNumber, (long)d.Earliest.DayNumber - maxDwellDays);

        /// <summary>Whether <paramref name="earlier"/> may be followed by some arrival.</summary>
        public bool AnyMayFollow(Trade earlier, int maxDwellDays) =>
            earlier.Date is { } d && Exists((long)d.Latest.DayNumber + maxDwellDays, d.Earliest.DayNumber);

        /// <summary>Whether an arrival starts on or before <paramref name="maxEarliest"/> and ends on or after <paramref name="minLatest"/>.</summary>
        private bool Exists(long maxEarliest, long minLatest)
        {
            int lo = 0, hi = _earliest.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) >>> 1;
                if (_earliest[mid] <= maxEarliest)
                    lo = mid + 1;
                else
                    hi = mid;
            }

            return lo > 0 && _maxLatest[lo - 1] >= minLatest;
        }
    }
}
