using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j.Internal;
using EntityGraph.Storage.Neo4j.QueryApi;
using EntityGraph.Testing;

namespace EntityGraph.Storage.Neo4j.Tests.Store;

/// <summary>What the store sends Neo4j when it writes, checked without a server through a recording runner.</summary>
public sealed class Neo4jGraphStoreWriteTests
{
    private static readonly ImportRun First = new("case", "case-run-0", new DateTimeOffset(2024, 3, 4, 9, 0, 0, TimeSpan.Zero));
    private static readonly ImportRun Second = new("case", "case-run-1", new DateTimeOffset(2024, 3, 5, 9, 0, 0, TimeSpan.Zero));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FtmGraph Case() => SmallCases.OneOfEachKind();

    [Fact]
    public async Task an_upsert_is_one_transaction_of_nodes_then_relationships_by_type_then_the_data_version()
    {
        var runner = new RecordingRunner();
        await using var store = new Neo4jGraphStore(runner);

        var result = await store.UpsertAsync(Case().Entities, First, Ct);

        Assert.Equal((7, 0), (result.Written, result.Rejected.Count));
        Assert.Equal(1, runner.Transactions);
        Assert.All(runner.Calls, c => Assert.Equal(1, c.Transaction));
        Assert.Equal(
            ["lock-writes", "read-fragments", "upsert-entities", "merge-links-OWNS", "merge-links-REGISTERED_AT", "merge-links-SANCTIONED_BY", "merge-links-SENT", "merge-links-RECEIVED", "bump-data-version"],
            runner.Calls.Select(c => c.Name));
        Assert.Equal(["acme", "addr-1", "buyer", "ivanov", "own-ivanov-buyer", "s1", "san-ivanov"], runner.Named("upsert-entities").Single().Rows("rows").Select(r => r["id"]));
    }

    [Fact]
    public async Task every_parameter_a_write_statement_refers_to_is_passed()
    {
        var runner = new RecordingRunner();
        await using var store = new Neo4jGraphStore(runner);
        await store.UpsertAsync(Case().Entities, First, Ct);
        Reimport(runner);
        await store.UpsertAsync(Case().Entities, Second, Ct);
        await store.DeleteAsync("s1", Ct);

        Assert.Contains(runner.Calls, c => c.Name == "delete-links");
        Assert.Contains(runner.Calls, c => c.Name == "clear-entity");
        Assert.All(runner.Calls, c => Assert.Subset(c.Parameters.Keys.ToHashSet(StringComparer.Ordinal), RecordingRunner.ParametersOf(c.Statement)));
    }

    [Fact]
    public async Task a_reimport_deletes_the_relationships_read_from_the_previous_values_and_keeps_the_first_sighting()
    {
        var runner = new RecordingRunner();
        await using var store = new Neo4jGraphStore(runner);
        await store.UpsertAsync(Case().Entities, First, Ct);
        Reimport(runner);
        runner.Calls.Clear();

        await store.UpsertAsync(FtmGraph.Create().Shipment("s1", from: "acme", to: "other", date: "2022-05-03").Entities, Second, Ct);

        Assert.Equal(["lock-writes", "read-fragments", "delete-links", "upsert-entities", "merge-links-SENT", "merge-links-RECEIVED", "delete-placeholders", "bump-data-version"], runner.Calls.Select(c => c.Name));
        var deleted = runner.Named("delete-links").Single().Rows("links");
        Assert.Equal(
            [("s1:receiver:buyer", "s1", "buyer", "s1"), ("s1:sender:acme", "acme", "s1", "s1")],
            deleted.Select(l => ((string)l["id"]!, (string)l["source"]!, (string)l["target"]!, (string)l["entity"]!)).OrderBy(l => l.Item1, StringComparer.Ordinal));
        Assert.Equal(["acme", "buyer", "s1"], (IEnumerable<string>)runner.Named("delete-placeholders").Single().Parameters["ids"]!);
        var node = runner.Named("upsert-entities").Single().Rows("rows").Single();
        var properties = (Dictionary<string, object?>)node["properties"]!;
        Assert.Equal(("other", "2024-03-04T09:00:00.0000000+00:00", "2024-03-05T09:00:00.0000000+00:00"), (properties["receiverId"], node["firstSeen"], node["lastSeen"]));
    }

