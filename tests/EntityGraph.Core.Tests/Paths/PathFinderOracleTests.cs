using EntityGraph.Core.Analysis.Paths;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Paths;

/// <summary>The path finder against a brute force that enumerates every simple path of small random graphs.</summary>
public class PathFinderOracleTests
{
    private static readonly LinkKind[] AllKinds = Enum.GetValues<LinkKind>();

    private static readonly LinkKind[] ShipmentRoles = [LinkKind.Sent, LinkKind.Received, LinkKind.Declared];

    [Fact]
    public async Task the_finder_returns_the_first_paths_of_a_brute_force_enumeration_in_the_same_order()
    {
        var compared = 0;
        var nonEmpty = 0;
        for (var seed = 0; seed < 250; seed++)
        {
            var (queries, withPaths, _, _) = await CompareAsync(seed, hubs: false);
            compared += queries;
            nonEmpty += withPaths;
        }

        // The comparison means something only if many random queries do have paths.
        Assert.True(nonEmpty > compared / 3, $"only {nonEmpty} of {compared} queries had a path");
    }

    [Fact]
    public async Task around_hub_parties_the_index_and_the_last_level_read_from_both_frontiers_find_the_same_paths()
    {
        var compared = 0;
        var nonEmpty = 0;
        var bothFrontiers = 0;
        var fromMemory = 0;
        for (var seed = 0; seed < 150; seed++)
        {
            var (queries, withPaths, fromBoth, kept) = await CompareAsync(seed, hubs: true);
            compared += queries;
            nonEmpty += withPaths;
            bothFrontiers += fromBoth;
            fromMemory += kept;
        }

        Assert.True(nonEmpty > compared / 3, $"only {nonEmpty} of {compared} queries had a path");
        // Over an index without role links, the comparison covers the two-sided read only if many searches did read that way.
        Assert.True(bothFrontiers > compared / 10, $"only {bothFrontiers} of {compared} searches read their last level from both frontiers");
        // The comparison covers the hubs' links kept in memory only if many searches found some there.
        Assert.True(fromMemory > compared / 3, $"only {fromMemory} of {compared} searches found a hub's links in memory");
    }

