using EntityGraph.Core.Analysis.TradeFlows;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.TradeFlows;

public class TradeFlowCalculatorTests
{
    private static readonly TradeFlowDimension[] CountryPair = [TradeFlowDimension.SenderCountry, TradeFlowDimension.ReceiverCountry];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Adds a shipment between two fixed parties with declared countries.</summary>
    private static FtmGraph Ship(FtmGraph graph, string id, string? date, double? value, string? from = "kg", string? to = "ru", string hs = "8542.31")
    {
        if (graph.Entities.All(e => e.Id != "seller"))
            graph.Company("seller", "Seller").Company("buyer", "Buyer");
        return graph.Shipment(id, "seller", "buyer", date, hs, value).Set(id, "departureCountry", from).Set(id, "destinationCountry", to);
    }

    private static string Describe(TradeFlowRow r) =>
        $"{r.Period} {r.Group.SenderCountry ?? "-"}>{r.Group.ReceiverCountry ?? "-"} n={r.Shipments} v={r.ValueUsd} novalue={r.ShipmentsWithoutValue} "
        + $"prev={r.PreviousShipments?.ToString() ?? "null"}/{r.PreviousValueUsd?.ToString() ?? "null"} change={r.ChangeUsd?.ToString() ?? "null"} pct={r.ChangePercent?.ToString() ?? "null"}";

    [Fact]
    public async Task a_yearly_row_reports_the_change_against_the_same_country_pair_the_year_before()
    {
        var graph = FtmGraph.Create();
        Ship(graph, "a", "2021-05-01", 100);
        Ship(graph, "b", "2022-02-01", 200);
        Ship(graph, "c", "2022-09", 45);
        Ship(graph, "d", "2022-03-03", 80, from: "kz");
        await using var flows = await FlowGraph.LoadAsync(graph, Ct);

        var result = await flows.FlowsAsync(new TradeFlowRequest(ShipmentFilter.None, CountryPair));

        Assert.Equal(
            [
                "2021 kg>ru n=1 v=100 novalue=0 prev=null/null change=null pct=null",
                "2022 kg>ru n=2 v=245 novalue=0 prev=1/100 change=145 pct=145",
                "2022 kz>ru n=1 v=80 novalue=0 prev=null/null change=null pct=null",
            ],
            result.Rows.Select(Describe));
        Assert.Equal((4L, 425d, 0L, 0L, 0L, false), (result.Shipments, result.ValueUsd, result.ShipmentsWithoutValue, result.UndatedShipments, result.ImpreciseShipments, result.Truncated));
    }

    [Fact]
    public async Task the_change_compares_with_the_period_just_before_not_the_last_one_with_shipments()
    {
        var graph = FtmGraph.Create();
        Ship(graph, "a", "2020-05-01", 100);
        Ship(graph, "b", "2022-02-01", 200);
        await using var flows = await FlowGraph.LoadAsync(graph, Ct);

        var result = await flows.FlowsAsync(new TradeFlowRequest(ShipmentFilter.None, CountryPair));

        Assert.Equal(["2020 kg>ru n=1 v=100 novalue=0 prev=null/null change=null pct=null", "2022 kg>ru n=1 v=200 novalue=0 prev=null/null change=null pct=null"], result.Rows.Select(Describe));
    }

    [Fact]
    public async Task quarters_gather_their_months_and_shipments_dated_only_to_the_year_are_counted_apart()
    {
        var graph = FtmGraph.Create();
        Ship(graph, "a", "2021-12-31", 50);
        Ship(graph, "b", "2022-01-10", 10);
        Ship(graph, "c", "2022-03", 20);
        Ship(graph, "d", "2022-04-01", 40);
        Ship(graph, "e", "2022", 1000);
        await using var flows = await FlowGraph.LoadAsync(graph, Ct);

        var result = await flows.FlowsAsync(new TradeFlowRequest(ShipmentFilter.None, [], TradePeriod.Quarter));

        Assert.Equal(
            [
                "2021-Q4 ->- n=1 v=50 novalue=0 prev=null/null change=null pct=null",
                "2022-Q1 ->- n=2 v=30 novalue=0 prev=1/50 change=-20 pct=-40",
                "2022-Q2 ->- n=1 v=40 novalue=0 prev=2/30 change=10 pct=33.333333333333336",
            ],
            result.Rows.Select(Describe));
        Assert.Equal((5L, 1120d, 1L, 1000d), (result.Shipments, result.ValueUsd, result.ImpreciseShipments, result.ImpreciseValueUsd));
    }

    [Fact]
    public async Task a_monthly_change_reaches_back_across_the_new_year()
    {
        var graph = FtmGraph.Create();
        Ship(graph, "a", "2021-12-20", 50);
        Ship(graph, "b", "2022-01", 75);
        await using var flows = await FlowGraph.LoadAsync(graph, Ct);

        var result = await flows.FlowsAsync(new TradeFlowRequest(ShipmentFilter.None, CountryPair, TradePeriod.Month));

        Assert.Equal("2022-01 kg>ru n=1 v=75 novalue=0 prev=1/50 change=25 pct=50", Describe(result.Rows[^1]));
        Assert.Equal("2021-12", result.Rows[0].Period.ToString());
    }

