using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Http;

public sealed class ErrorMaskingTests
{
    private const string Secret = "SELECT * FROM fragments -- /var/lib/entitygraph/secret.db";

    [Fact]
    public async Task an_unexpected_exception_reaches_the_client_as_internal_error_with_the_correlation_id_only()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities, services: StoreDecoration.With(store => new BrokenPartyStore(store)));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ party(id: \"acme\") { name } }"}""", System.Text.Encoding.UTF8, "application/json"),
        };

        using var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var body = System.Text.Json.Nodes.JsonNode.Parse(text)!;

        var correlationId = response.Headers.GetValues("X-Correlation-Id").Single();
        JsonAssert.Equal($$"""
            { "errors": [ { "message": "Internal error", "locations": [ { "line": 1, "column": 3 } ], "path": ["party"], "extensions": { "code": "INTERNAL", "correlationId": "{{correlationId}}" } } ], "data": { "party": null } }
            """, body);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task in_development_the_exception_message_is_shown_with_the_correlation_id()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities, services: StoreDecoration.With(store => new BrokenPartyStore(store)), environment: "Development");

        var (_, body) = await server.PostAsync("""{ party(id: "acme") { name } }""");

        var error = body["errors"]![0]!;
        Assert.Contains("secret.db", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("INTERNAL", error["extensions"]!["code"]!.GetValue<string>());
        Assert.NotNull(error["extensions"]!["correlationId"]);
    }

    /// <summary>A real store whose party lookup fails the way a broken database would, with internals in the message.</summary>
    private sealed class BrokenPartyStore(IGraphStore inner) : DelegatingGraphStore(inner)
    {
        public override Task<IReadOnlyList<Party>> GetPartiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