    [Fact]
    public async Task a_write_transaction_run_again_after_a_transient_failure_sends_the_same_statements()
    {
        var runner = new RecordingRunner { Attempts = 2 };
        await using var store = new Neo4jGraphStore(runner);

        await store.UpsertAsync(Case().Entities, First, Ct);

        var attempts = runner.Calls.GroupBy(c => c.Transaction).Select(g => g.ToList()).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Select(c => c.Name), attempts[1].Select(c => c.Name));
        Assert.Equal(
            System.Text.Json.JsonSerializer.Serialize(attempts[0].Select(c => c.Parameters)),
            System.Text.Json.JsonSerializer.Serialize(attempts[1].Select(c => c.Parameters)));
    }

    [Fact]
    public async Task lines_refused_for_their_schema_are_reported_and_a_batch_with_nothing_to_write_changes_nothing()
    {
        var runner = new RecordingRunner();
        await using var store = new Neo4jGraphStore(runner);

        var result = await store.UpsertAsync(
            [new FtmEntity("x", "Company", new Dictionary<string, IReadOnlyList<string>> { ["name"] = ["X"] }), new FtmEntity("x", "Person", new Dictionary<string, IReadOnlyList<string>> { ["name"] = ["Y"] })],
            First,
            Ct);

        // Which line is refused is the contract's; here, that the line written still moves the data version.
        Assert.Single(result.Rejected);
        Assert.Contains(runner.Calls, c => c.Name == "bump-data-version");

        runner.Calls.Clear();
        Assert.False(await store.DeleteAsync("nobody", Ct));
        Assert.Equal(["lock-writes", "read-fragments"], runner.Calls.Select(c => c.Name));
    }

    [Fact]
    public async Task deleting_an_entity_removes_its_relationships_clears_the_node_and_moves_the_data_version()
    {
        var runner = new RecordingRunner();
        await using var store = new Neo4jGraphStore(runner);
        await store.UpsertAsync(Case().Entities, First, Ct);
        Reimport(runner);
        runner.Calls.Clear();

        Assert.True(await store.DeleteAsync("buyer", Ct));

        Assert.Equal(["lock-writes", "read-fragments", "delete-links", "clear-entity", "delete-placeholders", "bump-data-version"], runner.Calls.Select(c => c.Name));
        Assert.Equal(["buyer:addressEntity:addr-1"], runner.Named("delete-links").Single().Rows("links").Select(l => l["id"]));
        Assert.Equal(["buyer", "addr-1"], (IEnumerable<string>)runner.Named("delete-placeholders").Single().Parameters["ids"]!);
    }

    [Fact]
    public async Task writers_take_the_store_lock_before_reading_the_fragments_they_replace()
    {
        var runner = new RecordingRunner();
        await using var store = new Neo4jGraphStore(runner);

        await store.UpsertAsync(Case().Entities, First, Ct);
        await store.DeleteAsync("buyer", Ct);

        var firsts = runner.Calls.GroupBy(c => c.Transaction).Select(g => g.First()).ToList();
        Assert.Equal(2, firsts.Count);
        Assert.All(firsts, c => Assert.Equal(("lock-writes", "store"), (c.Name, c.Parameters["id"])));
        // The lock is the write lock that a SET reading its own property takes before it reads.
        Assert.Contains("SET m.dataVersion = coalesce(m.dataVersion, 0)\n", firsts[0].Statement.ReplaceLineEndings("\n") + "\n", StringComparison.Ordinal);
    }

    [Fact]
    public async Task initializing_runs_every_schema_statement_in_its_own_transaction_then_records_the_schema_version()
    {
        var runner = new RecordingRunner();
        await using var store = new Neo4jGraphStore(runner);

        await store.InitializeAsync(Ct);

        var schema = CypherStatements.Schema();
        Assert.Equal(schema, runner.Calls.Take(schema.Count).Select(c => c.Statement));
        Assert.Equal(schema.Count, runner.Calls.Take(schema.Count).Select(c => c.Transaction).Distinct().Count());
        Assert.Equal(["index-states", "set-schema-version"], runner.Calls.Skip(schema.Count).Select(c => c.Name));
        Assert.Equal((long)Neo4jGraphStore.SchemaVersion, runner.Calls[^1].Parameters["schemaVersion"]);
    }

    /// <summary>Answers read-fragments with the fragments the recorded writes left on each node, as Neo4j would.</summary>
    private static void Reimport(RecordingRunner runner)
    {
        var written = runner.Named("upsert-entities").SelectMany(c => c.Rows("rows"))
            .ToDictionary(r => (string)r["id"]!, r => (string)((Dictionary<string, object?>)r["properties"]!)["fragments"]!, StringComparer.Ordinal);
        runner.Answers["read-fragments"] = parameters =>
        {
            var ids = (IEnumerable<string>)parameters["ids"]!;
            var rows = ids.Where(written.ContainsKey).Select(id => (IReadOnlyList<object?>)[id, written[id]]).ToList();
            return new QueryResult(["id", "fragments"], rows, []);
        };
    }
}