    /// <summary>
    /// Builds a random graph and compares a few random queries with the brute force, searched on the store,
    /// through a trade index that holds the role links (SQLite's), and through one that does not (as over
    /// Neo4j), which only counts shipments; returns how many were compared, how many had paths, how many
    /// searches through the counting index read their last level from both frontiers, and how many of
    /// those found some of their links kept in memory.
    /// </summary>
    /// <param name="seed">The seed of the graph and the queries.</param>
    /// <param name="hubs">Whether most shipments gather around a few parties, as in customs data.</param>
    private static async Task<(int Compared, int NonEmpty, int BothFrontiers, int FromMemory)> CompareAsync(int seed, bool hubs)
    {
        var ct = TestContext.Current.CancellationToken;
        var (compared, nonEmpty, bothFrontiers, fromMemory) = (0, 0, 0, 0);
        var random = new Random(seed);
        var (fixture, parties) = RandomGraph(random, hubs);
        var entities = fixture.Entities;
        await using var graph = await PathGraph.LoadAsync(entities, ct);
        // Through the trade index, the shipments' links come from memory and the store is asked only for
        // links of other kinds around them.
        var recording = new RecordingGraphStore(graph.Store);
        var indexed = new IndexedGraphStore(recording);
        await indexed.BuildNowAsync(ct);
        var index = Assert.IsType<TradeIndex>(indexed.Current?.Index);
        Assert.True(index.HoldsRoleLinks);
        var byIndex = new PathFinder(indexed, indexed);
        // Through an index without role links, the shipment counts choose what to read, and the links of every
        // party with two shipments or more are kept once read, for later queries of other lengths, kinds and
        // directions; the paths must not change.
        var counting = new RecordingGraphStore(graph.Store) { StreamsTradeLinks = false };
        var countingIndexed = new IndexedGraphStore(counting) { CachedExpansionMinimum = 2 };
        await countingIndexed.BuildNowAsync(ct);
        // With no shipment at all, there are no role links to hold.
        Assert.True(countingIndexed.Current?.Index is { Count: 0 } or { HoldsRoleLinks: false });
        var byCounts = new PathFinder(countingIndexed, countingIndexed);
        // The same without the links kept in memory, to see which reads the counts choose.
        var choosing = new RecordingGraphStore(graph.Store) { StreamsTradeLinks = false };
        var choosingIndexed = new IndexedGraphStore(choosing) { LinkCacheSize = 0 };
        await choosingIndexed.BuildNowAsync(ct);
        var byChoice = new PathFinder(choosingIndexed, choosingIndexed);
        var nodes = parties.Concat(entities.Where(e => e.Schema is "Address" or "EconomicActivity" or "Sanction").Select(e => e.Id)).ToList();
        var links = await graph.Store.ExpandAsync(new LinkExpansion([.. entities.Select(e => e.Id)], Limit: int.MaxValue), ct);

        for (var q = 0; q < 4; q++)
        {
            var from = nodes[random.Next(nodes.Count)];
            var to = nodes[random.Next(nodes.Count)];
            if (from == to)
                continue;
            var query = new PathQuery
            {
                FromId = from,
                ToId = to,
                MaxHops = random.Next(1, 7),
                Limit = random.Next(1, 13),
                Direction = random.Next(4) switch { 0 => LinkDirection.Outgoing, 1 => LinkDirection.Incoming, _ => LinkDirection.Both },
                Kinds = random.Next(3) == 0 ? [.. AllKinds.Where(_ => random.Next(2) == 0)] : null,
            };

            var expected = BruteForce(query, links).Take(query.Limit).Select(c => $"seed {seed} q{q}: {PathGraph.Describe(c)}");
            var actual = await graph.FindAsync(query);
            var read = recording.Expansions.Count;
            var fromIndex = await byIndex.FindAsync(query, ct);
            var counted = await byCounts.FindAsync(query, ct);
            var asked = choosing.Expansions.Count;
            var chosen = await byChoice.FindAsync(query, ct);

            foreach (var result in new[] { actual, fromIndex, counted, chosen })
            {
                Assert.False(result.Truncated);
                Assert.Equal(expected, result.Connections.Select(c => $"seed {seed} q{q}: {PathGraph.Describe(c)}"));
            }

            // Nothing the index holds was read from the store.
            Assert.All(
                recording.Expansions.Skip(read),
                e => Assert.False(
                    (e.Kinds is not { Count: > 0 } || e.Kinds.Any(ShipmentRoles.Contains)) && e.NodeIds.Any(n => index.Knows(n) || index.TryGetShipment(n, out _)),
                    $"seed {seed} q{q}: the store was asked for role links around {string.Join(", ", e.NodeIds)}"));
            compared++;
            nonEmpty += actual.Connections.Count > 0 ? 1 : 0;
            bothFrontiers += choosing.Expansions.Skip(asked).Any(e => ReadsPartiesWithoutTheirShipments(e, query)) ? 1 : 0;

            // Asked again, the counting search finds the hubs' links in memory and the same paths.
            var before = counting.Expansions.Count;
            var again = await byCounts.FindAsync(query, ct);
            Assert.Equal(expected, again.Connections.Select(c => $"seed {seed} q{q}: {PathGraph.Describe(c)}"));
            fromMemory += again.Expansions > counting.Expansions.Count - before ? 1 : 0;

            // Cut by a small budget, the search may miss paths but returns only real ones, shortest first.
            var budget = random.Next(1, 8);
            var every = BruteForce(query with { Limit = int.MaxValue }, links).Select(PathGraph.Describe).ToHashSet();
            foreach (var finder in new[] { byIndex, byCounts, new PathFinder(graph.Store) })
            {
                var cut = await finder.FindAsync(query with { LinkBudget = budget }, ct);
                Assert.All(cut.Connections, c => Assert.Contains(PathGraph.Describe(c), every));
                Assert.Equal(cut.Connections.Select(c => c.Length).Order(), cut.Connections.Select(c => c.Length));
                Assert.True(cut.LinksRead <= budget);
            }
        }

        return (compared, nonEmpty, bothFrontiers, fromMemory);
    }

    /// <summary>Whether an expansion left out the shipment roles that the query follows: the trading parties' read of a two-sided last level.</summary>
    private static bool ReadsPartiesWithoutTheirShipments(LinkExpansion expansion, PathQuery query) =>
        expansion.Kinds is { Count: > 0 } kinds
        && !kinds.Any(ShipmentRoles.Contains)
        && (query.Kinds is not { Count: > 0 } || query.Kinds.Any(ShipmentRoles.Contains));