    [Fact]
    public async Task shipments_without_a_value_are_counted_but_not_summed_and_a_zero_previous_value_has_no_percentage()
    {
        var graph = FtmGraph.Create();
        Ship(graph, "a", "2021-05-01", null);
        Ship(graph, "b", "2022-05-01", 300);
        Ship(graph, "c", "2022-06-01", null);
        await using var flows = await FlowGraph.LoadAsync(graph, Ct);

        var result = await flows.FlowsAsync(new TradeFlowRequest(ShipmentFilter.None, CountryPair));

        Assert.Equal(
            [
                "2021 kg>ru n=1 v=0 novalue=1 prev=null/null change=null pct=null",
                "2022 kg>ru n=2 v=300 novalue=1 prev=1/0 change=300 pct=null",
            ],
            result.Rows.Select(Describe));
        Assert.Equal((3L, 300d, 2L), (result.Shipments, result.ValueUsd, result.ShipmentsWithoutValue));
    }

    [Fact]
    public async Task undated_shipments_are_in_no_row_but_in_the_totals_unless_a_date_window_is_given()
    {
        var graph = FtmGraph.Create();
        Ship(graph, "a", null, 70);
        Ship(graph, "b", "2022-05-01", 300);
        await using var flows = await FlowGraph.LoadAsync(graph, Ct);

        var all = await flows.FlowsAsync(new TradeFlowRequest(ShipmentFilter.None, CountryPair));
        var windowed = await flows.FlowsAsync(new TradeFlowRequest(new ShipmentFilter(From: new DateOnly(2000, 1, 1)), CountryPair));

        Assert.Equal((1, 2L, 370d, 1L), (all.Rows.Count, all.Shipments, all.ValueUsd, all.UndatedShipments));
        Assert.Equal((1, 1L, 300d, 0L), (windowed.Rows.Count, windowed.Shipments, windowed.ValueUsd, windowed.UndatedShipments));
    }

    [Fact]
    public async Task a_date_window_reports_whole_periods_and_reads_the_period_before_for_the_change()
    {
        var graph = FtmGraph.Create();
        Ship(graph, "a", "2021-02-01", 100);
        Ship(graph, "b", "2022-01-15", 150);
        Ship(graph, "c", "2022-11-01", 50);
        Ship(graph, "d", "2023-03-01", 999);
        await using var flows = await FlowGraph.LoadAsync(graph, Ct);

        var result = await flows.FlowsAsync(new TradeFlowRequest(new ShipmentFilter(From: new DateOnly(2022, 6, 1), To: new DateOnly(2022, 6, 30)), CountryPair));

        Assert.Equal(["2022 kg>ru n=2 v=200 novalue=0 prev=1/100 change=100 pct=100"], result.Rows.Select(Describe));
        Assert.Equal((2L, 200d), (result.Shipments, result.ValueUsd));
    }

    [Fact]
    public async Task rows_beyond_the_limit_are_cut_and_the_result_says_so()
    {
        var graph = FtmGraph.Create();
        Ship(graph, "a", "2022-02-01", 10, from: "kg");
        Ship(graph, "b", "2022-02-01", 30, from: "kz");
        Ship(graph, "c", "2022-02-01", 20, from: "uz");
        await using var flows = await FlowGraph.LoadAsync(graph, Ct);

        var result = await flows.FlowsAsync(new TradeFlowRequest(ShipmentFilter.None, CountryPair, MaxRows: 2));

        Assert.True(result.Truncated);
        Assert.Equal(["kz", "uz"], result.Rows.Select(r => r.Group.SenderCountry));
        Assert.Equal(3L, result.Shipments);
    }

    [Fact]
    public async Task hs_and_chpl_dimensions_split_the_rows_and_leave_ungrouped_keys_null()
    {
        var graph = FtmGraph.Create();
        Ship(graph, "a", "2022-02-01", 10, hs: "8542.31.0000");
        Ship(graph, "b", "2022-02-01", 30, hs: "8542.39");
        Ship(graph, "c", "2022-02-01", 20, hs: "6109.10");
        await using var flows = await FlowGraph.LoadAsync(graph, Ct);

        var result = await flows.FlowsAsync(new TradeFlowRequest(ShipmentFilter.None, [TradeFlowDimension.Hs4, TradeFlowDimension.ChplTier]));

        Assert.Equal(
            ["- - - 8542 Tier1 40", "- - - 6109 - 20"],
            result.Rows.Select(r => $"{r.Group.SenderCountry ?? "-"} {r.Group.ReceiverCountry ?? "-"} {r.Group.Hs6 ?? "-"} {r.Group.Hs4} {r.Group.ChplTier?.ToString() ?? "-"} {r.ValueUsd}"));
    }
}
