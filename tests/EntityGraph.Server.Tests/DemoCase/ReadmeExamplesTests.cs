using System.Text.RegularExpressions;
using EntityGraph.Server.Hosting;
using EntityGraph.Server.Tests.Support;

namespace EntityGraph.Server.Tests.DemoCase;

/// <summary>The README's example queries, run as written against the demo case, and the answers the README states.</summary>
public sealed partial class ReadmeExamplesTests : IAsyncLifetime
{
    private EntityGraphTestServer _server = null!;
    private List<string> _examples = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await EntityGraphTestServer.StartAsync(settings: new Dictionary<string, string?> { [$"{DatabaseOptions.Section}:LoadDemoCase"] = "true" });
        var readme = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "README.md"), TestContext.Current.CancellationToken);
        _examples = [.. GraphQLBlock().Matches(readme).Select(m => m.Groups[1].Value)];
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task every_graphql_example_in_the_readme_runs_without_errors()
    {
        Assert.True(_examples.Count >= 6, $"expected the README's examples, found {_examples.Count}");
        foreach (var example in _examples)
            await _server.QueryAsync(example);
    }

    [Fact]
    public async Task the_downstream_example_finds_eight_routes_the_best_through_bishkek_to_radiotekhprom()
    {
        var data = await _server.QueryAsync(Example("traceChains(input: { startId: \"co-de-nordhalbleiter\""));

        var trace = data["traceChains"]!;
        Assert.Equal(8, trace["totalRoutes"]!.GetValue<int>());
        Assert.True(trace["truncated"]!.GetValue<bool>());
        var routes = trace["routes"]!.AsArray();
        Assert.Equal(3, routes.Count);

        var first = routes[0]!;
        Assert.Equal(["co-de-nordhalbleiter", "co-kg-ak-shumkar", "co-ru-radiotekhprom"], first["parties"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()));
        Assert.Equal("SANCTIONED", first["restriction"]!["kind"]!.GetValue<string>());
        Assert.Equal(["Council of the European Union", "US Department of the Treasury – OFAC"], first["restriction"]!["sanctions"]!.AsArray().Select(s => s!["authority"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal([4, 3], first["hops"]!.AsArray().Select(h => h!["shipments"]!.AsArray().Count));
        Assert.All(first["hops"]!.AsArray().SelectMany(h => h!["shipments"]!.AsArray()), s => Assert.Equal("TIER_1", s!["chplTier"]!.GetValue<string>()));
        Assert.Equal(410_650, first["totalValueUsd"]!.GetValue<double>());
        Assert.Equal(("2022-05-17", "2023-03-15"), (first["firstDate"]!.GetValue<string>(), first["lastDate"]!.GetValue<string>()));

        var third = routes[2]!;
        Assert.Equal("co-ru-signal-komplekt", third["parties"]!.AsArray()[^1]!["id"]!.GetValue<string>());
        Assert.Equal("OWNERSHIP_BLOCKED", third["restriction"]!["kind"]!.GetValue<string>());
        Assert.Equal([30, 25.5], third["restriction"]!["owners"]!.AsArray().Select(o => o!["percentage"]!.GetValue<double>()).OrderDescending());
    }

    [Fact]
    public async Task the_upstream_example_finds_four_supplier_routes_all_through_bishkek()
    {
        var data = await _server.QueryAsync(Example("traceChains(input: { startId: \"co-ru-signal-komplekt\""));

        var trace = data["traceChains"]!;
        Assert.Equal(4, trace["totalRoutes"]!.GetValue<int>());
        var routes = trace["routes"]!.AsArray().Select(r => string.Join(" > ", r!["partyIds"]!.AsArray().Select(p => p!.GetValue<string>()))).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "co-ru-signal-komplekt > co-kg-ak-shumkar > co-cn-xinda-micro",
                "co-ru-signal-komplekt > co-kg-ak-shumkar > co-de-nordhalbleiter",
                "co-ru-signal-komplekt > co-kg-ak-shumkar > co-hk-bright-harbour > co-us-cascade-micro",
                "co-ru-signal-komplekt > co-kg-manas-elektro > co-jp-kawaguchi-denshi",
            ],
            routes);
        var values = trace["routes"]!.AsArray().ToDictionary(r => r!["partyIds"]!.AsArray()[^1]!.GetValue<string>(), r => r!["totalValueUsd"]!.GetValue<double>());
        Assert.Equal(390_150, values["co-de-nordhalbleiter"]);
        Assert.Equal(555_900, values["co-us-cascade-micro"]);
    }

    [Fact]
    public async Task the_exposure_example_blocks_optima_sistems_through_its_parent()
    {
        var data = await _server.QueryAsync(Example("exposure(partyId: \"co-ru-optima-sistems\""));

        Assert.True(data["exposure"]!["blocked"]!.GetValue<bool>());
        Assert.StartsWith("ООО «Оптима Системс» is blocked under the OFAC 50% rule as of 2026-11-27: АО «Балтинвест Холдинг» (blocked by ownership: Громов Олег Викторович holds 51%) holds 60%", data["exposure"]!["explanation"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private string Example(string containing) => Assert.Single(_examples, e => e.Contains(containing, StringComparison.Ordinal));

    [GeneratedRegex("```graphql\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex GraphQLBlock();
}