    /// <summary>
    /// A small random graph of parties, addresses, links of every kind and shipments; with hubs, fewer
    /// parties and most shipments sent or received by one or two of them.
    /// </summary>
    private static (FtmGraph Fixture, List<string> Parties) RandomGraph(Random random, bool hubs)
    {
        var fixture = FtmGraph.Create();
        var parties = Enumerable.Range(0, hubs ? random.Next(4, 7) : random.Next(4, 9)).Select(i => $"p{i}").ToList();
        foreach (var id in parties)
        {
            if (random.Next(3) == 0)
                fixture.Person(id, id.ToUpperInvariant());
            else
                fixture.Company(id, id.ToUpperInvariant());
        }

        string Any() => parties[random.Next(parties.Count)];
        for (var a = 0; a < random.Next(0, 3); a++)
        {
            fixture.Address($"addr{a}", $"Street {a}");
            for (var r = random.Next(1, 4); r > 0; r--)
                fixture.Set(Any(), "addressEntity", $"addr{a}");
        }

        // Fixed ids let the same pair be linked twice (parallel links); an owner may own itself (a self-loop).
        for (var l = random.Next(2, 12); l > 0; l--)
        {
            var (from, to) = (Any(), Any());
            switch (random.Next(5))
            {
                case 0: fixture.Owns(from, to, id: $"own{l}"); break;
                case 1: fixture.Directs(from, to, id: $"dir{l}"); break;
                case 2: fixture.Controls(from, to, id: $"ctl{l}"); break;
                case 3: fixture.Entity($"rel{l}", "Associate", ("person", from), ("associate", to)); break;
                default: fixture.Entity($"rep{l}", "Representation", ("agent", from), ("client", to)); break;
            }
        }

        if (hubs)
        {
            var hub = parties.Take(random.Next(1, 3)).ToList();
            string Hub() => hub[random.Next(hub.Count)];
            for (var s = random.Next(5, 25); s > 0; s--)
            {
                var (from, to) = random.Next(2) == 0 ? (Hub(), Any()) : (Any(), Hub());
                fixture.Shipment($"s{s}", from, to, declarant: random.Next(4) == 0 ? Any() : null);
            }
        }
        else
        {
            for (var s = random.Next(0, 5); s > 0; s--)
                fixture.Shipment($"s{s}", Any(), Any(), declarant: random.Next(4) == 0 ? Any() : null);
        }

        if (random.Next(3) == 0)
            fixture.Sanction(Any());
        return (fixture, parties);
    }

    /// <summary>Every simple path of at most MaxHops links, by length, then node ids, then link ids.</summary>
    private static List<Connection> BruteForce(PathQuery query, IReadOnlyList<Link> links)
    {
        var steps = new List<(string Tail, string Head, Link Link)>();
        foreach (var link in links.Where(l => l.SourceId != l.TargetId && (query.Kinds is not { Count: > 0 } || query.Kinds.Contains(l.Kind))))
        {
            if (query.Direction != LinkDirection.Incoming)
                steps.Add((link.SourceId, link.TargetId, link));
            if (query.Direction != LinkDirection.Outgoing)
                steps.Add((link.TargetId, link.SourceId, link));
        }

        var found = new List<Connection>();
        var route = new List<string> { query.FromId };
        var routeLinks = new List<Link>();
        Extend();
        return [.. found.OrderBy(c => c, Comparer<Connection>.Create(Compare))];

        void Extend()
        {
            var here = route[^1];
            if (here == query.ToId)
            {
                found.Add(new Connection([.. route], [.. routeLinks]));
                return;
            }

            if (routeLinks.Count == query.MaxHops)
                return;
            foreach (var (_, head, link) in steps.Where(s => s.Tail == here && !route.Contains(s.Head)))
            {
                route.Add(head);
                routeLinks.Add(link);
                Extend();
                route.RemoveAt(route.Count - 1);
                routeLinks.RemoveAt(routeLinks.Count - 1);
            }
        }
    }

    private static int Compare(Connection x, Connection y)
    {
        var order = x.Length.CompareTo(y.Length);
        for (var i = 0; order == 0 && i < x.NodeIds.Count; i++)
            order = string.CompareOrdinal(x.NodeIds[i], y.NodeIds[i]);
        for (var i = 0; order == 0 && i < x.Links.Count; i++)
            order = string.CompareOrdinal(x.Links[i].Id, y.Links[i].Id);
        return order;
    }
}
