using CsvHelper;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Server.Tests.Support;
using EntityGraph.Storage.Neo4j.Internal;
using EntityGraph.Storage.Sqlite;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class Neo4jCsvExportTests
{
    private const string Note = "Line one, with \"quotes\"\nline two\r\nline three ";

    private static async Task<string> DatabaseAsync(CliWorkspace workspace, IEnumerable<FtmEntity> entities, params (string Dataset, FtmEntity[] Entities)[] more)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(workspace.Database)!);
        await using var store = new SqliteGraphStore(new SqliteStoreOptions { Path = workspace.Database });
        await store.InitializeAsync(TestContext.Current.CancellationToken);
        await store.UpsertAsync([.. entities], ImportRun.Start("fixture"), TestContext.Current.CancellationToken);
        foreach (var (dataset, extra) in more)
            await store.UpsertAsync(extra, ImportRun.Start(dataset), TestContext.Current.CancellationToken);
        return workspace.Database;
    }

    private static Task<(int ExitCode, string Out, string Error)> ExportAsync(CliWorkspace workspace, params string[] extra) =>
        CliWorkspace.RunAsync(["export", "--format", "neo4j-csv", "--db", workspace.Database, "--out", workspace.File("neo4j"), .. extra]);

    /// <summary>A file read back with a CSV reader: the header, then each row as header → field.</summary>
    private static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) Read(string path)
    {
        using var reader = CsvReader.FromFile(path, CsvReaderOptions.Default with { Separator = ',', AllowLineBreaksInQuotes = true });
        reader.ReadHeader();
        var header = reader.Headers.ToList();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            Assert.Equal(header.Count, reader.FieldCount);
            rows.Add(header.Select((name, i) => (name, value: reader.GetString(i))).ToDictionary(p => p.name, p => p.value, StringComparer.Ordinal));
        }

        return (header, rows);
    }

    /// <summary>An entity as <c>export --format ftm</c> writes its line, without the newline.</summary>
    private static async Task<string> FtmLineAsync(FtmEntity entity)
    {
        using var output = new MemoryStream();
        await using (var writer = new FtmLineWriter(output, leaveOpen: true))
            writer.Write(entity);
        return System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n');
    }

    [Fact]
    public async Task node_and_relationship_files_have_typed_headers_from_the_graph_model()
    {
        using var workspace = new CliWorkspace();
        await DatabaseAsync(workspace, Fixtures.Reseller().Entities);

        var (exit, _, error) = await ExportAsync(workspace);

        Assert.True(exit == 0, error);
        Assert.Equal(
            "id:ID,:LABEL,schema:string,name:string,datasets:string[],sourceId:string,firstSeen:datetime,lastSeen:datetime,entity:string,fragments:string,"
            + "aliases:string[],countries:string[],topics:string[],incorporationDate:string,incorporationEarliest:date,searchText:string",
            File.ReadLines(workspace.File("neo4j/nodes-parties.csv")).First());
        Assert.Equal(
            "id:ID,:LABEL,schema:string,name:string,datasets:string[],sourceId:string,firstSeen:datetime,lastSeen:datetime,entity:string,fragments:string,"
            + "date:string,dateEarliest:date,dateLatest:date,senderId:string,receiverId:string,declarantId:string,hsCode:string,hs6:string,chplTier:string,"
            + "goodsDescription:string,valueUsd:double,originCountry:string,departureCountry:string,destinationCountry:string,tradingCountry:string",
            File.ReadLines(workspace.File("neo4j/nodes-shipments.csv")).First());
        Assert.Equal(
            ":START_ID,:END_ID,:TYPE,id:string,schema:string,startDate:string,endDate:string,percentage:double,shares:string,role:string,status:string,"
            + "datasets:string[],sourceId:string,firstSeen:datetime,lastSeen:datetime",
            File.ReadLines(workspace.File("neo4j/relationships-owns.csv")).First());
    }

    [Fact]
    public async Task every_file_holds_as_many_rows_as_the_store_has_nodes_and_links_of_its_kind()
    {
        using var workspace = new CliWorkspace();
        var graph = Fixtures.Reseller();
        await DatabaseAsync(workspace, graph.Entities);
        var ids = graph.Entities.Select(e => e.Id).ToList();
        Dictionary<string, int> expected;
        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = workspace.Database }))
        {
            var ct = TestContext.Current.CancellationToken;
            var links = await store.ExpandAsync(new LinkExpansion(ids), ct);
            expected = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["nodes-parties.csv"] = (await store.GetPartiesAsync(ids, ct)).Count,
                ["nodes-addresses.csv"] = (await store.GetAddressesAsync(ids, ct)).Count,
                ["nodes-shipments.csv"] = (await store.GetShipmentsAsync(ids, ct)).Count,
                ["nodes-sanctions.csv"] = (await store.GetSanctionsAsync(ids, ct)).Count,
                // The Ownership and Directorship entities themselves.
                ["nodes-intervals.csv"] = 3,
            };
            foreach (var group in links.GroupBy(l => l.Kind))
                expected[$"relationships-{EntityGraph.Storage.Neo4j.GraphModel.RelationshipType(group.Key).ToLowerInvariant().Replace('_', '-')}.csv"] = group.Count();
        }

        var (exit, _, error) = await ExportAsync(workspace);

        Assert.True(exit == 0, error);
        var written = Directory.GetFiles(workspace.File("neo4j"), "*.csv").ToDictionary(f => Path.GetFileName(f), f => Read(f).Rows.Count, StringComparer.Ordinal);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), written.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal([4, 1, 3, 1, 3], [expected["nodes-parties.csv"], expected["nodes-addresses.csv"], expected["nodes-shipments.csv"], expected["nodes-sanctions.csv"], expected["nodes-intervals.csv"]]);
        Assert.Equal(11, written.Where(p => p.Key.StartsWith("relationships-", StringComparison.Ordinal)).Sum(p => p.Value));
        Assert.Contains("Exported 12 entities from", error, StringComparison.Ordinal);
        Assert.Contains("as 12 nodes and 11 relationships in 11 CSV files", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task node_ids_are_unique_across_files_and_every_relationship_joins_two_exported_nodes()
    {
        using var workspace = new CliWorkspace();
        var graph = Fixtures.Reseller().Entity("note-1", "Note", ("description", "Seen at the Bishkek office"), ("entity", "acme"));
        await DatabaseAsync(workspace, graph.Entities);

        var (exit, _, error) = await ExportAsync(workspace);

        Assert.True(exit == 0, error);
        var files = Directory.GetFiles(workspace.File("neo4j"), "*.csv");
        var nodes = files.Where(f => Path.GetFileName(f).StartsWith("nodes-", StringComparison.Ordinal)).SelectMany(f => Read(f).Rows).ToList();
        var ids = nodes.Select(n => n["id:ID"]).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(graph.Entities.Select(e => e.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        var note = Assert.Single(Read(workspace.File("neo4j/nodes-entities.csv")).Rows);
        Assert.Equal(("note-1", "Entity", "Note"), (note["id:ID"], note[":LABEL"], note["schema:string"]));
        var relationships = files.Where(f => Path.GetFileName(f).StartsWith("relationships-", StringComparison.Ordinal)).SelectMany(f => Read(f).Rows).ToList();
        Assert.NotEmpty(relationships);
        Assert.All(relationships, r => Assert.True(ids.Contains(r[":START_ID"]) && ids.Contains(r[":END_ID"]), $"{r["id:string"]} joins a node that is not exported"));
    }

    [Fact]
    public async Task quotes_newlines_commas_and_lists_round_trip_through_a_csv_reader()
    {
        using var workspace = new CliWorkspace();
        var graph = FtmGraph.Create()
            .Company("acme", "Acme \"Best\", Trading\nLLC", country: "kg")
            .Set("acme", "alias", "ООО «Акме», Бишкек")
            .Set("acme", "alias", " Acme KG")
            .Set("acme", "country", "kz")
            .Company("buyer", "Buyer JSC", country: "ru")
            .Shipment("s1", "acme", "buyer", date: "2023-02", hs: "8542.31", value: 1234.5, goods: Note);
        await DatabaseAsync(workspace, graph.Entities);

        var (exit, _, error) = await ExportAsync(workspace);

        Assert.True(exit == 0, error);
        var acme = Read(workspace.File("neo4j/nodes-parties.csv")).Rows.Single(r => r["id:ID"] == "acme");
        Assert.Equal("Acme \"Best\", Trading\nLLC", acme["name:string"]);
        Assert.Equal(["ООО «Акме», Бишкек", " Acme KG"], acme["aliases:string[]"].Split(';'));
        Assert.Equal(["kg", "kz"], acme["countries:string[]"].Split(';'));
        Assert.Equal("Entity;Party;Company", acme[":LABEL"]);
        Assert.Equal("", acme["incorporationDate:string"]);
        var shipment = Assert.Single(Read(workspace.File("neo4j/nodes-shipments.csv")).Rows);
        Assert.Equal(Note, shipment["goodsDescription:string"]);
        Assert.Equal("1234.5", shipment["valueUsd:double"]);
        Assert.Equal(("2023-02", "2023-02-01", "2023-02-28"), (shipment["date:string"], shipment["dateEarliest:date"], shipment["dateLatest:date"]));
        Assert.Equal(("854231", "854231", "1"), (shipment["hsCode:string"], shipment["hs6:string"], shipment["chplTier:string"]));
        var text = await File.ReadAllTextAsync(workspace.File("neo4j/nodes-shipments.csv"), TestContext.Current.CancellationToken);
        Assert.Contains("\"Line one, with \"\"quotes\"\"\nline two\r\nline three \"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_entity_column_is_the_line_the_ftm_export_writes_and_fragments_keep_each_datasets_values_and_run()
    {
        using var workspace = new CliWorkspace();
        var graph = Fixtures.Reseller();
        var registry = ImportRun.Start("registry");
        await DatabaseAsync(workspace, graph.Entities);
        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = workspace.Database }))
            await store.UpsertAsync([FtmGraph.Create().Company("buyer", "Buyer JSC", country: "ru").Set("buyer", "alias", "Byer").Entities[0]], registry, TestContext.Current.CancellationToken);

        var (exit, _, error) = await ExportAsync(workspace);
        await CliWorkspace.RunAsync("export", "--db", workspace.Database, "--out", workspace.File("export.ftm.jsonl"));

        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(workspace.File("export.ftm.jsonl")).ToDictionary(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!, StringComparer.Ordinal);
        var parties = Read(workspace.File("neo4j/nodes-parties.csv")).Rows.ToDictionary(r => r["id:ID"], StringComparer.Ordinal);
        Assert.All(parties, p => Assert.Equal(lines[p.Key], p.Value["entity:string"]));
        Assert.Equal("fixture;registry", parties["buyer"]["datasets:string[]"]);
        var buyer = EntityDocuments.ReadFragments(parties["buyer"]["fragments:string"]);
        Assert.Equal(["fixture", "registry"], buyer.Select(f => f.Dataset));
        Assert.Equal(registry.RunId, buyer[1].RunId);
        Assert.NotEqual(string.Empty, buyer[0].RunId);
        Assert.NotEqual(registry.RunId, buyer[0].RunId);
        Assert.Equal(["Byer"], buyer[1].Fragment.Values("alias"));
        Assert.Empty(buyer[0].Fragment.Values("alias"));
        Assert.Equal(["Buyer JSC"], buyer[1].Fragment.Values("name"));
        var acme = Assert.Single(EntityDocuments.ReadFragments(parties["acme"]["fragments:string"]));
        Assert.Equal(("fixture", buyer[0].RunId), (acme.Dataset, acme.RunId));
        foreach (var (id, party) in parties)
            Assert.Equal(lines[id], await FtmLineAsync(FtmFragments.Merge(EntityDocuments.ReadFragments(party["fragments:string"]))));
        Assert.DoesNotContain("several datasets", error, StringComparison.Ordinal);
        Assert.DoesNotContain("several datasets", await File.ReadAllTextAsync(workspace.File("neo4j/IMPORT.md"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_list_value_that_contains_the_array_delimiter_stops_the_export_and_another_delimiter_carries_it()
    {
        using var workspace = new CliWorkspace();
        await DatabaseAsync(workspace, FtmGraph.Create().Company("acme", "Acme").Set("acme", "alias", "Acme; Trading").Entities);

        var (refused, _, error) = await ExportAsync(workspace);
        var (exit, _, _) = await ExportAsync(workspace, "--force", "--array-delimiter", "U+001F");

        Assert.Equal(1, refused);
        Assert.Contains("'acme' has a value of aliases that contains the array delimiter ;: \"Acme; Trading\"", error, StringComparison.Ordinal);
        Assert.Contains("--array-delimiter", error, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        var acme = Assert.Single(Read(workspace.File("neo4j/nodes-parties.csv")).Rows);
        Assert.Equal(["Acme; Trading"], acme["aliases:string[]"].Split('\u001f'));
        Assert.Equal("Entity\u001fParty\u001fCompany", acme[":LABEL"]);
        Assert.Contains("--array-delimiter='U+001F'", await File.ReadAllTextAsync(workspace.File("neo4j/import.sh"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_import_script_holds_the_exact_neo4j_admin_command_for_the_files_written()
    {
        using var workspace = new CliWorkspace();
        await DatabaseAsync(workspace, Fixtures.Reseller().Entities);

        var (exit, _, error) = await ExportAsync(workspace);

        Assert.True(exit == 0, error);
        var script = workspace.File("neo4j/import.sh");
        Assert.Equal(
            """
            #!/bin/sh
            # Imports the CSV files beside this script into a Neo4j database (Neo4j 5.26 or later) with neo4j-admin.
            # Run it where neo4j-admin runs, with the database stopped; it REPLACES the database's contents.
            # Usage: ./import.sh [DATABASE]   (default: neo4j)
            set -eu
            cd "$(dirname "$0")"
            neo4j-admin database import full \
              --nodes=nodes-addresses.csv \
              --nodes=nodes-intervals.csv \
              --nodes=nodes-parties.csv \
              --nodes=nodes-sanctions.csv \
              --nodes=nodes-shipments.csv \
              --relationships=relationships-directs.csv \
              --relationships=relationships-owns.csv \
              --relationships=relationships-received.csv \
              --relationships=relationships-registered-at.csv \
              --relationships=relationships-sanctioned-by.csv \
              --relationships=relationships-sent.csv \
              --delimiter=',' \
              --array-delimiter=';' \
              --quote='"' \
              --multiline-fields=true \
              --skip-bad-relationships=true \
              --bad-tolerance=11 \
              --overwrite-destination=true \
              "${1:-neo4j}"

            """,
            await File.ReadAllTextAsync(script, TestContext.Current.CancellationToken));
        if (!OperatingSystem.IsWindows())
            Assert.True(File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute));
        var guide = await File.ReadAllTextAsync(workspace.File("neo4j/IMPORT.md"), TestContext.Current.CancellationToken);
        Assert.Contains("neo4j-admin database import full \\\n  --nodes=nodes-addresses.csv", guide, StringComparison.Ordinal);
        Assert.Contains("  neo4j\n```", guide, StringComparison.Ordinal);
        Assert.Contains("| `nodes-shipments.csv` | nodes | 3 |", guide, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_output_directory_that_is_not_empty_is_refused_unless_forced()
    {
        using var workspace = new CliWorkspace();
        await DatabaseAsync(workspace, Fixtures.Reseller().Entities);
        Directory.CreateDirectory(workspace.File("neo4j"));
        workspace.Write("neo4j/notes.txt", "mine");
        workspace.Write("neo4j/relationships-controls.csv", "stale");

        var (refused, _, error) = await ExportAsync(workspace);
        var (forced, _, _) = await ExportAsync(workspace, "--force");

        Assert.Equal(1, refused);
        Assert.Equal($"entitygraph export: output directory '{workspace.File("neo4j")}' is not empty; choose a new directory, or pass --force to replace the files of an earlier export there", error.TrimEnd());
        Assert.Equal(0, forced);
        Assert.True(File.Exists(workspace.File("neo4j/notes.txt")));
        Assert.False(File.Exists(workspace.File("neo4j/relationships-controls.csv")), "A forced export removes the files of an earlier one, so import.sh and the directory agree.");
    }

    [Fact]
    public async Task neo4j_csv_needs_a_directory_not_standard_output()
    {
        using var workspace = new CliWorkspace();
        await DatabaseAsync(workspace, Fixtures.Reseller().Entities);

        var (exit, _, error) = await CliWorkspace.RunAsync("export", "--format", "neo4j-csv", "--db", workspace.Database);

        Assert.Equal(1, exit);
        Assert.Contains("name it with --out DIR", error, StringComparison.Ordinal);
    }
}
