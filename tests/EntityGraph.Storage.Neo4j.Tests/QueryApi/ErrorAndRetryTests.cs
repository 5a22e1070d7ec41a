using System.Net;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j.QueryApi;
using static EntityGraph.Storage.Neo4j.Tests.QueryApi.DocumentedResponses;

namespace EntityGraph.Storage.Neo4j.Tests.QueryApi;

public sealed class ErrorAndRetryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(400, nameof(SyntaxError), "Neo.ClientError.Statement.SyntaxError", "Invalid input 'MATC'")]
    [InlineData(202, nameof(SyntaxError), "Neo.ClientError.Statement.SyntaxError", "Invalid input 'MATC'")]
    [InlineData(401, nameof(Unauthorized), "Neo.ClientError.Security.Unauthorized", "did not accept the configured credentials")]
    [InlineData(404, nameof(DatabaseNotFound), "Neo.ClientError.Database.DatabaseNotFound", "the database 'nosuchdb' does not exist")]
    public async Task a_refusal_is_a_client_error_with_its_code_and_is_not_retried(int status, string body, string code, string explanation)
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(status, Body(body)).Respond(202, ReturnOne);
        using var client = TestClients.For(stub, o => o.Database = "nosuchdb");

        var e = await Assert.ThrowsAsync(ClientErrorOf(code), () => client.ReadAsync("MATC (n) RETURN n", TestClients.NoParameters, Ct));

        var refused = Assert.IsAssignableFrom<Neo4jClientException>(e);
        Assert.Equal(code, refused.Code);
        Assert.Equal((HttpStatusCode)status, refused.StatusCode);
        Assert.Contains(explanation, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("verysecret", e.Message, StringComparison.Ordinal);
        Assert.Equal("/db/nosuchdb/query/v2", Assert.Single(stub.Requests).Path);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(503)]
    public async Task a_deadlock_is_retried_by_its_code_whatever_the_status_and_the_retry_answers(int status)
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(status, TransientError("Neo.TransientError.Transaction.DeadlockDetected"))
            .Respond(202, PersonAndName);
        using var client = TestClients.For(stub);

        var result = await client.ReadAsync("MATCH (p:Person) RETURN p AS person, p.name AS name", TestClients.NoParameters, Ct);

        Assert.Equal(["Phil"], result.Column("name"));
        Assert.Equal(2, stub.Requests.Count);
        Assert.Equal(stub.Requests[0].Body, stub.Requests[1].Body);
        Assert.All(stub.Requests, r => Assert.Equal("/db/neo4j/query/v2", r.Path));
    }

    [Theory]
    [InlineData("Neo.TransientError.Transaction.Terminated", 400)]
    [InlineData("Neo.TransientError.Transaction.LockClientStopped", 400)]
    [InlineData("Neo.TransientError.Transaction.Terminated", 503)]
    [InlineData("Neo.TransientError.Transaction.LockClientStopped", 503)]
    public async Task a_transaction_ended_on_purpose_is_not_retried_whatever_the_status(string code, int status)
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(status, TransientError(code)).Respond(202, PersonAndName);
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

    [Theory]
    [InlineData(200, null, "EntityGraph.QueryApi.BadResponse", "the body is empty")]
    [InlineData(200, "<html>Neo4j Browser</html>", "EntityGraph.QueryApi.BadResponse", "not a Query API response")]
    [InlineData(502, "<html><body>Bad Gateway</body></html>", "Http.502", "Bad Gateway")]
    public async Task a_body_that_is_not_a_query_api_answer_fails_with_a_clear_error_and_is_not_retried(int status, string? body, string code, string explanation)
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(status, body).Respond(202, ReturnOne);
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<Neo4jException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));

        Assert.Equal(code, e.Code);
        Assert.Contains(explanation, e.Message, StringComparison.Ordinal);
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
    public async Task an_unavailable_database_is_known_by_its_code_under_another_status()
    {
        await using var stub = QueryApiStub.Start();
        for (var i = 0; i < 100; i++)
        {
            stub.Respond(400, ServiceUnavailable);
        }

        using var client = TestClients.For(stub, o => o.RetryBudget = TimeSpan.FromMilliseconds(200));

        var e = await Assert.ThrowsAsync<StoreUnavailableException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));

        Assert.Contains("Neo.TransientError.General.DatabaseUnavailable", e.Message, StringComparison.Ordinal);
        Assert.True(stub.Requests.Count > 1, "An unavailable database is retried before giving up.");
    }

    private static string Body(string name) => name switch
    {
        nameof(SyntaxError) => SyntaxError,
        nameof(Unauthorized) => Unauthorized,
        nameof(DatabaseNotFound) => DatabaseNotFound,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such documented body."),
    };

    private static Type ClientErrorOf(string code) => code switch
    {
        "Neo.ClientError.Security.Unauthorized" => typeof(Neo4jAuthenticationException),
        "Neo.ClientError.Database.DatabaseNotFound" => typeof(Neo4jDatabaseNotFoundException),
        _ => typeof(Neo4jClientException),
    };

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
