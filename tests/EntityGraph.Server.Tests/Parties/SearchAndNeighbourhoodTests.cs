using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Parties;

public sealed class SearchAndNeighbourhoodTests
{
    [Fact]
    public async Task search_pages_through_matches_with_cursors_and_a_total()
    {
        var graph = FtmGraph.Create();
        for (var i = 1; i <= 5; i++)
            graph.Company($"c{i}", $"Orion Electronics {i}", country: "kg");
        graph.Person("p1", "Orion Smith", country: "gb");
        await using var server = await EntityGraphTestServer.StartAsync(graph.Entities);
        const string query = """
            query ($after: String) { search(text: "orion electronics", kinds: [COMPANY], first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id kind } } } }
            """;

        var first = (await server.QueryAsync(query))["search"]!;
        var second = (await server.QueryAsync(query, new { after = first["pageInfo"]!["endCursor"]!.GetValue<string>() }))["search"]!;

        Assert.Equal(5, first["totalCount"]!.GetValue<int>());
        Assert.True(first["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(second["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        var ids = first["edges"]!.AsArray().Concat(second["edges"]!.AsArray()).Select(e => e!["node"]!["id"]!.GetValue<string>()).Order().ToArray();
        Assert.Equal(["c1", "c2", "c3", "c4", "c5"], ids);
    }

    [Fact]
    public async Task search_with_a_cursor_it_did_not_issue_is_bad_user_input()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var (_, body) = await server.PostAsync("""{ search(text: "acme", after: "garbage") { totalCount } }""");

        Assert.Equal("BAD_USER_INPUT", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task the_neighbourhood_of_a_company_is_cytoscape_ready_nodes_and_edges()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var data = await server.QueryAsync("""
            { neighbourhood(ids: ["acme"], links: [OWNS, DIRECTS]) { truncated nodes { id kind label } edges { id kind source target label properties } } }
            """);

        JsonAssert.Equal("""
            { "neighbourhood": {
                "truncated": false,
                "nodes": [ { "id": "acme", "kind": "Company", "label": "Acme Trading LLC" }, { "id": "ivanov", "kind": "Person", "label": "Ivan Ivanov" }, { "id": "holdco", "kind": "Company", "label": "Holdco Ltd" } ],
                "edges": [
                  { "id": "dir-ivanov-acme", "kind": "DIRECTS", "source": "ivanov", "target": "acme", "label": "director", "properties": { "director": ["ivanov"], "organization": ["acme"], "role": ["director"] } },
                  { "id": "own-holdco-acme", "kind": "OWNS", "source": "holdco", "target": "acme", "label": "49", "properties": { "owner": ["holdco"], "asset": ["acme"], "percentage": ["49"] } },
                  { "id": "own-ivanov-acme", "kind": "OWNS", "source": "ivanov", "target": "acme", "label": "51%", "properties": { "owner": ["ivanov"], "asset": ["acme"], "percentage": ["51%"], "startDate": ["2022-06"] } }
                ] } }
            """, data);
    }

    [Fact]
    public async Task a_neighbourhood_cut_by_its_limit_says_it_is_truncated_and_keeps_edges_between_its_nodes()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var data = await server.QueryAsync("""{ neighbourhood(ids: ["acme"], depth: 2, limit: 3) { truncated nodes { id } edges { source target } } }""");

        var subgraph = data["neighbourhood"]!;
        Assert.True(subgraph["truncated"]!.GetValue<bool>());
        var nodes = subgraph["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()).ToHashSet();
        Assert.True(nodes.Count <= 3);
        Assert.All(subgraph["edges"]!.AsArray(), e => Assert.True(nodes.Contains(e!["source"]!.GetValue<string>()) && nodes.Contains(e["target"]!.GetValue<string>())));
    }

    [Fact]
    public async Task a_neighbourhood_of_unknown_ids_is_not_found()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var (_, body) = await server.PostAsync("""{ neighbourhood(ids: ["ghost"]) { truncated } }""");

        Assert.Equal("NOT_FOUND", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }
}
