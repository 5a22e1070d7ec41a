using System.Diagnostics;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j.QueryApi;
using static EntityGraph.Storage.Neo4j.Tests.QueryApi.DocumentedResponses;

namespace EntityGraph.Storage.Neo4j.Tests.QueryApi;

public sealed class ConnectionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task user_and_password_go_as_basic_auth()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, ReturnOne);
        using var client = TestClients.For(stub);

        await client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct);

        // neo4j:verysecret, as in the Query API documentation's examples.
        Assert.Equal("Basic bmVvNGo6dmVyeXNlY3JldA==", Assert.Single(stub.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task a_token_goes_base64_encoded_as_bearer_auth_and_wins_over_a_password()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, TransactionBegun(), AffinityHeader).Respond(200, Committed);
        using var client = TestClients.For(stub, o => o.Token = "xbhkjnlvianztghqwawxqfe");

        await client.WriteAsync((_, _) => Task.FromResult(0), Ct);

        // The documented header is `Bearer <base64(token)>`; the documentation's example token, encoded without a trailing newline.
        Assert.All(stub.Requests, r => Assert.Equal("Bearer eGJoa2pubHZpYW56dGdocXdhd3hxZmU=", r.Header("Authorization")));
    }

    [Fact]
    public async Task without_credentials_no_authorization_header_is_sent()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, ReturnOne);
        using var client = TestClients.For(stub, o => (o.User, o.Password) = (null, null));

        await client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct);

        Assert.Null(Assert.Single(stub.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task a_server_path_prefix_is_kept()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, ReturnOne);
        using var client = new QueryApiClient(TestClients.Options(new Uri(stub.Uri, "neo4j-proxy")), httpClient: null, TestClients.FastRetries);

        await client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct);

        Assert.Equal("/neo4j-proxy/db/neo4j/query/v2", Assert.Single(stub.Requests).Path);
    }

    [Fact]
    public async Task a_request_slower_than_the_request_timeout_fails_with_a_timeout()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, ReturnOne).Respond(202, ReturnOne, delay: TimeSpan.FromSeconds(10));
        using var client = TestClients.For(stub, o => o.RequestTimeout = TimeSpan.FromMilliseconds(500));
        // The first request of a process pays for start-up; only the slow answer should hit the timeout.
        using (var warmUp = TestClients.For(stub))
        {
            await warmUp.ReadAsync("RETURN 1", TestClients.NoParameters, Ct);
        }

        var clock = Stopwatch.StartNew();

        var e = await Assert.ThrowsAsync<TimeoutException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Timed out after {clock.Elapsed}.");
        Assert.Contains("0.5 s", e.Message, StringComparison.Ordinal);
        Assert.Equal(2, (await stub.WaitForRequestsAsync(2)).Count);
    }

    [Fact]
    public async Task cancelling_the_caller_cancels_the_request()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, ReturnOne, delay: TimeSpan.FromSeconds(10));
        using var client = TestClients.For(stub);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, cancel.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"Cancelled after {clock.Elapsed}.");
    }

    [Fact]
    public async Task a_cancelled_write_still_rolls_back_its_transaction()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, TransactionBegun(), AffinityHeader)
            .Respond(202, MergedCount, delay: TimeSpan.FromSeconds(10))
            .Respond(200, RolledBack);
        using var client = TestClients.For(stub);
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var write = client.WriteAsync(
            async (tx, ct) => await tx.RunAsync("MERGE (p:Party {id: 'x'})", TestClients.NoParameters, ct),
            cancel.Token);
        // Cancelled while the statement runs, once the transaction is open (a timer could fire before it is).
        await stub.WaitForRequestsAsync(2);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);

        var rollback = stub.Requests[^1];
        Assert.Equal($"DELETE /db/neo4j/query/v2/tx/{TransactionId}", $"{rollback.Method} {rollback.Path}");
        Assert.Equal(Affinity, rollback.Header("neo4j-cluster-affinity"));
    }

    [Fact]
    public async Task with_the_server_down_the_circuit_opens_and_requests_fail_fast_without_reaching_it()
    {
        await using var stub = QueryApiStub.Start();
        for (var i = 0; i < 10; i++)
        {
            stub.Respond(503, ServiceUnavailable);
        }

        var resilience = TestClients.FastRetries with { BreakerMinimumThroughput = 3, BreakerFailureRatio = 0.5 };
        using var client = TestClients.For(stub, resilience);

        var first = await Assert.ThrowsAsync<StoreUnavailableException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));
        var reached = stub.Requests.Count;
        var clock = Stopwatch.StartNew();
        var second = await Assert.ThrowsAsync<StoreUnavailableException>(() => client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct));

        Assert.Equal(3, reached);
        Assert.Equal(reached, stub.Requests.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"The open circuit took {clock.Elapsed} to refuse.");
        Assert.Contains("fail fast", second.Message, StringComparison.Ordinal);
        Assert.Equal(client.Description, second.Store);
        Assert.Contains("Neo4j at http://127.0.0.1:", first.Message, StringComparison.Ordinal);
        Assert.False(await client.PingAsync(Ct));
        Assert.Equal(reached, stub.Requests.Count);
    }

    [Fact]
    public async Task the_readiness_probe_runs_return_1_as_a_read()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, ReturnOne);
        using var client = TestClients.For(stub);

        Assert.True(await client.PingAsync(Ct));

        var request = Assert.Single(stub.Requests);
        Assert.Equal("/db/neo4j/query/v2", request.Path);
        TypedJsonTests.AssertJson("""{ "statement": "RETURN 1", "accessMode": "Read" }""", request.Json);
    }

    [Fact]
    public async Task the_readiness_probe_is_not_ready_on_refused_credentials_and_does_not_retry()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(401, Unauthorized).Respond(503, ServiceUnavailable);
        using var client = TestClients.For(stub);

        Assert.False(await client.PingAsync(Ct));
        Assert.False(await client.PingAsync(Ct));

        Assert.Equal(2, stub.Requests.Count);
    }
}
