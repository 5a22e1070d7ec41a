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
        var looked = new HashSet<string>(StringComparer.Ordinal);
        var next = new Dictionary<string, List<Shipment>>(StringComparer.Ordinal);
        var valid = new List<Chain>();
        var explored = 0;
        var truncated = false;
        var clock = Stopwatch.StartNew();

        await LearnAsync([query.StartId]);
        List<Chain> frontier = [new Chain(null, null, query.StartId, 0)];
        while (frontier.Count > 0)
        {
            var unexpanded = frontier.Select(c => c.Party).Where(p => !next.ContainsKey(p)).Distinct(StringComparer.Ordinal).ToList();
            if (unexpanded.Count > 0)
            {
                var remaining = query.ShipmentBudget - explored;
                if (remaining <= 0 || clock.Elapsed > query.TimeBudget)
                {
                    truncated = true;
                    break;
                }

                IReadOnlyList<Shipment> fetched = await store.ExpandShipmentsAsync(
                    new ShipmentExpansion(unexpanded, downstream ? ShipmentRole.Sender : ShipmentRole.Receiver, query.Filter, remaining + 1),
                    cancellationToken);
                if (fetched.Count > remaining)
                {
                    truncated = true;
                    fetched = [.. fetched.Take(remaining)];
                }

                explored += fetched.Count;
                foreach (var party in unexpanded)
                    next[party] = [];
                foreach (var shipment in fetched)
                {
                    var near = downstream ? shipment.SenderId : shipment.ReceiverId;
                    if (near is not null && query.Filter.Matches(shipment) && next.TryGetValue(near, out var list))
                        list.Add(shipment);
                }
            }

            var extended = new List<Chain>();
            foreach (var chain in frontier)
            {
                var grew = false;
                foreach (var shipment in next[chain.Party])
                {
                    var far = downstream ? shipment.ReceiverId : shipment.SenderId;
                    if (far is null || chain.Visits(far))
                        continue;
                    if (query.TimeRespecting && chain.Shipment is { } previous
                        && !(downstream ? TraceTime.MayFollow(previous, shipment, query.MaxDwellDays) : TraceTime.MayFollow(shipment, previous, query.MaxDwellDays)))
                        continue;
                    extended.Add(new Chain(chain, shipment, far, chain.Length + 1));
                    grew = true;
                }

                if (maximalRoutes && !grew && chain.Length > 0)
                    valid.Add(chain);
            }

            if (extended.Count > query.ChainBudget)
            {
                truncated = true;
                extended.RemoveRange(query.ChainBudget, extended.Count - query.ChainBudget);
            }

            await LearnAsync([.. extended.Select(c => c.Party).Distinct(StringComparer.Ordinal)]);
            frontier = [];
            foreach (var chain in extended)
            {
                if (downstream ? IsRestrictedEndUser(chain.Party) : targets is not null && IsInTargets(chain.Party))
                    valid.Add(chain);
                else if (chain.Length < query.MaxHops)
                    frontier.Add(chain);
                else if (maximalRoutes)
                    valid.Add(chain);
            }
        }

        // The reasons name the blocked owners of end users, which the search itself never visits.
        var owners = valid.Select(c => downstream ? c.Party : query.StartId).Distinct(StringComparer.Ordinal)
            .SelectMany(id => restricted.TryGetValue(id, out var r) ? r.Owners.Select(o => o.OwnerId) : [])
            .Where(id => !parties.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
        if (owners.Count > 0)
        {
            foreach (var party in await store.GetPartiesAsync(owners, cancellationToken))
                parties[party.Id] = party;
        }

        var routes = valid
            .GroupBy(c => string.Join('\u001f', c.Parties()), StringComparer.Ordinal)
            .Select(g => BuildRoute([.. g], downstream, parties, restricted, query.StartId, query.AsOf))
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.TotalValueUsd ?? 0)
            .ThenBy(r => string.Join('\u001f', r.PartyIds), StringComparer.Ordinal)
            .ToList();
        return new TraceResult([.. routes.Take(query.Limit)], routes.Count, truncated || routes.Count > query.Limit, explored);

        bool IsRestrictedEndUser(string party) =>
            restricted.ContainsKey(party) && (targets is null || IsInTargets(party));

        bool IsInTargets(string party) =>
            parties.TryGetValue(party, out var p) && p.Countries.Any(targets!.Contains);

        async Task LearnAsync(IReadOnlyCollection<string> ids)
        {
            var fresh = ids.Where(looked.Add).ToList();
            if (fresh.Count == 0)
                return;
            foreach (var party in await store.GetPartiesAsync(fresh, cancellationToken))
                parties[party.Id] = party;
            foreach (var (id, restriction) in await restrictions.GetRestrictionsAsync(fresh, cancellationToken))
                restricted[id] = restriction;
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

    private static TraceRoute BuildRoute(
        IReadOnlyList<Chain> chains,
        bool downstream,
        IReadOnlyDictionary<string, Party> parties,
        IReadOnlyDictionary<string, Restriction> restricted,
        string startId,
        DateOnly asOf)
    {
        var partyIds = chains[0].Parties();
        var perHop = Enumerable.Range(0, partyIds.Count - 1).Select(_ => new Dictionary<string, Shipment>(StringComparer.Ordinal)).ToList();
        foreach (var chain in chains)
        {
            var shipments = chain.Shipments();
            for (var i = 0; i < shipments.Count; i++)
                perHop[i].TryAdd(shipments[i].Id, shipments[i]);
        }

        var hops = perHop.Select((byId, i) =>
        {
            var list = byId.Values.OrderBy(s => s.Date).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();
            var (from, to) = downstream ? (partyIds[i], partyIds[i + 1]) : (partyIds[i + 1], partyIds[i]);
            return new TraceHop(from, to, list, Sum(list));
        }).ToList();

        var all = hops.SelectMany(h => h.Shipments).DistinctBy(s => s.Id).ToList();
        var dates = all.Where(s => s.Date is not null).Select(s => s.Date!.Value).ToList();
        var endUser = downstream ? partyIds[^1] : startId;
        var restriction = restricted.GetValueOrDefault(endUser);
        var total = Sum(all);
        var lastDate = dates.Count > 0 ? dates.MaxBy(d => d.Latest) : (PartialDate?)null;
        var (score, reasons) = Score(partyIds, endUser, all, total, restriction, parties, lastDate, asOf);
        return new TraceRoute(
            partyIds,
            hops,
            endUser,
            restriction,
            total,
            dates.Count > 0 ? dates.Min() : null,
            lastDate,
            score,
            reasons);
    }

    private static double? Sum(IReadOnlyList<Shipment> shipments) =>
        shipments.Any(s => s.ValueUsd is not null) ? shipments.Sum(s => s.ValueUsd ?? 0) : null;

    /// <summary>
    /// A transparent score: each part adds a few points and says why in a sentence. Restriction 3–5,
    /// value log10/2, best CHPL tier 1–3, any transshipment country 1.5, recency 0–1.5, trade after
    /// 24 Feb 2022 1, and −0.5 for each hop beyond the first.
    /// </summary>
    private static (double Score, IReadOnlyList<string> Reasons) Score(
        IReadOnlyList<string> partyIds,
        string endUserId,
        IReadOnlyList<Shipment> shipments,
        double? total,
        Restriction? restriction,
        IReadOnlyDictionary<string, Party> parties,
        PartialDate? lastDate,
        DateOnly asOf)
    {
        string Name(string id) => parties.TryGetValue(id, out var party) && party.Name != id ? $"{party.Name} ({id})" : id;

        var score = 0.0;
        var reasons = new List<string>();
        if (restriction is not null)
        {
            var owners = restriction.Owners.Select(o => string.Create(CultureInfo.InvariantCulture, $"{Name(o.OwnerId)} holds {o.Percentage:0.####}%"));
            var (points, text) = restriction.Kind switch
            {
                RestrictionKind.Sanctioned => (5.0, $"the end user {Name(endUserId)} is sanctioned ({string.Join(", ", restriction.SanctionIds)})"),
                RestrictionKind.OwnershipBlocked => (4.0, $"the end user {Name(endUserId)} is blocked by ownership: {string.Join(", ", owners)}"),
                _ => (3.0, $"the end user {Name(endUserId)} is on an export-control list"),
            };
            score += points;
            reasons.Add(text);
        }

        if (total is > 0 and var value)
        {
            score += Math.Log10(1 + value) / 2;
            reasons.Add(string.Create(CultureInfo.InvariantCulture, $"{value:N0} USD of goods in {shipments.Count} shipment{(shipments.Count == 1 ? "" : "s")}"));
        }

        var tiers = shipments.Where(s => s.ChplTier is not null).Select(s => s.ChplTier!.Value).ToList();
        if (tiers.Count > 0)
        {
            var best = tiers.Min();
            score += best switch
            {
                ChplTier.Tier1 => 3,
                ChplTier.Tier2 => 2.5,
                ChplTier.Tier3A or ChplTier.Tier3B => 1.5,
                _ => 1,
            };
            reasons.Add($"{tiers.Count} of {shipments.Count} shipments carry goods on the Common High Priority List, the highest in tier {ChplList.Label(best)}{(ChplList.IsCriticalComponent(best) ? " (critical components)" : "")}");
        }

        var via = partyIds.Skip(1).SkipLast(1)
            .Select(id => (Id: id, Country: parties.TryGetValue(id, out var party) ? party.Countries.FirstOrDefault(Countries.IsTransshipmentPoint) : null))
            .Where(p => p.Country is not null)
            .Select(p => $"{Name(p.Id)} in {Countries.NameOf(p.Country!) ?? p.Country}")
            .ToList();
        if (via.Count > 0)
        {
            score += 1.5;
            reasons.Add($"passes through {string.Join(" and ", via)}: {(via.Count == 1 ? "a known transshipment country" : "known transshipment countries")}");
        }

        if (lastDate is { } last)
        {
            var years = (asOf.DayNumber - last.Latest.DayNumber) / 365.25;
            var points = years switch { <= 1 => 1.5, <= 2 => 1.0, <= 4 => 0.5, _ => 0.0 };
            score += points;
            var day = last.ToString();
            reasons.Add(years < 0
                ? $"the latest shipment ({day}) is dated after the day of evaluation"
                : string.Create(CultureInfo.InvariantCulture, $"the latest shipment was on {day}, {years:0.#} years before {asOf:yyyy-MM-dd}{(points > 0 ? "" : ": too long ago to add weight")}"));
            if (last.Latest >= Invasion)
            {
                score += 1;
                reasons.Add("goods moved after 24 February 2022, when export restrictions on Russia were widened");
            }
        }

        var hopCount = partyIds.Count - 1;
        score -= 0.5 * (hopCount - 1);
        reasons.Add(hopCount == 1 ? "1 hop: a direct trade" : $"{hopCount} hops: each intermediary weakens the link");
        return (Math.Round(score, 3), reasons);
    }

    /// <summary>A chain as a linked list back to the start, so that chains share their prefixes.</summary>
    private sealed record Chain(Chain? Previous, Shipment? Shipment, string Party, int Length)
    {
        public bool Visits(string party)
        {
            for (var c = this; c is not null; c = c.Previous)
            {
                if (string.Equals(c.Party, party, StringComparison.Ordinal))
                    return true;
            }

            return false;
        }

        /// <summary>The parties in trace order, the start first.</summary>
        public IReadOnlyList<string> Parties()
        {
            var list = new List<string>(Length + 1);
            for (var c = this; c is not null; c = c.Previous)
                list.Add(c.Party);
            list.Reverse();
            return list;
        }

        public IReadOnlyList<Shipment> Shipments()
        {
            var list = new List<Shipment>(Length);
            for (var c = this; c?.Shipment is not null; c = c.Previous)
                list.Add(c.Shipment);
            list.Reverse();
            return list;
        }
    }
}
