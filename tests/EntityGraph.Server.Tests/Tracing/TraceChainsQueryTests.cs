using System.Text.Json.Nodes;
using EntityGraph.Server.Hosting;
using EntityGraph.Server.Tests.Support;

namespace EntityGraph.Server.Tests.Tracing;

/// <summary>The <c>traceChains</c> query over HTTP, on the demo case, against its expected answers.</summary>
public sealed class TraceChainsQueryTests : IAsyncLifetime
{
    private const string Query = """
        query ($input: TraceInput!) {
          traceChains(input: $input) {
            totalRoutes truncated exploredShipments
            routes {
              partyIds
              parties { id }
              endUser { id }
              restriction { kind sanctions { id } owners { owner { id } percentage percentageText ownerBlocked } }
              hops { from { id } to { id } valueUsd shipments { id } }
              totalValueUsd firstDate lastDate score reasons
            }
          }
        }
        """;

    private EntityGraphTestServer _server = null!;
    private JsonNode _expected = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await EntityGraphTestServer.StartAsync(settings: new Dictionary<string, string?> { [$"{DatabaseOptions.Section}:LoadDemoCase"] = "true" });
        _expected = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "DemoCase", "demo-case.expected.json"), TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, int> Traces() => new()
    {
        { "downstream", 0 }, { "downstream", 1 }, { "downstream", 2 },
        { "upstream", 0 }, { "upstream", 1 }, { "upstream", 2 }, { "upstream", 3 },
    };

    [Theory]
    [MemberData(nameof(Traces))]
    public async Task the_expected_routes_of_the_demo_case_come_back_over_http(string section, int index)
    {
        var trace = _expected[section]![index]!;
        var options = trace["options"]!;
        var input = new Dictionary<string, object?>
        {
            ["startId"] = trace["startId"]!.GetValue<string>(),
            ["direction"] = trace["direction"]!.GetValue<string>(),
            ["maxHops"] = options["maxHops"]!.GetValue<int>(),
            ["timeRespecting"] = options["timeRespecting"]!.GetValue<bool>(),
            ["maxDwellDays"] = options["maxDwellDays"]!.GetValue<int>(),
            ["ownershipRule"] = options["ownershipRule"]!.GetValue<string>(),
            ["asOf"] = options["asOf"]!.GetValue<string>(),
            ["targetCountries"] = options["targetCountries"]?.AsArray().Select(c => c!.GetValue<string>()).ToArray(),
            ["limit"] = 500,
        };

        var result = (await _server.QueryAsync(Query, new { input }))["traceChains"]!;

        var expectedRoutes = trace["routes"]!.AsArray();
        Assert.Equal(expectedRoutes.Count, result["totalRoutes"]!.GetValue<int>());
        Assert.False(result["truncated"]!.GetValue<bool>());
        var routes = result["routes"]!.AsArray();
        Assert.Equal(
            expectedRoutes.Select(r => Key(r!["parties"]!)).Order(StringComparer.Ordinal),
            routes.Select(r => Key(r!["partyIds"]!)).Order(StringComparer.Ordinal));
        Assert.Equal(routes.Select(r => r!["score"]!.GetValue<double>()).OrderDescending(), routes.Select(r => r!["score"]!.GetValue<double>()));

        foreach (var expected in expectedRoutes)
        {
            var route = routes.Single(r => Key(r!["partyIds"]!) == Key(expected!["parties"]!))!;
            Assert.Equal(route["partyIds"]!.ToJsonString(), new JsonArray([.. route["parties"]!.AsArray().Select(p => JsonValue.Create(p!["id"]!.GetValue<string>()))]).ToJsonString());
            Assert.Equal(expected!["endUser"]!.GetValue<string>(), route["endUser"]!["id"]!.GetValue<string>());
            var restriction = expected["restriction"]!;
            Assert.Equal(restriction["kind"]!.GetValue<string>(), route["restriction"]!["kind"]!.GetValue<string>());
            Assert.Equal(Ids(restriction["sanctions"]!, s => s.GetValue<string>()), Ids(route["restriction"]!["sanctions"]!, s => s["id"]!.GetValue<string>()));
            Assert.Equal(
                Ids(restriction["owners"]!, o => $"{o["owner"]} {o["percentage"]!.GetValue<double>()} {o["percentageText"]}"),
                Ids(route["restriction"]!["owners"]!, o => $"{o["owner"]!["id"]} {o["percentage"]!.GetValue<double>()} {o["percentageText"]}"));
            Assert.All(route["restriction"]!["owners"]!.AsArray(), o => Assert.True(o!["ownerBlocked"]!.GetValue<bool>()));

            var hops = route["hops"]!.AsArray();
            var expectedHops = expected["hops"]!.AsArray();
            Assert.Equal(expectedHops.Count, hops.Count);
            for (var i = 0; i < hops.Count; i++)
            {
                Assert.Equal(expectedHops[i]!["from"]!.GetValue<string>(), hops[i]!["from"]!["id"]!.GetValue<string>());
                Assert.Equal(expectedHops[i]!["to"]!.GetValue<string>(), hops[i]!["to"]!["id"]!.GetValue<string>());
                Assert.Equal(Ids(expectedHops[i]!["shipments"]!, s => s.GetValue<string>()), Ids(hops[i]!["shipments"]!, s => s["id"]!.GetValue<string>()));
                Assert.Equal(expectedHops[i]!["valueUsd"]!.GetValue<double>(), hops[i]!["valueUsd"]!.GetValue<double>(), 2);
            }

            Assert.Equal(expected["totalValueUsd"]!.GetValue<double>(), route["totalValueUsd"]!.GetValue<double>(), 2);
            Assert.Equal(expected["firstDate"]!.GetValue<string>(), route["firstDate"]!.GetValue<string>());
            Assert.Equal(expected["lastDate"]!.GetValue<string>(), route["lastDate"]!.GetValue<string>());
            Assert.NotEmpty(route["reasons"]!.AsArray());
        }
    }

    [Fact]
    public async Task goods_filters_apply_to_every_shipment_of_every_route()
    {
        var data = await _server.QueryAsync("""
            {
              traceChains(input: { startId: "co-de-nordhalbleiter", asOf: "2026-11-27", from: "2023", hsPrefixes: ["854231", "854239"] }) {
                routes { partyIds hops { shipments { id date hsCode } } }
              }
            }
            """);

        var routes = data["traceChains"]!["routes"]!.AsArray();
        var all = (await _server.QueryAsync("""{ traceChains(input: { startId: "co-de-nordhalbleiter", asOf: "2026-11-27" }) { routes { partyIds } } }"""))
            ["traceChains"]!["routes"]!.AsArray().Select(r => Key(r!["partyIds"]!)).ToHashSet();
        Assert.InRange(routes.Count, 1, all.Count - 1);
        Assert.Subset(all, routes.Select(r => Key(r!["partyIds"]!)).ToHashSet());
        var shipments = routes.SelectMany(r => r!["hops"]!.AsArray()).SelectMany(h => h!["shipments"]!.AsArray()).ToList();
        Assert.NotEmpty(shipments);
        Assert.All(shipments, s =>
        {
            Assert.StartsWith("2023", s!["date"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Matches("^85423[19]", s["hsCode"]!.GetValue<string>());
        });
    }

    [Fact]
    public async Task a_limit_below_the_number_of_routes_returns_the_best_and_says_the_result_was_cut()
    {
        var data = await _server.QueryAsync(Query, new { input = new { startId = "co-de-nordhalbleiter", asOf = "2026-11-27", limit = 2 } });

        Assert.Equal(2, data["traceChains"]!["routes"]!.AsArray().Count);
        Assert.Equal(8, data["traceChains"]!["totalRoutes"]!.GetValue<int>());
        Assert.True(data["traceChains"]!["truncated"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("""{ "startId": "nobody" }""", "NOT_FOUND", "startId: no party has the id 'nobody'.")]
    [InlineData("""{ "startId": "co-de-nordhalbleiter", "maxHops": 0 }""", "BAD_USER_INPUT", "input.maxHops: 0 is less than 1; expected 1 to 6.")]
    [InlineData("""{ "startId": "co-de-nordhalbleiter", "maxHops": 7 }""", "LIMIT_EXCEEDED", "input.maxHops: 7 is more than the most hops a trace may take, 6.")]
    [InlineData("""{ "startId": "co-de-nordhalbleiter", "limit": 501 }""", "LIMIT_EXCEEDED", "input.limit: 501 is more than the most routes a trace may return, 500.")]
    [InlineData("""{ "startId": "co-de-nordhalbleiter", "maxDwellDays": -1 }""", "BAD_USER_INPUT", "input.maxDwellDays: -1 is out of range; expected 0 to 3650 days.")]
    [InlineData("""{ "startId": "co-de-nordhalbleiter", "targetCountries": ["russia"] }""", "BAD_USER_INPUT", "input.targetCountries: 'russia' is not a country code; expected ISO-3166 alpha-2, e.g. \"ru\".")]
    [InlineData("""{ "startId": "co-de-nordhalbleiter", "hsPrefixes": ["chips"] }""", "BAD_USER_INPUT", "input.hsPrefixes: 'chips' is not an HS code prefix; expected at least two digits, e.g. \"8542\".")]
    [InlineData("""{ "startId": "co-de-nordhalbleiter", "from": "2023", "to": "2022" }""", "BAD_USER_INPUT", "input.from: 2023 is after input.to: 2022; no shipment could match.")]
    public async Task bad_trace_input_is_refused_with_a_message_naming_the_field(string input, string code, string message)
    {
        var (status, body) = await _server.PostAsync(Query, new { input = JsonNode.Parse(input) });

        Assert.Equal(200, status);
        Assert.Null(body["data"]);
        Assert.Equal(code, body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(message, body["errors"]![0]!["message"]!.GetValue<string>());
    }

    private static string Key(JsonNode parties) => string.Join(" > ", parties.AsArray().Select(p => p!.GetValue<string>()));

    private static List<string> Ids(JsonNode list, Func<JsonNode, string> id) => [.. list.AsArray().Select(n => id(n!)).Order(StringComparer.Ordinal)];
}
