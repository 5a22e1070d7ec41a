using EntityGraph.Storage.Neo4j.Internal;
using static EntityGraph.Storage.Neo4j.Tests.QueryApi.DocumentedResponses;

namespace EntityGraph.Storage.Neo4j.Tests.QueryApi;

public sealed class IndexWaitTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task initializing_looks_at_the_index_states_in_short_reads_until_they_are_online_then_records_the_schema_version()
    {
        await using var stub = QueryApiStub.Start();
        AnswerSchemaCommands(stub);
        stub.Respond(202, IndexStates(("party_search", "POPULATING", 42.5)))
            .Respond(202, IndexStates(("party_search", "POPULATING", 97)))
            .Respond(202, IndexStates());
        AnswerWrite(stub);
        await using var store = Open(stub, TimeSpan.FromSeconds(5), out var client);

        await store.InitializeAsync(Ct);

        var looks = stub.Requests.Skip(3 * CypherStatements.Schema().Count).Take(3).ToList();
        Assert.All(looks, r => Assert.Equal("/db/neo4j/query/v2", r.Path));
        Assert.All(looks, r => Assert.Contains("\nSHOW INDEXES YIELD", (string)r.Json["statement"]!, StringComparison.Ordinal));
        Assert.All(looks, r => Assert.Equal("Read", (string)r.Json["accessMode"]!));
        Assert.DoesNotContain(stub.Requests, r => r.Body.Contains("awaitIndexes", StringComparison.Ordinal));
        Assert.Contains("schemaVersion", stub.Requests[^2].Body, StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task indexes_still_populating_when_the_wait_ends_are_reported_with_their_progress_and_no_schema_version_is_recorded()
    {
        await using var stub = QueryApiStub.Start();
        AnswerSchemaCommands(stub);
        for (var i = 0; i < 100; i++)
            stub.Respond(202, IndexStates(("party_search", "POPULATING", 42.5), ("shipment_date", "ONLINE", 100)));
        await using var store = Open(stub, TimeSpan.FromMilliseconds(300), out var client);

        var e = await Assert.ThrowsAsync<IndexesNotOnlineException>(() => store.InitializeAsync(Ct));

        Assert.Contains("party_search populating 42.5 %", e.Message, StringComparison.Ordinal);
        var looks = stub.Requests.Skip(3 * CypherStatements.Schema().Count).ToList();
        // One look every 20 ms within 300 ms: bounded, and never one long request.
        Assert.InRange(looks.Count, 2, 16);
        Assert.All(looks, r => Assert.Contains("\nSHOW INDEXES YIELD", (string)r.Json["statement"]!, StringComparison.Ordinal));
        Assert.DoesNotContain(stub.Requests, r => r.Body.Contains("schemaVersion", StringComparison.Ordinal));
        client.Dispose();
    }

    [Fact]
    public async Task a_failed_index_stops_the_wait_naming_it()
    {
        await using var stub = QueryApiStub.Start();
        AnswerSchemaCommands(stub);
        stub.Respond(202, IndexStates(("party_search", "FAILED", 10)));
        await using var store = Open(stub, TimeSpan.FromSeconds(5), out var client);

        var e = await Assert.ThrowsAsync<Neo4j.QueryApi.Neo4jException>(() => store.InitializeAsync(Ct));

        Assert.Equal("EntityGraph.IndexFailed", e.Code);
        Assert.Contains("party_search", e.Message, StringComparison.Ordinal);
        client.Dispose();
    }

    private static Neo4jGraphStore Open(QueryApiStub stub, TimeSpan wait, out Neo4j.QueryApi.QueryApiClient client)
    {
        void Configure(Neo4jStoreOptions o) => (o.IndexWait, o.IndexPollInterval) = (wait, TimeSpan.FromMilliseconds(20));
        client = TestClients.For(stub, Configure);
        return new Neo4jGraphStore(client, TestClients.Options(stub.Uri, Configure));
    }

    private static void AnswerSchemaCommands(QueryApiStub stub)
    {
        foreach (var _ in CypherStatements.Schema())
            AnswerWrite(stub);
    }

    private static void AnswerWrite(QueryApiStub stub) =>
        stub.Respond(202, TransactionBegun(), AffinityHeader).Respond(202, TransactionBegun()).Respond(200, Committed);

    /// <summary>The typed JSON answer of <c>index-states</c>, with the indexes given as not online.</summary>
    private static string IndexStates(params (string Name, string State, double Percent)[] indexes) => $$"""
        {
          "data": {
            "fields": ["name", "state", "populationPercent"],
            "values": [{{string.Join(", ", indexes.Select(i => $$"""[{ "$type": "String", "_value": "{{i.Name}}" }, { "$type": "String", "_value": "{{i.State}}" }, { "$type": "Float", "_value": "{{i.Percent.ToString(System.Globalization.CultureInfo.InvariantCulture)}}" }]"""))}}]
          },
          "bookmarks": []
        }
        """;
}
