using System.Text.Json.Nodes;
using EntityGraph.Server.Hosting;
using EntityGraph.Server.Tests.Support;

namespace EntityGraph.Server.Tests.TradeFlows;

/// <summary><c>tradeFlows</c> over HTTP on the demo case, against the yearly figures in <c>samples/demo-case.expected.json</c>.</summary>
public sealed class TradeFlowQueryTests : IAsyncLifetime
{
    private const string Query =
        """
        query ($filter: TradeFlowFilter, $groupBy: [TradeFlowDimension!], $period: TradePeriod) {
          tradeFlows(filter: $filter, groupBy: $groupBy, period: $period) {
            truncated shipments valueUsd shipmentsWithoutValue undatedShipments impreciseShipments impreciseValueUsd
            rows { period senderCountry receiverCountry hs6 hs4 chplTier shipments valueUsd shipmentsWithoutValue previousShipments previousValueUsd changeUsd changePercent }
          }
        }
        """;

    private static readonly JsonNode Counts = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DemoCase", "demo-case.expected.json")))!["counts"]!;
    private EntityGraphTestServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await EntityGraphTestServer.StartAsync(settings: new Dictionary<string, string?> { [$"{DatabaseOptions.Section}:LoadDemoCase"] = "true" });

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private async Task<JsonNode> FlowsAsync(object variables) => (await _server.QueryAsync(Query, variables))["tradeFlows"]!;

    private static Dictionary<string, double> ByPeriod(JsonNode flows, string field) =>
        flows["rows"]!.AsArray().ToDictionary(r => r!["period"]!.GetValue<string>(), r => r![field]!.GetValue<double>());

    private static Dictionary<string, double> Expected(string name, string? part = null) =>
        Counts[name]!.AsObject().ToDictionary(p => p.Key, p => (part is null ? p.Value! : p.Value![part]!).GetValue<double>());

    [Fact]
    public async Task shipments_by_year_match_the_demo_case()
    {
        var flows = await FlowsAsync(new { groupBy = Array.Empty<string>() });

        Assert.Equal(Expected("shipmentsByYear"), ByPeriod(flows, "shipments"));
        Assert.Equal((0, 0, 0), (flows["undatedShipments"]!.GetValue<int>(), flows["impreciseShipments"]!.GetValue<int>(), flows["shipmentsWithoutValue"]!.GetValue<int>()));
    }

    [Fact]
    public async Task shipments_and_customs_amounts_to_russia_by_year_match_the_demo_case()
    {
        var flows = await FlowsAsync(new { filter = new { receiverCountries = new[] { "RU" } }, groupBy = new[] { "RECEIVER_COUNTRY" } });

        Assert.Equal(Expected("shipmentsToRuByYear"), ByPeriod(flows, "shipments"));
        Assert.Equal(Expected("customsAmountToRuByYear"), ByPeriod(flows, "valueUsd"));
        Assert.All(flows["rows"]!.AsArray(), r => Assert.Equal("ru", r!["receiverCountry"]!.GetValue<string>()));
    }

    [Fact]
    public async Task kyrgyz_and_kazakh_exports_to_russia_by_year_match_the_demo_case_with_the_change()
    {
        var all = await FlowsAsync(new { filter = new { senderCountries = new[] { "kg", "kz" }, receiverCountries = new[] { "ru" } }, groupBy = Array.Empty<string>() });
        var chpl = await FlowsAsync(new { filter = new { senderCountries = new[] { "kg", "kz" }, receiverCountries = new[] { "ru" }, chplOnly = true }, groupBy = Array.Empty<string>() });

        Assert.Equal(Expected("kgKzToRuByYear", "all"), ByPeriod(all, "valueUsd"));
        var chplByYear = ByPeriod(chpl, "valueUsd");
        Assert.Equal(Expected("kgKzToRuByYear", "chpl").Where(p => p.Value != 0), chplByYear.OrderBy(p => p.Key, StringComparer.Ordinal));
        var y2022 = all["rows"]!.AsArray().Single(r => r!["period"]!.GetValue<string>() == "2022")!;
        Assert.Equal(1115450.0 - 330450.0, y2022["changeUsd"]!.GetValue<double>());
        Assert.Equal(237.55, Math.Round(y2022["changePercent"]!.GetValue<double>(), 2));
        // CHPL goods went from none in 2021 to 556,550 in 2022: there is nothing to compare with.
        Assert.Null(chpl["rows"]!.AsArray().Single(r => r!["period"]!.GetValue<string>() == "2022")!["changePercent"]);
    }

    [Fact]
    public async Task month_precision_shipments_have_quarters_but_no_month_is_invented_for_them()
    {
        var quarters = await FlowsAsync(new { groupBy = Array.Empty<string>(), period = "QUARTER" });

        Assert.Equal(229, quarters["rows"]!.AsArray().Sum(r => r!["shipments"]!.GetValue<int>()));
        Assert.Matches(@"^\d{4}-Q[1-4]$", quarters["rows"]![0]!["period"]!.GetValue<string>());
        Assert.Equal(0, quarters["impreciseShipments"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{ "filter": { "senderCountries": ["kyrgyzstan"] } }""", "filter.senderCountries: 'kyrgyzstan'")]
    [InlineData("""{ "filter": { "hsPrefixes": ["x"] } }""", "filter.hsPrefixes: 'x'")]
    [InlineData("""{ "filter": { "from": "2023", "to": "2022" } }""", "filter.to: '2022'")]
    [InlineData("""{ "filter": { "minValueUsd": -1 } }""", "filter.minValueUsd: -1")]
    public async Task bad_input_is_reported_naming_the_argument_and_the_value(string variables, string message)
    {
        var (_, body) = await _server.PostAsync(Query, JsonNode.Parse(variables));

        var error = body["errors"]![0]!;
        Assert.Equal("BAD_USER_INPUT", error["extensions"]!["code"]!.GetValue<string>());
        Assert.StartsWith(message, error["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
