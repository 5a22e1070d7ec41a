using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EntityGraph.Core.Storage;
using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Http;

public sealed class LimitTests
{
    private static string CodeOf(JsonNode body) => body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>();

    [Fact]
    public async Task a_query_deeper_than_the_limit_is_refused_with_limit_exceeded()
    {
        await using var server = await EntityGraphTestServer.StartAsync(settings: new Dictionary<string, string?> { ["EntityGraph:Limits:MaxDepth"] = "6" });

        var (status, body) = await server.PostAsync("""
            { party(id: "acme") { ... on Company { owners { party { ... on Company { owners { party { ... on Company { owners { party { name } } } } } } } } } } }
            """);

        Assert.Equal(400, status);
        Assert.Equal("LIMIT_EXCEEDED", CodeOf(body));
    }

    [Fact]
    public async Task the_default_depth_limit_refuses_a_runaway_ownership_chain()
    {
        await using var server = await EntityGraphTestServer.StartAsync();
        var query = new StringBuilder("{ party(id: \"acme\") { ");
        for (var i = 0; i < 10; i++)
            query.Append("... on Company { owners { party { ");
        query.Append("name").Append(new string('}', 30)).Append(" } }");

        var (_, body) = await server.PostAsync(query.ToString());

        Assert.Equal("LIMIT_EXCEEDED", CodeOf(body));
    }

    [Fact]
    public async Task a_query_more_complex_than_the_limit_is_refused_with_limit_exceeded()
    {
        await using var server = await EntityGraphTestServer.StartAsync();

        var (status, body) = await server.PostAsync("""
            { search(text: "a", first: 500) { edges { node { ... on Company { owners { party { ... on Company { owners { party { name aliases countries } } directors { party { name } } } } } } } } } }
            """);

        Assert.Equal(400, status);
        Assert.Equal("LIMIT_EXCEEDED", CodeOf(body));
    }

    [Fact]
    public async Task a_page_larger_than_the_limit_is_refused_with_limit_exceeded()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var (_, search) = await server.PostAsync("""{ search(text: "acme", first: 501) { totalCount } }""");
        var (_, shipments) = await server.PostAsync("""{ party(id: "acme") { ... on Company { shipmentsSent(first: 10000) { totalCount } } } }""");
        var (_, neighbourhood) = await server.PostAsync("""{ neighbourhood(ids: ["acme"], limit: 5001) { truncated } }""");

        Assert.Equal("LIMIT_EXCEEDED", CodeOf(search));
        Assert.Equal("LIMIT_EXCEEDED", CodeOf(shipments));
        Assert.Equal("LIMIT_EXCEEDED", CodeOf(neighbourhood));
    }

    [Fact]
    public async Task too_many_ids_are_refused_with_limit_exceeded()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var (_, body) = await server.PostAsync("query ($ids: [ID!]!) { neighbourhood(ids: $ids) { truncated } }", new { ids = Enumerable.Range(0, 501).Select(i => $"id-{i}") });

        Assert.Equal("LIMIT_EXCEEDED", CodeOf(body));
    }

    [Fact]
    public async Task a_body_over_the_size_limit_is_413()
    {
        await using var server = await EntityGraphTestServer.StartAsync();
        var padding = new string(' ', 1_048_577);
        using var content = new StringContent("{\"query\":\"{ __typename }\"" + padding + "}", Encoding.UTF8, "application/json");

        using var response = await server.Client.PostAsync("/graphql", content, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("LIMIT_EXCEEDED", CodeOf(body));
    }

    [Fact]
    public async Task a_request_running_past_the_time_limit_is_cancelled_with_limit_exceeded()
    {
        await using var server = await EntityGraphTestServer.StartAsync(
            SmallCases.Reseller().Entities,
            settings: new Dictionary<string, string?> { ["EntityGraph:Limits:ExecutionTimeout"] = "00:00:00.300" },
            services: StoreDecoration.With(store => new SlowSearchStore(store)));

        var started = DateTime.UtcNow;
        var (status, body) = await server.PostAsync("""{ search(text: "acme") { totalCount } }""");

        Assert.Equal(200, status);
        Assert.Equal("LIMIT_EXCEEDED", CodeOf(body));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20));
    }

    /// <summary>A real store whose search takes a minute unless cancelled.</summary>
    private sealed class SlowSearchStore(IGraphStore inner) : DelegatingGraphStore(inner)
    {
        public override async Task<SearchPage> SearchAsync(PartySearch query, CancellationToken cancellationToken)
        {
            await Task.Delay(TimeSpan.FromMinutes(1), cancellationToken);
            return await base.SearchAsync(query, cancellationToken);
        }
    }
}
