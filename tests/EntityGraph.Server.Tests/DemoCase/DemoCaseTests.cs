using System.Text.Json.Nodes;
using EntityGraph.Core.Storage;
using EntityGraph.Server.Hosting;
using EntityGraph.Server.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace EntityGraph.Server.Tests.DemoCase;

/// <summary>
/// The bundled demo case, loaded the way <c>serve</c> loads it into a new database, holds the answers
/// written down in <c>samples/demo-case.expected.json</c>.
/// </summary>
public sealed class DemoCaseTests : IAsyncLifetime
{
    private static readonly JsonNode Expected = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DemoCase", "demo-case.expected.json")))!;
    private EntityGraphTestServer _server = null!;

    public async ValueTask InitializeAsync() =>
        _server = await EntityGraphTestServer.StartAsync(settings: new Dictionary<string, string?> { [$"{DatabaseOptions.Section}:LoadDemoCase"] = "true" });

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task a_new_database_holds_every_entity_of_the_demo_case_by_schema()
    {
        var store = _server.Services.GetRequiredService<IGraphStore>();
        var bySchema = new SortedDictionary<string, int>(StringComparer.Ordinal);
        await foreach (var entity in store.ExportAsync(TestContext.Current.CancellationToken))
            bySchema[entity.Schema] = bySchema.GetValueOrDefault(entity.Schema) + 1;

        var expected = Expected["counts"]!["entitiesBySchema"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
        Assert.Equal(expected.OrderBy(p => p.Key), bySchema);
    }

    public static TheoryData<string, string> SearchExpectations()
    {
        var data = new TheoryData<string, string>();
        foreach (var item in Expected["search"]!.AsArray())
            data.Add(item!["query"]!.GetValue<string>(), item["expectedFirst"]!.GetValue<string>());
        return data;
    }

    [Theory]
    [MemberData(nameof(SearchExpectations))]
    public async Task search_finds_the_expected_party_first_across_scripts_and_legal_forms(string text, string expectedFirst)
    {
        var data = await _server.QueryAsync("query ($text: String!) { search(text: $text, first: 5) { edges { node { id } } } }", new { text });

        Assert.Equal(expectedFirst, data["search"]!["edges"]![0]!["node"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_mass_registration_address_in_bishkek_is_shared_by_six_kyrgyz_companies()
    {
        const string address = "addr-kg-bishkek-toktogula-125";
        var data = await _server.QueryAsync("query ($ids: [ID!]!) { neighbourhood(ids: $ids, links: [REGISTERED_AT]) { nodes { id kind } edges { source target } } }", new { ids = new[] { address } });

        var companies = data["neighbourhood"]!["edges"]!.AsArray().Where(e => e!["target"]!.GetValue<string>() == address).Select(e => e!["source"]!.GetValue<string>()).Order();
        var expected = Expected["counts"]!["addressesWithFiveOrMoreParties"]![address]!.AsArray().Select(n => n!.GetValue<string>());
        Assert.Equal(expected, companies);
    }

    [Fact]
    public async Task the_shared_director_sits_on_the_boards_of_a_kyrgyz_intermediary_and_a_russian_buyer()
    {
        var data = await _server.QueryAsync("""{ party(id: "per-ru-lebedev") { ... on Person { directorships { party { id countries } } } } }""");

        var boards = data["party"]!["directorships"]!.AsArray().Select(d => d!["party"]!["id"]!.GetValue<string>()).ToList();
        Assert.Contains("co-kg-tengri-component", boards);
        Assert.Contains("co-ru-elektronika-treid", boards);
    }

    [Fact]
    public async Task signal_komplekt_is_owned_by_two_sanctioned_persons_with_the_stakes_as_written()
    {
        var data = await _server.QueryAsync("""
            { party(id: "co-ru-signal-komplekt") { ... on Company { owners { party { id sanctions { authority } } percentage percentageText } } } }
            """);

        var owners = data["party"]!["owners"]!.AsArray().ToDictionary(o => o!["party"]!["id"]!.GetValue<string>());
        Assert.Equal(30, owners["per-ru-volkov"]!["percentage"]!.GetValue<double>());
        Assert.Equal(25.5, owners["per-ru-zaytseva"]!["percentage"]!.GetValue<double>());
        Assert.Equal("25.5 %", owners["per-ru-zaytseva"]!["percentageText"]!.GetValue<string>());
        Assert.NotEmpty(owners["per-ru-volkov"]!["party"]!["sanctions"]!.AsArray());
        Assert.NotEmpty(owners["per-ru-zaytseva"]!["party"]!["sanctions"]!.AsArray());
    }

    [Fact]
    public async Task shipments_keep_their_dates_and_years_add_up_to_the_case_counts()
    {
        var store = _server.Services.GetRequiredService<IGraphStore>();
        var byYear = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var monthOnly = 0;
        await foreach (var entity in store.ExportAsync(TestContext.Current.CancellationToken))
        {
            if (entity.Schema != "EconomicActivity")
                continue;
            var date = entity.First("date")!;
            byYear[date[..4]] = byYear.GetValueOrDefault(date[..4]) + 1;
            if (date.Length == 7)
                monthOnly++;
        }

        var expected = Expected["counts"]!["shipmentsByYear"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>());
        Assert.Equal(expected.OrderBy(p => p.Key), byYear);
        Assert.Equal(Expected["counts"]!["shipmentsWithMonthPrecisionDate"]!.GetValue<int>(), monthOnly);
    }
}
