using EntityGraph.Storage.Neo4j.QueryApi;
using static EntityGraph.Storage.Neo4j.Tests.QueryApi.DocumentedResponses;

namespace EntityGraph.Storage.Neo4j.Tests.QueryApi;

public sealed class TransactionTests
{
    private const string Merge = "UNWIND $rows AS row MERGE (p:Party {id: row.id}) RETURN count(p) AS merged";

    private static readonly IReadOnlyDictionary<string, object?> Rows = new Dictionary<string, object?>
    {
        ["rows"] = new[] { new Dictionary<string, object?> { ["id"] = "ivanov" } },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task a_write_begins_runs_and_commits_sending_the_cluster_affinity_back()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, TransactionBegun(), AffinityHeader)
            .Respond(202, MergedCount)
            .Respond(200, Committed);
        using var client = TestClients.For(stub);

        var merged = await client.WriteAsync(
            async (tx, ct) => (long)(await tx.RunAsync(Merge, Rows, ct)).Column("merged").Single()!,
            Ct);

        Assert.Equal(3L, merged);
        var requests = stub.Requests;
        Assert.Equal(
            [
                "POST /db/neo4j/query/v2/tx",
                $"POST /db/neo4j/query/v2/tx/{TransactionId}",
                $"POST /db/neo4j/query/v2/tx/{TransactionId}/commit",
            ],
            requests.Select(r => $"{r.Method} {r.Path}"));
        Assert.Null(requests[0].Header("neo4j-cluster-affinity"));
        TypedJsonTests.AssertJson("{}", requests[0].Json);
        Assert.Equal("application/vnd.neo4j.query", requests[0].Header("Content-Type"));
        Assert.Equal("", requests[2].Body);
        Assert.Equal(Affinity, requests[1].Header("neo4j-cluster-affinity"));
        Assert.Equal(Affinity, requests[2].Header("neo4j-cluster-affinity"));
        TypedJsonTests.AssertJson(
            $$"""
            {
              "statement": "{{Merge}}",
              "parameters": { "rows": { "$type": "List", "_value": [ { "$type": "Map", "_value": { "id": { "$type": "String", "_value": "ivanov" } } } ] } }
            }
            """,
            requests[1].Json);
        Assert.All(requests, r => Assert.Equal("application/vnd.neo4j.query", r.Header("Accept")));
    }

    [Fact]
    public async Task a_write_that_throws_is_rolled_back_and_not_retried()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, TransactionBegun(), AffinityHeader)
            .Respond(202, MergedCount)
            .Respond(200, RolledBack);
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => client.WriteAsync<long>(
            async (tx, ct) =>
            {
                await tx.RunAsync(Merge, Rows, ct);
                throw new InvalidOperationException("The import found a party without a name.");
            },
            Ct));

        Assert.Equal("The import found a party without a name.", e.Message);
        var rollback = stub.Requests[^1];
        Assert.Equal(3, stub.Requests.Count);
        Assert.Equal("DELETE", rollback.Method);
        Assert.Equal($"/db/neo4j/query/v2/tx/{TransactionId}", rollback.Path);
        Assert.Equal(Affinity, rollback.Header("neo4j-cluster-affinity"));
    }

    [Fact]
    public async Task a_transient_error_inside_a_write_runs_the_whole_transaction_again()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, TransactionBegun("first"), AffinityHeader)
            .Respond(400, TransientError("Neo.TransientError.Transaction.DeadlockDetected"))
            .Respond(400, TransactionExpired)
            .Respond(202, TransactionBegun("second"), AffinityHeader)
            .Respond(202, MergedCount)
            .Respond(200, Committed);
        using var client = TestClients.For(stub);
        var attempts = 0;

        var merged = await client.WriteAsync(
            async (tx, ct) =>
            {
                attempts++;
                return (long)(await tx.RunAsync(Merge, Rows, ct)).Column("merged").Single()!;
            },
            Ct);

        Assert.Equal(3L, merged);
        Assert.Equal(2, attempts);
        Assert.Equal(
            [
                "POST /db/neo4j/query/v2/tx",
                "POST /db/neo4j/query/v2/tx/first",
                "DELETE /db/neo4j/query/v2/tx/first",
                "POST /db/neo4j/query/v2/tx",
                "POST /db/neo4j/query/v2/tx/second",
                "POST /db/neo4j/query/v2/tx/second/commit",
            ],
            stub.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Theory]
    [InlineData(400, "Neo.ClientError.Request.Invalid")]
    [InlineData(404, "Neo.ClientError.Request.Invalid")]
    [InlineData(404, "Neo.ClientError.Transaction.TransactionNotFound")]
    public async Task a_statement_in_an_expired_transaction_fails_saying_so_and_the_rollback_answer_does_not_hide_it(int status, string code)
    {
        var expired = code.EndsWith("TransactionNotFound", StringComparison.Ordinal) ? TransactionNotFound : TransactionExpired;
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, TransactionBegun(), AffinityHeader)
            .Respond(status, expired)
            .Respond(status, expired);
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<Neo4jClientException>(() => client.WriteAsync(async (tx, ct) => await tx.RunAsync(Merge, Rows, ct), Ct));

        Assert.Equal(code, e.Code);
        Assert.Contains("the transaction is no longer open", e.Message, StringComparison.Ordinal);
        Assert.Equal(
            [
                "POST /db/neo4j/query/v2/tx",
                $"POST /db/neo4j/query/v2/tx/{TransactionId}",
                $"DELETE /db/neo4j/query/v2/tx/{TransactionId}",
            ],
            stub.Requests.Select(r => $"{r.Method} {r.Path}"));
    }

    [Fact]
    public async Task a_failed_commit_is_not_retried_as_a_single_statement()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, TransactionBegun(), AffinityHeader)
            .Respond(202, MergedCount)
            .Respond(400, TransientError("Neo.TransientError.Transaction.Terminated"));
        using var client = TestClients.For(stub);

        var e = await Assert.ThrowsAsync<Neo4jTransientException>(() => client.WriteAsync(async (tx, ct) => await tx.RunAsync(Merge, Rows, ct), Ct));

        Assert.Equal("Neo.TransientError.Transaction.Terminated", e.Code);
        Assert.Single(stub.Requests, r => r.Path.EndsWith("/commit", StringComparison.Ordinal));
        Assert.Single(stub.Requests, r => r.Path == "/db/neo4j/query/v2/tx");
    }

    [Fact]
    public async Task reads_after_a_write_carry_its_bookmarks()
    {
        await using var stub = QueryApiStub.Start();
        stub.Respond(202, ReturnOne)
            .Respond(202, TransactionBegun(), AffinityHeader)
            .Respond(202, MergedCount)
            .Respond(200, Committed)
            .Respond(202, ReturnOne)
            .Respond(202, TransactionBegun(), AffinityHeader)
            .Respond(200, Committed);
        using var client = TestClients.For(stub);

        await client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct);
        await client.WriteAsync(async (tx, ct) => await tx.RunAsync(Merge, Rows, ct), Ct);
        await client.ReadAsync("RETURN 1", TestClients.NoParameters, Ct);
        await client.WriteAsync((_, _) => Task.FromResult(0), Ct);

        var requests = stub.Requests;
        Assert.Null(requests[0].Json["bookmarks"]);
        Assert.Equal("Read", (string?)requests[0].Json["accessMode"]);
        TypedJsonTests.AssertJson($$"""["{{Bookmark}}"]""", requests[4].Json["bookmarks"]!);
        Assert.Equal("Read", (string?)requests[4].Json["accessMode"]);
        Assert.Equal([Bookmark], client.Bookmarks);
        // The next write starts after the previous one too.
        TypedJsonTests.AssertJson($$"""{ "bookmarks": ["{{Bookmark}}"] }""", requests[5].Json);
        Assert.Null(requests[2].Json["accessMode"]);
    }
}
