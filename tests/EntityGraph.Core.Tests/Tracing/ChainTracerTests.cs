using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Tracing;

/// <summary>The tracer's rules on named fixture graphs, read from the store and from the trade index.</summary>
public abstract class ChainTracerTests
{
    /// <summary>Where the traces read shipments from (<see cref="TestStores.Sqlite"/> or <see cref="TracedGraph.SqliteIndexed"/>).</summary>
    protected abstract string Store { get; }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A supplier, an intermediary and a sanctioned end user; the two shipments are given by the test.</summary>
    private static FtmGraph Relay(string firstDate, string secondDate, string? firstHs = "854231", string? secondHs = "854231", double firstValue = 1000, double secondValue = 2000) =>
        FtmGraph.Create()
            .Company("supplier", "Supplier GmbH", "de")
            .Company("relay", "Relay LLC", "kg")
            .Company("buyer", "Buyer AO", "ru")
            .Sanction("buyer", "OFAC")
            .Shipment("s1", "supplier", "relay", firstDate, firstHs, firstValue)
            .Shipment("s2", "relay", "buyer", secondDate, secondHs, secondValue);

    private static List<string> Routes(TraceResult result) => [.. result.Routes.Select(r => string.Join(">", r.PartyIds))];

    [Fact]
    public async Task goods_re_exported_by_an_intermediary_reach_the_sanctioned_buyer()
    {
        await using var graph = await TracedGraph.LoadAsync(Relay("2022-05-01", "2022-06-01"), Ct, Store);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "supplier" });

        var route = Assert.Single(result.Routes);
        Assert.Equal(["supplier", "relay", "buyer"], route.PartyIds);
        Assert.Equal("buyer", route.EndUserId);
        Assert.Equal(RestrictionKind.Sanctioned, route.Restriction?.Kind);
        Assert.Equal(["san-buyer"], route.Restriction?.SanctionIds);
        Assert.Equal([("supplier", "relay"), ("relay", "buyer")], route.Hops.Select(h => (h.FromId, h.ToId)));
        Assert.Equal(3000, route.TotalValueUsd);
        Assert.Equal("2022-05-01", route.FirstDate?.ToString());
        Assert.Equal("2022-06-01", route.LastDate?.ToString());
        Assert.Contains(route.Reasons, r => r == "passes through Relay LLC (relay) in Kyrgyzstan: a known transshipment country");
        Assert.Contains(route.Reasons, r => r == "2 of 2 shipments carry goods on the Common High Priority List, the highest in tier 1 (critical components)");
        Assert.False(result.Truncated);
        Assert.Equal(2, result.ExploredShipments);
    }

    [Fact]
    public async Task a_re_export_dated_before_the_goods_arrived_is_a_route_only_when_time_is_not_respected()
    {
        await using var graph = await TracedGraph.LoadAsync(Relay("2022-06-01", "2022-05-01"), Ct, Store);

        Assert.Empty((await graph.TraceAsync(new TraceQuery { StartId = "supplier" })).Routes);
        Assert.Equal(["supplier>relay>buyer"], Routes(await graph.TraceAsync(new TraceQuery { StartId = "supplier", TimeRespecting = false })));
    }

    [Theory]
    [InlineData(333, false)]
    [InlineData(334, true)]
    public async Task goods_held_longer_than_the_dwell_window_break_the_chain(int maxDwellDays, bool found)
    {
        await using var graph = await TracedGraph.LoadAsync(Relay("2022-01-01", "2022-12-01"), Ct, Store);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "supplier", MaxDwellDays = maxDwellDays });

        Assert.Equal(found, result.Routes.Count == 1);
    }

    /// <summary>Partial dates are the range of days they may mean: the later shipment must be able to fall on or after the earlier, and within the dwell window.</summary>
    [Theory]
    [InlineData("2022-03", "2022-03-01", 365, true)]
    [InlineData("2022-03-31", "2022-03", 365, true)]
    [InlineData("2022-06-15", "2022", 365, true)]
    [InlineData("2022", "2022-01-01", 365, true)]
    [InlineData("2022-06-15", "2022-02", 365, false)]
    [InlineData("2022-06-15", "2022-06", 0, true)]
    [InlineData("2022-01", "2022-03-02", 30, true)]
    [InlineData("2022-01", "2022-03-03", 30, false)]
    [InlineData("2021", "2022-12-31", 365, true)]
    [InlineData("2021", "2023-01-01", 365, false)]
    public async Task partial_dates_follow_when_some_of_their_days_can(string first, string second, int maxDwellDays, bool found)
    {
        await using var graph = await TracedGraph.LoadAsync(Relay(first, second), Ct, Store);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "supplier", MaxDwellDays = maxDwellDays });

        Assert.Equal(found, result.Routes.Count == 1);
    }

    [Fact]
    public async Task an_undated_shipment_cannot_be_placed_in_a_time_respecting_chain()
    {
        var fixture = Relay("2022-01-01", "2022-02-01").Shipment("s3", "relay", "buyer", date: null, hs: "854231", value: 5);
        await using var graph = await TracedGraph.LoadAsync(fixture, Ct, Store);

        var route = Assert.Single((await graph.TraceAsync(new TraceQuery { StartId = "supplier" })).Routes);
        Assert.Equal(["s2"], route.Hops[1].Shipments.Select(s => s.Id));

        var untimed = Assert.Single((await graph.TraceAsync(new TraceQuery { StartId = "supplier", TimeRespecting = false })).Routes);
        Assert.Equal(["s3", "s2"], untimed.Hops[1].Shipments.Select(s => s.Id));
    }

    [Fact]
    public async Task a_party_reached_twice_is_not_passed_through_again()
    {
        var fixture = FtmGraph.Create()
            .Company("supplier", "Supplier GmbH", "de")
            .Company("a", "A LLC", "kg")
            .Company("b", "B LLC", "kz")
            .Company("buyer", "Buyer AO", "ru")
            .Sanction("buyer")
            .Shipment("s1", "supplier", "a", "2022-01-01", value: 1)
            .Shipment("s2", "a", "b", "2022-01-02", value: 1)
            .Shipment("s3", "b", "a", "2022-01-03", value: 1)
            .Shipment("s4", "b", "supplier", "2022-01-03", value: 1)
            .Shipment("s5", "a", "buyer", "2022-01-04", value: 1);
        await using var graph = await TracedGraph.LoadAsync(fixture, Ct, Store);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "supplier", MaxHops = 6 });

        var route = Assert.Single(result.Routes);
        Assert.Equal(["supplier", "a", "buyer"], route.PartyIds);
        Assert.Equal(["s1"], route.Hops[0].Shipments.Select(s => s.Id));
    }

    [Fact]
    public async Task a_restricted_intermediary_ends_the_route_there()
    {
        var fixture = Relay("2022-01-01", "2022-02-01")
            .Sanction("relay", "EU")
            .Company("other", "Other OOO", "ru")
            .Sanction("other")
            .Shipment("s3", "buyer", "other", "2022-03-01", value: 1);
        await using var graph = await TracedGraph.LoadAsync(fixture, Ct, Store);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "supplier" });

        Assert.Equal(["supplier>relay"], Routes(result));
        Assert.Equal(1, result.ExploredShipments);
    }

    [Fact]
    public async Task export_control_marks_an_end_user_and_an_expired_sanction_does_not()
    {
        var fixture = FtmGraph.Create()
            .Company("supplier", "Supplier GmbH", "de")
            .Company("institute", "Institute", "ru", topic: "export.control")
            .Company("former", "Former AO", "ru")
            .Sanction("former", endDate: "2023-01-01")
            .Shipment("s1", "supplier", "institute", "2022-01-01")
            .Shipment("s2", "supplier", "former", "2022-01-01");
        await using var graph = await TracedGraph.LoadAsync(fixture, Ct, Store);

        var route = Assert.Single((await graph.TraceAsync(new TraceQuery { StartId = "supplier" })).Routes);
        Assert.Equal("institute", route.EndUserId);
        Assert.Equal(RestrictionKind.ExportControl, route.Restriction?.Kind);
    }

    [Theory]
    [InlineData(2, false)]
    [InlineData(3, true)]
    public async Task chains_longer_than_max_hops_are_not_followed(int maxHops, bool found)
    {
        var fixture = FtmGraph.Create()
            .Company("supplier", "Supplier GmbH", "de")
            .Company("a", "A LLC", "am")
            .Company("b", "B LLC", "kg")
            .Company("buyer", "Buyer AO", "ru")
            .Sanction("buyer")
            .Shipment("s1", "supplier", "a", "2022-01-01")
            .Shipment("s2", "a", "b", "2022-02-01")
            .Shipment("s3", "b", "buyer", "2022-03-01");
        await using var graph = await TracedGraph.LoadAsync(fixture, Ct, Store);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "supplier", MaxHops = maxHops });

        Assert.Equal(found ? ["supplier>a>b>buyer"] : [], Routes(result));
    }

    [Fact]
    public async Task filters_apply_to_every_shipment_of_a_chain()
    {
        await using var graph = await TracedGraph.LoadAsync(Relay("2022-01-01", "2022-02-01", firstHs: "854231", secondHs: "610910", firstValue: 5000, secondValue: 50), Ct, Store);

        Assert.Empty((await graph.TraceAsync(new TraceQuery { StartId = "supplier", Filter = new ShipmentFilter(HsPrefixes: ["8542"]) })).Routes);
        Assert.Empty((await graph.TraceAsync(new TraceQuery { StartId = "supplier", Filter = new ShipmentFilter(MinValueUsd: 100) })).Routes);
        Assert.Empty((await graph.TraceAsync(new TraceQuery { StartId = "supplier", Filter = new ShipmentFilter(To: new DateOnly(2022, 1, 15)) })).Routes);
        Assert.Single((await graph.TraceAsync(new TraceQuery { StartId = "supplier", Filter = new ShipmentFilter(HsPrefixes: ["8542", "6109"], MinValueUsd: 50) })).Routes);
    }

    [Fact]
    public async Task a_route_lists_only_the_shipments_that_take_part_in_a_valid_chain()
    {
        var fixture = Relay("2022-01-01", "2022-02-01")
            .Shipment("s1b", "supplier", "relay", "2022-01-20", value: 500)
            .Shipment("late", "supplier", "relay", "2022-03-01", value: 9999);
        await using var graph = await TracedGraph.LoadAsync(fixture, Ct, Store);

        var route = Assert.Single((await graph.TraceAsync(new TraceQuery { StartId = "supplier" })).Routes);

        Assert.Equal(["s1", "s1b"], route.Hops[0].Shipments.Select(s => s.Id));
        Assert.Equal(1500, route.Hops[0].ValueUsd);
        Assert.Equal(3500, route.TotalValueUsd);
    }

    [Fact]
    public async Task target_countries_narrow_the_end_users_and_others_are_passed_through()
    {
        var fixture = FtmGraph.Create()
            .Company("supplier", "Supplier GmbH", "de")
            .Company("gulf", "Gulf FZE", "ae")
            .Sanction("gulf")
            .Company("buyer", "Buyer AO", "ru")
            .Sanction("buyer")
            .Shipment("s1", "supplier", "gulf", "2022-01-01")
            .Shipment("s2", "gulf", "buyer", "2022-02-01");
        await using var graph = await TracedGraph.LoadAsync(fixture, Ct, Store);

        Assert.Equal(["supplier>gulf"], Routes(await graph.TraceAsync(new TraceQuery { StartId = "supplier" })));
        Assert.Equal(["supplier>gulf>buyer"], Routes(await graph.TraceAsync(new TraceQuery { StartId = "supplier", TargetCountries = ["ru"] })));
    }

    [Fact]
    public async Task upstream_follows_the_goods_back_to_the_exporting_country_through_restricted_parties()
    {
        var fixture = FtmGraph.Create()
            .Company("maker", "Maker Ltd", "cn")
            .Company("hub", "Hub Ltd", "hk")
            .Sanction("hub")
            .Company("relay", "Relay LLC", "kg")
            .Company("buyer", "Buyer AO", "ru")
            .Sanction("buyer")
            .Shipment("s1", "maker", "hub", "2022-01-01", value: 10)
            .Shipment("s2", "hub", "relay", "2022-02-01", value: 20)
            .Shipment("s3", "relay", "buyer", "2022-03-01", value: 30)
            .Shipment("early", "relay", "buyer", "2021-12-01", value: 40);
        await using var graph = await TracedGraph.LoadAsync(fixture, Ct, Store);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "buyer", Direction = TraceDirection.Upstream, TargetCountries = ["cn"] });

        var route = Assert.Single(result.Routes);
        Assert.Equal(["buyer", "relay", "hub", "maker"], route.PartyIds);
        Assert.Equal("buyer", route.EndUserId);
        Assert.Equal(RestrictionKind.Sanctioned, route.Restriction?.Kind);
        Assert.Equal([("relay", "buyer"), ("hub", "relay"), ("maker", "hub")], route.Hops.Select(h => (h.FromId, h.ToId)));
        Assert.Equal(["s3"], route.Hops[0].Shipments.Select(s => s.Id));
    }

    [Fact]
    public async Task upstream_without_target_countries_gives_the_maximal_routes()
    {
        var fixture = FtmGraph.Create()
            .Company("maker", "Maker Ltd", "cn")
            .Company("relay", "Relay LLC", "kg")
            .Company("buyer", "Buyer AO", "ru")
            .Shipment("s1", "maker", "relay", "2022-01-01")
            .Shipment("s2", "relay", "buyer", "2022-02-01")
            .Shipment("s3", "relay", "buyer", "2021-06-01");
        await using var graph = await TracedGraph.LoadAsync(fixture, Ct, Store);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "buyer", Direction = TraceDirection.Upstream });

        Assert.Equal(["buyer>relay", "buyer>relay>maker"], Routes(result).Order(StringComparer.Ordinal));
        Assert.Null(result.Routes[0].Restriction);
        Assert.Equal(["s3"], result.Routes.Single(r => r.PartyIds.Count == 2).Hops[0].Shipments.Select(s => s.Id));
    }

    [Fact]
    public async Task the_shipment_budget_cuts_the_search_and_says_so()
    {
        await using var graph = await TracedGraph.LoadAsync(Relay("2022-01-01", "2022-02-01"), Ct, Store);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "supplier", ShipmentBudget = 1 });

        Assert.Empty(result.Routes);
        Assert.True(result.Truncated);
        Assert.Equal(1, result.ExploredShipments);
    }

    [Theory]
    [InlineData(TraceDirection.Downstream, "supplier")]
    [InlineData(TraceDirection.Upstream, "buyer")]
    public async Task the_chain_budget_keeps_the_first_partial_routes_and_says_the_answer_is_cut(TraceDirection direction, string start)
    {
        var fixture = Relay("2022-01-01", "2022-02-01")
            .Company("direct", "Direct AO", "ru")
            .Sanction("direct")
            .Shipment("s3", "supplier", "direct", "2022-01-01")
            .Company("maker", "Maker GmbH", "de")
            .Shipment("s4", "maker", "buyer", "2022-01-15");
        await using var graph = await TracedGraph.LoadAsync(fixture, Ct, Store);

        // Both traces take two steps from the start; a budget of one partial route keeps only the first of them.
        var cut = await graph.TraceAsync(new TraceQuery { StartId = start, Direction = direction, ChainBudget = 1 });
        var whole = await graph.TraceAsync(new TraceQuery { StartId = start, Direction = direction, ChainBudget = 2 });

        Assert.Equal(1, cut.TotalRoutes);
        Assert.True(cut.Truncated);
        Assert.Equal(2, whole.TotalRoutes);
        Assert.False(whole.Truncated);
        Assert.Contains(Routes(cut).Single(), Routes(whole));
    }

    [Fact]
    public async Task the_route_limit_keeps_the_best_routes_and_counts_the_rest()
    {
        var fixture = Relay("2022-01-01", "2022-02-01")
            .Company("direct", "Direct AO", "ru")
            .Sanction("direct")
            .Shipment("s3", "supplier", "direct", "2022-01-01", "854231", 900_000);
        await using var graph = await TracedGraph.LoadAsync(fixture, Ct, Store);

        var result = await graph.TraceAsync(new TraceQuery { StartId = "supplier", Limit = 1 });

        Assert.Equal(["supplier>direct"], Routes(result));
        Assert.Equal(2, result.TotalRoutes);
        Assert.True(result.Truncated);
    }
}

/// <summary>The rules with each hop read from the store.</summary>
public sealed class StoreChainTracerTests : ChainTracerTests
{
    protected override string Store => TestStores.Sqlite;
}

/// <summary>The rules with each hop read from the in-memory trade index.</summary>
public sealed class IndexedChainTracerTests : ChainTracerTests
{
    protected override string Store => TracedGraph.SqliteIndexed;
}
