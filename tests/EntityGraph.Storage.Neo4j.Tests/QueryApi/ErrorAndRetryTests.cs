using System.Net;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j.QueryApi;
using static EntityGraph.Storage.Neo4j.Tests.QueryApi.DocumentedResponses;

namespace EntityGraph.Storage.Neo4j.Tests.QueryApi;

public sealed class ErrorAndRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_syntax_error_is_a_client_error_with_its_code_and_is_not_retried()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(400, SyntaxError);
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<Neo4jClientException>(() => client.ReadAsync("MATC (n) RETURN n", TestClients.NoParameters, Ct));

        Assert.Equal("Neo.ClientError.Statement.SyntaxError", e.Code);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains("Invalid input 'MATC'", e.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task errors_in_a_successful_status_still_fail_the_request()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, SyntaxError);
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<Neo4jClientException>(() => client.ReadAsync("MATC (n) RETURN n", TestClients.NoParameters, Ct));
        Assert.Equal("Neo.ClientError.Statement.SyntaxError", e.Code);
    }

    [Fact]
    public async Task a_transient_error_sent_as_http_400_is_retried_and_the_retry_answers()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(400, TransientError("Neo.TransientError.Transaction.DeadlockDetected"))
            .Respond(202, PersonAndName);
        using var client = TestClients.For(stub);

        var result = await client.ReadAsync("MATCH (p:Person) RETURN p AS person, p.name AS name", TestClients.NoParameters, Ct);

        Assert.Equal(["Phil"], result.Column("name"));
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(stub.Requests[0].Body, stub.Requests[1].Body);
        Assert.All(stub.Requests, r => Assert.Equal("/db/neo4j/query/v2", r.Path));
    }

    [Theory]
    [InlineData("Neo.TransientError.Transaction.Terminated")]
    [InlineData("Neo.TransientError.Transaction.LockClientStopped")]
    public async Task a_transaction_ended_on_purpose_is_not_retried(string code)
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(400, TransientError(code)).Respond(202, PersonAndName);
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<Neo4jTransientException>(() => client.ReadAsync("MATCH (n) RETURN n", TestClients.NoParameters, Ct));

        Assert.Equal(code, e.Code);
        Assert.False(e.IsRetryable);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task transient_errors_that_outlast_the_budget_surface_with_their_code()
    {
        await using var stub = QueryApiStub.Start();
        for (var i = 0; i < 100; i++)
        {
            stub.Respond(400, TransientError("Neo.TransientError.Transaction.DeadlockDetected"));
        }

        using var client = TestClients.For(stub, o => o.RetryBudget = TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<Neo4jTransientException>(() => client.ReadAsync("MATCH (n) RETURN n", TestClients.NoParameters, Ct));

        Assert.Equal("Neo.TransientError.Transaction.DeadlockDetected", e.Code);
        // Back-off of 1, 2, 4 ... 256 ms fits in 1 s; the next 512 ms do not, so at most 10 requests.
        Assert.InRange(stub.Requests.Count, 2, 10);
    }

    [Fact]
    public async Task wrong_credentials_are_an_authentication_error()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(401, Unauthorized);
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<Neo4jAuthenticationException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));

        Assert.Equal("Neo.ClientError.Security.Unauthorized", e.Code);
        Assert.Equal(HttpStatusCode.Unauthorized, e.StatusCode);
        Assert.DoesNotContain("verysecret", e.Message, StringComparison.Ordinal);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task an_unknown_database_is_reported_by_name()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(404, DatabaseNotFound);
        using var client = TestClients.For(stub, o => o.Database = "nosuchdb");

        var e = await Assert.ThrowsAsync<Neo4jDatabaseNotFoundException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));

        Assert.Equal("Neo.ClientError.Database.DatabaseNotFound", e.Code);
        Assert.Contains("'nosuchdb'", e.Message, StringComparison.Ordinal);
        Assert.Equal("/db/nosuchdb/query/v2", Assert.Single(stub.Requests).Path);
    }

    [Fact]
    public async Task http_503_is_retried()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(503, ServiceUnavailable).Respond(503, null).Respond(202, ReturnOne);
        using var client = TestClients.For(stub);

        var result = await client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct);

        Assert.Equal([1L], result.Column("1"));
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task a_server_that_stays_at_503_is_a_store_unavailable_error_once_the_budget_is_spent()
    {
        await using var stub = QueryApiStub.Start();
        for (var i = 0; i < 100; i++)
        {
            stub.Respond(503, ServiceUnavailable);
        }

        using var client = TestClients.For(stub, o => o.RetryBudget = TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));

        Assert.Contains("Neo4j at http://127.0.0.1:", e.Message, StringComparison.Ordinal);
        Assert.Contains("Neo.TransientError.General.DatabaseUnavailable", e.Message, StringComparison.Ordinal);
        Assert.True(stub.Requests.Count > 1, "A 503 is retried before giving up.");
    }

    [Fact]
    public async Task a_dropped_connection_is_retried()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, ReturnOne);
        using var handler = new DropsFirstConnection();
        using var http = new HttpClient(handler);
        using var client = new QueryApiClient(TestClients.Options(stub.Uri), http, TestClients.FastRetries);

        var result = await client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct);

        Assert.Equal([1L], result.Column("1"));
        Assert.Equal(2, handler.Sent);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task an_empty_success_is_not_taken_for_an_empty_result()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(200, null);
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));

        Assert.Equal("EntityGraph.QueryApi.BadResponse", e.Code);
    }

    [Fact]
    public async Task a_body_that_is_not_a_query_api_response_fails_with_a_clear_error()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(200, "<html>Neo4j Browser</html>");
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));

        Assert.Equal("EntityGraph.QueryApi.BadResponse", e.Code);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task a_refused_connection_is_retried_and_then_a_store_unavailable_error()
    {
        var options = TestClients.Options(new Uri($"http://127.0.0.1:{QueryApiStub.FreePort()}/"), o => o.RetryBudget = TimeSpan.FromMilliseconds(50));
        using var client = new QueryApiClient(options, httpClient: null, TestClients.FastRetries);

        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));

        Assert.Equal(client.Description, e.Store);
        Assert.IsType<HttpRequestException>(e.InnerException);
    }

    [Fact]
    public async Task a_proxy_error_page_fails_with_the_http_status()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(502, "<html><body>Bad Gateway</body></html>");
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));

        Assert.Equal("Http.502", e.Code);
        Assert.Contains("Bad Gateway", e.Message, StringComparison.Ordinal);
    }

    /// <summary>Fails the first send the way a reset connection does (no response at all), then passes requests on.</summary>
    private sealed class DropsFirstConnection() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _sent;

        public int Sent => _sent;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _sent) == 1
                ? throw new HttpRequestException("Connection reset by peer", new IOException("reset"))
                : base.SendAsync(request, cancellationToken);
    }
}
