using System.Text.Json.Nodes;
using EntityGraph.Server.Hosting;
using EntityGraph.Server.Tests.Support;

namespace EntityGraph.Server.Tests.Paths;

/// <summary><c>paths</c> over HTTP, on the bundled demo case.</summary>
public sealed class PathsQueryTests
{
    private const string Tengri = "co-kg-tengri-component";
    private const string Treid = "co-ru-elektronika-treid";

    private static Task<EntityGraphTestServer> DemoCaseAsync(int? linkBudget = null)
    {
        var settings = new Dictionary<string, string?> { [$"{DatabaseOptions.Section}:LoadDemoCase"] = "true" };
        if (linkBudget is { } budget)
            settings[$"{LimitsOptions.Section}:{nameof(LimitsOptions.PathLinkBudget)}"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return EntityGraphTestServer.StartAsync(settings: settings);
    }

    private static List<string> EdgeIds(JsonNode paths) =>
        [.. paths.AsArray().Select(p => string.Join(" ", p!["edges"]!.AsArray().Select(e => e!["id"]!.GetValue<string>())))];

    [Fact]
    public async Task the_shared_owner_and_director_is_the_first_connection_between_the_kyrgyz_reseller_and_the_russian_buyer()
    {
        await using var server = await DemoCaseAsync();

        var data = await server.QueryAsync($$"""
            { paths(fromId: "{{Tengri}}", toId: "{{Treid}}", limit: 1) { nodes { id kind label } edges { id kind source target label } } }
            """);

        JsonAssert.Equal($$"""
            { "paths": [ {
                "nodes": [
                  { "id": "{{Tengri}}", "kind": "Company", "label": "ОсОО «Тенгри Компонент»" },
                  { "id": "per-ru-lebedev", "kind": "Person", "label": "Лебедев Андрей Юрьевич" },
                  { "id": "{{Treid}}", "kind": "Company", "label": "ООО «Электроника-Трейд»" }
                ],
                "edges": [
                  { "id": "dir-lebedev-tengri", "kind": "DIRECTS", "source": "per-ru-lebedev", "target": "{{Tengri}}", "label": "director" },
                  { "id": "dir-lebedev-elektronika-treid", "kind": "DIRECTS", "source": "per-ru-lebedev", "target": "{{Treid}}", "label": "general director" }
                ] } ] }
            """, data);
    }

    [Fact]
    public async Task every_piece_of_evidence_of_the_same_length_comes_before_longer_connections()
    {
        await using var server = await DemoCaseAsync();

        var data = await server.QueryAsync($$"""{ paths(fromId: "{{Tengri}}", toId: "{{Treid}}", limit: 9) { edges { id } } }""");

        Assert.Equal(
            [
                "dir-lebedev-tengri dir-lebedev-elektronika-treid",
                "dir-lebedev-tengri own-lebedev-elektronika-treid",
                "own-lebedev-tengri dir-lebedev-elektronika-treid",
                "own-lebedev-tengri own-lebedev-elektronika-treid",
                $"ship-0086:sender:{Tengri} ship-0086:receiver:{Treid}",
                $"ship-0133:sender:{Tengri} ship-0133:receiver:{Treid}",
                $"ship-0184:sender:{Tengri} ship-0184:receiver:{Treid}",
                $"rep-silk-way-tengri ship-0086:declarant:co-kg-silk-way-forwarding ship-0086:receiver:{Treid}",
                $"rep-silk-way-tengri ship-0133:declarant:co-kg-silk-way-forwarding ship-0133:receiver:{Treid}",
            ],
            EdgeIds(data["paths"]!));
    }

    [Fact]
    public async Task the_links_argument_keeps_only_connections_over_those_kinds()
    {
        await using var server = await DemoCaseAsync();

        var data = await server.QueryAsync($$"""{ paths(fromId: "{{Tengri}}", toId: "{{Treid}}", links: [OWNS, RELATED_TO], maxHops: 3) { edges { id } } }""");

        Assert.Equal(["own-lebedev-tengri own-lebedev-elektronika-treid", "own-asanov-tengri assoc-asanov-lebedev own-lebedev-elektronika-treid"], EdgeIds(data["paths"]!));
    }

    [Theory]
    [InlineData("""{ paths(fromId: "ghost", toId: "co-ru-elektronika-treid") { edges { id } } }""", "NOT_FOUND", "fromId: no node has the id 'ghost'.")]
    [InlineData("""{ paths(fromId: "co-kg-tengri-component", toId: "nobody") { edges { id } } }""", "NOT_FOUND", "toId: no node has the id 'nobody'.")]
    [InlineData("""{ paths(fromId: "co-kg-tengri-component", toId: "co-kg-tengri-component") { edges { id } } }""", "BAD_USER_INPUT", "toId: 'co-kg-tengri-component' is also fromId; expected two different nodes.")]
    [InlineData("""{ paths(fromId: "co-kg-tengri-component", toId: "co-ru-elektronika-treid", maxHops: 0) { edges { id } } }""", "BAD_USER_INPUT", "maxHops: 0 is less than 1; expected 1 to 10.")]
    [InlineData("""{ paths(fromId: "co-kg-tengri-component", toId: "co-ru-elektronika-treid", maxHops: 11) { edges { id } } }""", "LIMIT_EXCEEDED", "maxHops: 11 is more than the longest path allowed, 10.")]
    [InlineData("""{ paths(fromId: "co-kg-tengri-component", toId: "co-ru-elektronika-treid", limit: 0) { edges { id } } }""", "BAD_USER_INPUT", "limit: 0 is less than 1; expected 1 to 100.")]
    [InlineData("""{ paths(fromId: "co-kg-tengri-component", toId: "co-ru-elektronika-treid", limit: 101) { edges { id } } }""", "LIMIT_EXCEEDED", "limit: 101 is more than the most paths allowed, 100.")]
    public async Task bad_arguments_get_an_error_naming_the_argument_and_the_value(string query, string code, string message)
    {
        await using var server = await DemoCaseAsync();

        var (_, body) = await server.PostAsync(query);

        Assert.Null(body["data"]?["paths"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(code, error["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(message, error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task a_search_cut_by_the_link_budget_says_so_in_the_response_extensions()
    {
        await using var generous = await DemoCaseAsync();
        await using var tight = await DemoCaseAsync(linkBudget: 5);
        const string query = """{ connections: paths(fromId: "co-kg-tengri-component", toId: "co-ru-elektronika-treid", maxHops: 4) { edges { id } } }""";

        var (_, full) = await generous.PostAsync(query);
        var (_, cut) = await tight.PostAsync(query);

        Assert.Null(full["errors"]);
        Assert.Null(full["extensions"]?["truncated"]);
        Assert.Null(cut["errors"]);
        Assert.True(cut["extensions"]!["truncated"]!["connections"]!.GetValue<bool>());
    }
}
