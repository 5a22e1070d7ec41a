using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Auth;

/// <summary>Bearer-token authentication over real HTTP (Kestrel on loopback) through the real middleware.</summary>
public sealed class BearerTokenTests
{
    private const string Token = "0123456789abcdef0123456789abcdef-test";
    private const string Query = """{"query":"{ party(id: \"acme\") { name } }"}""";

    private static Task<EntityGraphTestServer> StartAsync(string? token = Token) =>
        EntityGraphTestServer.StartAsync(
            SmallCases.Reseller().Entities,
            settings: token is null ? null : new Dictionary<string, string?> { ["EntityGraph:Auth:Token"] = token },
            kestrel: true);

    private static async Task<(HttpStatusCode Status, HttpResponseMessage Response, JsonNode? Body)> PostAsync(EntityGraphTestServer server, string? authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(Query, Encoding.UTF8, "application/json") };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, response, JsonNode.Parse(text));
    }

    [Fact]
    public async Task a_request_without_a_token_is_401_with_a_bearer_challenge_and_a_graphql_error()
    {
        await using var server = await StartAsync();

        var (status, response, body) = await PostAsync(server, authorization: null);

        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("Bearer realm=\"entitygraph\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("UNAUTHENTICATED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            Assert.Contains("Authorization: Bearer", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Null(body["data"]);
        }
    }

    [Theory]
    [InlineData("Bearer 0123456789abcdef0123456789abcdef-tesT")]
    [InlineData("Bearer 0123456789abcdef0123456789abcdef-test-and-more")]
    [InlineData("Bearer 0123456789abcdef")]
    [InlineData("Basic MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWYtdGVzdA==")]
    [InlineData("0123456789abcdef0123456789abcdef-test")]
    public async Task a_wrong_token_or_another_scheme_is_401(string authorization)
    {
        await using var server = await StartAsync();

        var (status, response, body) = await PostAsync(server, authorization);

        using (response)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.StartsWith("Bearer", Assert.Single(response.Headers.WwwAuthenticate).ToString(), StringComparison.Ordinal);
            Assert.Equal("UNAUTHENTICATED", body!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task a_wrong_bearer_token_is_challenged_as_an_invalid_token()
    {
        await using var server = await StartAsync();

        var (_, response, _) = await PostAsync(server, "Bearer not-the-token");

        using (response)
            Assert.Equal("Bearer realm=\"entitygraph\", error=\"invalid_token\"", Assert.Single(response.Headers.WwwAuthenticate).ToString());
    }

    [Theory]
    [InlineData("Bearer " + Token)]
    [InlineData("bearer " + Token)]
    [InlineData("Bearer  " + Token + " ")]
    public async Task the_right_token_gets_the_answer(string authorization)
    {
        await using var server = await StartAsync();

        var (status, response, body) = await PostAsync(server, authorization);

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Null(body!["errors"]);
            Assert.Equal("Acme Trading LLC", body["data"]!["party"]!["name"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task a_get_query_needs_the_token_too()
    {
        await using var server = await StartAsync();

        using var response = await server.Client.GetAsync("/graphql?query=%7B__typename%7D", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task health_checks_stay_open_for_orchestrators(string path)
    {
        await using var server = await StartAsync();

        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task without_a_token_configured_requests_need_no_authorization()
    {
        await using var server = await StartAsync(token: null);

        var (status, response, _) = await PostAsync(server, authorization: null);

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Empty(response.Headers.WwwAuthenticate);
        }
    }
}
