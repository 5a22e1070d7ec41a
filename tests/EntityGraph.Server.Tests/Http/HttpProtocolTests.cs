using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using EntityGraph.Server.Tests.Support;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Http;

public sealed class HttpProtocolTests
{
    private static async Task<(HttpResponseMessage Response, JsonNode? Body)> SendAsync(EntityGraphTestServer server, HttpMethod method, string url, string? body = null, string? contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = contentType is null ? null : MediaTypeHeaderValue.Parse(contentType);
        }

        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        var response = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, text.Length > 0 ? JsonNode.Parse(text) : null);
    }

    [Fact]
    public async Task a_query_over_get_is_answered()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var (response, body) = await SendAsync(server, HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("query($id: ID!) { party(id: $id) { name } }") + "&variables=" + Uri.EscapeDataString("""{"id":"acme"}"""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        JsonAssert.Equal("""{ "data": { "party": { "name": "Acme Trading LLC" } } }""", body);
    }

    [Fact]
    public async Task a_mutation_over_get_is_405_with_an_allow_header()
    {
        await using var server = await EntityGraphTestServer.StartAsync(SmallCases.Reseller().Entities);

        var (response, _) = await SendAsync(server, HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("""mutation { deleteEntity(id: "acme") }"""));
        var stillThere = await server.QueryAsync("""{ party(id: "acme") { id } }""");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        JsonAssert.Equal("""{ "party": { "id": "acme" } }""", stillThere);
    }

    [Fact]
    public async Task other_methods_are_405()
    {
        await using var server = await EntityGraphTestServer.StartAsync();

        var (response, _) = await SendAsync(server, HttpMethod.Put, "/graphql", """{"query":"{ __typename }"}""");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/json;q=0.5, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json;q=0.4, application/json", "application/json")]
    public async Task the_response_media_type_follows_the_accept_header(string? accept, string expected)
    {
        await using var server = await EntityGraphTestServer.StartAsync();

        var (response, _) = await SendAsync(server, HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""", accept: accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
    }

    [Fact]
    public async Task an_accept_header_without_a_json_type_is_406()
    {
        await using var server = await EntityGraphTestServer.StartAsync();

        var (response, _) = await SendAsync(server, HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""", accept: "text/html");

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task a_post_body_that_is_not_application_json_is_415(string? contentType)
    {
        await using var server = await EntityGraphTestServer.StartAsync();

        var (response, _) = await SendAsync(server, HttpMethod.Post, "/graphql", """{"query":"{ __typename }"}""", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Theory]
    [InlineData("""{ "not json""")]
    [InlineData("[]")]
    [InlineData("""{"variables":{}}""")]
    [InlineData("""{"query":42}""")]
    [InlineData("""{"query":"{ __typename }","variables":"{}"}""")]
    [InlineData("""{"query":"{ __typename }","extensions":[1]}""")]
    [InlineData("""{"query":"{ __typename }","operationName":7}""")]
    [InlineData("")]
    public async Task a_malformed_request_is_400_whatever_is_accepted(string body)
    {
        await using var server = await EntityGraphTestServer.StartAsync();

        var (json, jsonBody) = await SendAsync(server, HttpMethod.Post, "/graphql", body, accept: "application/json");
        var (graphql, _) = await SendAsync(server, HttpMethod.Post, "/graphql", body, accept: "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, graphql.StatusCode);
        Assert.Equal("BAD_REQUEST", jsonBody!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{")]
    [InlineData("{ noSuchField }")]
    public async Task parse_and_validation_errors_are_400_with_graphql_response_json_and_200_with_json(string query)
    {
        await using var server = await EntityGraphTestServer.StartAsync();

        var (graphqlStatus, graphqlBody) = await server.PostAsync(query, accept: "application/graphql-response+json");
        var (jsonStatus, jsonBody) = await server.PostAsync(query, accept: "application/json");

        Assert.Equal(400, graphqlStatus);
        Assert.Equal(200, jsonStatus);
        Assert.Null(graphqlBody["data"]);
        Assert.NotNull(graphqlBody["errors"]![0]!["extensions"]!["code"]);
        Assert.NotNull(jsonBody["errors"]);
    }

    [Fact]
    public async Task every_response_carries_a_correlation_id_and_a_sane_one_from_the_caller_is_kept()
    {
        await using var server = await EntityGraphTestServer.StartAsync();
        using var kept = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        kept.Headers.Add("X-Correlation-Id", "case-42.req-7");
        using var replaced = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        replaced.Headers.TryAddWithoutValidation("X-Correlation-Id", "<script>");

        using var keptResponse = await server.Client.SendAsync(kept, TestContext.Current.CancellationToken);
        using var replacedResponse = await server.Client.SendAsync(replaced, TestContext.Current.CancellationToken);

        Assert.Equal("case-42.req-7", keptResponse.Headers.GetValues("X-Correlation-Id").Single());
        var generated = replacedResponse.Headers.GetValues("X-Correlation-Id").Single();
        Assert.Matches("^[0-9a-f]{32}$", generated);
    }
}
