using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Tracing;

/// <summary>The tracer against a brute force that enumerates every shipment sequence of small random graphs.</summary>
public class ChainTracerOracleTests
{
    private static readonly string[] CountryCodes = ["ru", "kg", "de", "cn"];
    private static readonly string[] DateTexts = ["2022", "2022-03", "2022-04", "2022-03-10", "2022-03-20", "2022-04-15", "2022-06-01", "2023-01-05"];
    private static readonly string[] HsCodes = ["854231", "854232", "610910"];

    private static readonly string[] Stakes = ["20%", "30%", "50%", "60%", "100%", "majority"];

    [Theory]
    [InlineData(false, TestStores.Sqlite)]
    [InlineData(true, TestStores.Sqlite)]
    [InlineData(false, TracedGraph.SqliteIndexed)]
    [InlineData(true, TracedGraph.SqliteIndexed)]
    [InlineData(false, TestStores.Neo4j)]
    [InlineData(true, TestStores.Neo4j)]
    // Dense graphs: many shipments between the same two parties, of which the time rule keeps some.
    [InlineData(false, TestStores.Sqlite, 40)]
    [InlineData(true, TracedGraph.SqliteIndexed, 40)]
    public async Task the_tracer_finds_exactly_the_routes_of_a_brute_force_enumeration(bool ownershipRule, string store, int shipmentCount = 14)
    {
        var ct = TestContext.Current.CancellationToken;
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var fixture = FtmGraph.Create();
            var partyIds = Enumerable.Range(0, 6).Select(i => $"p{i}").ToList();
            foreach (var id in partyIds)
            {
                var topic = random.Next(8) == 0 ? "export.control" : null;
                fixture.Company(id, id.ToUpperInvariant(), CountryCodes[random.Next(CountryCodes.Length)], topic: topic);
                if (random.Next(4) == 0)
                    fixture.Sanction(id);
            }

            // Owners outside the trade: stakes decide, under the ownership rule, which companies are blocked end users.
            var sanctionedOwners = new HashSet<string>(StringComparer.Ordinal);
            List<(string Owner, string Asset, string Text)> stakes = [];
            var rule = random.Next(2) == 0 ? OwnershipRule.Ofac : OwnershipRule.Eu;
            if (ownershipRule)
            {
                foreach (var owner in new[] { "o0", "o1" })
                {
                    fixture.Person(owner, owner.ToUpperInvariant(), "ru");
                    if (random.Next(2) == 0)
                    {
                        fixture.Sanction(owner);
                        sanctionedOwners.Add(owner);
                    }
                }

                for (var k = random.Next(0, 7); k > 0; k--)
                {
                    var owner = random.Next(3) == 0 ? partyIds[random.Next(partyIds.Count)] : $"o{random.Next(2)}";
                    var asset = partyIds[random.Next(partyIds.Count)];
                    if (owner == asset || stakes.Any(st => st.Owner == owner && st.Asset == asset))
                        continue;
                    var text = Stakes[random.Next(Stakes.Length)];
                    fixture.Owns(owner, asset, text);
                    stakes.Add((owner, asset, text));
                }

                if (random.Next(2) == 0)
                    fixture.Controls("o0", partyIds[random.Next(partyIds.Count)]);
            }

            for (var s = 0; s < shipmentCount; s++)
            {
                var from = partyIds[random.Next(partyIds.Count)];
                var to = partyIds[random.Next(partyIds.Count)];
                if (from == to)
                    continue;
                var date = random.Next(10) == 0 ? null : DateTexts[random.Next(DateTexts.Length)];
                fixture.Shipment($"s{s}", from, to, date, HsCodes[random.Next(HsCodes.Length)], random.Next(1, 5) * 100);
            }

            await using var graph = await TracedGraph.LoadAsync(fixture, ct, store);
            var shipments = await graph.Store.GetShipmentsAsync([.. Enumerable.Range(0, shipmentCount).Select(i => $"s{i}")], ct);
            var parties = (await graph.Store.GetPartiesAsync(partyIds, ct)).ToDictionary(p => p.Id);
            var restricted = (await new DirectRestrictions(graph.Store, TracedGraph.AsOf).GetRestrictionsAsync(partyIds, ct)).Keys.ToHashSet();
            if (ownershipRule)
            {
                // The least fixpoint, iterated: stakes of blocked owners add up; control never blocks.
                HashSet<string> blocked = [.. partyIds.Where(id => SanctionedCompany(fixture, id)), .. sanctionedOwners];
                for (var round = 0; round < 10; round++)
                {
                    foreach (var asset in partyIds)
                    {
                        if (stakes.Where(st => st.Asset == asset && blocked.Contains(st.Owner)).Sum(st => OwnershipShare.Parse(st.Text, out _)?.Minimum ?? 0) >= 50)
                            blocked.Add(asset);
                    }
                }

                restricted.UnionWith(partyIds.Where(blocked.Contains));
            }

            foreach (var direction in new[] { TraceDirection.Downstream, TraceDirection.Upstream })
            {
                var query = new TraceQuery
                {
                    StartId = partyIds[random.Next(partyIds.Count)],
                    Direction = direction,
                    MaxHops = random.Next(1, 5),
                    TimeRespecting = random.Next(3) > 0,
                    MaxDwellDays = new[] { 0, 15, 60, 400 }[random.Next(4)],
                    Filter = random.Next(4) switch
                    {
                        0 => new ShipmentFilter(HsPrefixes: ["8542"]),
                        1 => new ShipmentFilter(MinValueUsd: 200),
                        2 => new ShipmentFilter(From: new DateOnly(2022, 3, 15), To: new DateOnly(2022, 12, 31)),
                        _ => ShipmentFilter.None,
                    },
                    TargetCountries = random.Next(2) == 0 ? null : [CountryCodes[random.Next(CountryCodes.Length)]],
                    Limit = 10_000,
                };

                var expected = BruteForce(query, shipments, parties, restricted);
                var actual = ownershipRule
                    ? await graph.WithRule(rule, TracedGraph.AsOf).TraceAsync(query with { AsOf = TracedGraph.AsOf }, ct)
                    : await graph.TraceAsync(query);

                Assert.False(actual.Truncated);

                // With a small limit, the best routes come first exactly as in the whole ranked list.
                var tracer = ownershipRule ? graph.WithRule(rule, TracedGraph.AsOf) : graph.Tracer;
                var top = await tracer.TraceAsync(query with { AsOf = ownershipRule ? TracedGraph.AsOf : query.AsOf, Limit = 2 }, ct);
                Assert.Equal(actual.TotalRoutes, top.TotalRoutes);
                Assert.Equal(actual.TotalRoutes > 2, top.Truncated);
                Assert.Equal(
                    actual.Routes.Take(2).Select(r => $"seed {seed} {direction}: {string.Join(">", r.PartyIds)} {r.Score} {string.Join("; ", r.Reasons)}"),
                    top.Routes.Select(r => $"seed {seed} {direction}: {string.Join(">", r.PartyIds)} {r.Score} {string.Join("; ", r.Reasons)}"));
                Assert.Equal(
                    expected.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"seed {seed} {direction}: {r.Key} = {r.Value}"),
                    actual.Routes.Select(r => (Key: string.Join(">", r.PartyIds), Value: Describe(r.Hops.Select(h => h.Shipments.Select(s => s.Id)))))
                        .OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"seed {seed} {direction}: {r.Key} = {r.Value}"));
            }
        }
    }

    private static bool SanctionedCompany(FtmGraph fixture, string id) =>
        fixture.Entities.Any(e => e.Schema == "Sanction" && e.Values("entity").Contains(id));

    private static string Describe(IEnumerable<IEnumerable<string>> hops) =>
        string.Join(" | ", hops.Select(h => string.Join(",", h.Order(StringComparer.Ordinal))));

    /// <summary>Every sequence of shipments from the start, checked rule by rule; routes keyed by party sequence.</summary>
    private static Dictionary<string, string> BruteForce(
        TraceQuery query, IReadOnlyList<Shipment> shipments, IReadOnlyDictionary<string, Party> parties, IReadOnlySet<string> restricted)
    {
        var down = query.Direction == TraceDirection.Downstream;
        var targets = query.TargetCountries;
        bool InTargets(string p) => targets is not null && parties[p].Countries.Any(targets.Contains);
        var found = new List<(List<string> Parties, List<Shipment> Shipments)>();

        // The later shipment must be able to fall on or after the earlier one, within the dwell window.
        bool Follows(Shipment earlier, Shipment later) =>
            earlier.Date is { } e && later.Date is { } l
            && l.Latest.DayNumber >= e.Earliest.DayNumber
            && l.Earliest.DayNumber <= e.Latest.DayNumber + query.MaxDwellDays;

        List<Shipment> Next(List<string> path, List<Shipment> sequence) =>
        [
            .. shipments.Where(s => query.Filter.Matches(s)
                && (down ? s.SenderId : s.ReceiverId) == path[^1]
                && !path.Contains(down ? s.ReceiverId! : s.SenderId!)
                && (!query.TimeRespecting || sequence.Count == 0
                    || (down ? Follows(sequence[^1], s) : Follows(s, sequence[^1])))),
        ];

        void Walk(List<string> path, List<Shipment> sequence)
        {
            var next = Next(path, sequence);
            if (!down && targets is null && sequence.Count > 0 && next.Count == 0)
                found.Add((path, sequence));
            foreach (var s in next)
            {
                var far = down ? s.ReceiverId! : s.SenderId!;
                List<string> longer = [.. path, far];
                List<Shipment> extended = [.. sequence, s];
                var ends = down ? restricted.Contains(far) && (targets is null || InTargets(far)) : InTargets(far);
                if (ends)
                    found.Add((longer, extended));
                else if (extended.Count < query.MaxHops)
                    Walk(longer, extended);
                else if (!down && targets is null)
                    found.Add((longer, extended));
            }
        }

        Walk([query.StartId], []);
        return found.GroupBy(f => string.Join(">", f.Parties)).ToDictionary(
            g => g.Key,
            g => Describe(Enumerable.Range(0, g.First().Shipments.Count).Select(i => g.Select(f => f.Shipments[i].Id).Distinct())));
    }
}
