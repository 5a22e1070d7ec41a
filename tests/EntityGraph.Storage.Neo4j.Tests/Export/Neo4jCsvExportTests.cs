using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Storage.Neo4j.Export;
using EntityGraph.Storage.Neo4j.Internal;
using EntityGraph.Storage.Sqlite;
using EntityGraph.Testing;

namespace EntityGraph.Storage.Neo4j.Tests.Export;

/// <summary>The neo4j-csv export of what a store holds: its files, their rows and fields, and the import command.</summary>
public sealed class Neo4jCsvExportTests : IDisposable
{
    private const string Note = "Line one, with \"quotes\"\nline two\r\nline three ";

    private readonly TempDatabase _database = TempDatabase.Create("neo4j-csv");
    private readonly string _directory = Directory.CreateTempSubdirectory("neo4j-csv-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _database.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private SqliteGraphStore OpenStore() => new(new SqliteStoreOptions { Path = _database.Path });

    /// <summary>Stores the entities as one import, then each further dataset as one import of its own.</summary>
    private async Task StoreAsync(IEnumerable<FtmEntity> entities, params (ImportRun Run, FtmEntity[] Entities)[] more)
    {
        await using var store = OpenStore();
        await store.InitializeAsync(Ct);
        await store.UpsertAsync([.. entities], ImportRun.Start("fixture"), Ct);
        foreach (var (run, extra) in more)
            await store.UpsertAsync(extra, run, Ct);
    }

    /// <summary>Exports everything the store holds, as the CLI does, and finishes the files.</summary>
    private async Task<Neo4jCsvExport> ExportAsync(char arrayDelimiter = ';')
    {
        await using var store = OpenStore();
        var export = new Neo4jCsvExport(_directory, arrayDelimiter, (entity, _) => FtmLineAsync(entity));
        try
        {
            await foreach (var fragments in store.ExportFragmentsAsync(Ct))
                await export.WriteAsync(fragments, Ct);
            await export.FinishAsync(Ct);
            return export;
        }
        catch
        {
            await export.DisposeAsync();
            throw;
        }
    }

    private string File(string name) => Path.Combine(_directory, name);

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
        await StoreAsync(SmallCases.Reseller().Entities);

        await using var export = await ExportAsync();

        Assert.Equal(
            "id:ID,:LABEL,schema:string,name:string,datasets:string[],sourceId:string,firstSeen:datetime,lastSeen:datetime,entity:string,fragments:string,"
            + "aliases:string[],countries:string[],topics:string[],incorporationDate:string,incorporationEarliest:date,searchText:string",
            System.IO.File.ReadLines(File("nodes-parties.csv")).First());
        Assert.Equal(
            "id:ID,:LABEL,schema:string,name:string,datasets:string[],sourceId:string,firstSeen:datetime,lastSeen:datetime,entity:string,fragments:string,"
            + "date:string,dateEarliest:date,dateLatest:date,senderId:string,receiverId:string,declarantId:string,hsCode:string,hs6:string,chplTier:string,"
            + "goodsDescription:string,valueUsd:double,originCountry:string,departureCountry:string,destinationCountry:string,tradingCountry:string",
            System.IO.File.ReadLines(File("nodes-shipments.csv")).First());
        Assert.Equal(
            ":START_ID,:END_ID,:TYPE,id:string,schema:string,startDate:string,endDate:string,percentage:double,shares:string,role:string,status:string,"
            + "datasets:string[],sourceId:string,firstSeen:datetime,lastSeen:datetime",
            System.IO.File.ReadLines(File("relationships-owns.csv")).First());
    }

    [Fact]
    public async Task every_file_holds_as_many_rows_as_the_store_has_nodes_and_links_of_its_kind()
    {
        var graph = SmallCases.Reseller();
        await StoreAsync(graph.Entities);
        var ids = graph.Entities.Select(e => e.Id).ToList();
        Dictionary<string, int> expected;
        await using (var store = OpenStore())
        {
            var links = await store.ExpandAsync(new LinkExpansion(ids), Ct);
            expected = new Dictionary<string, int>(StringComparer.Ordinal)
            {
                ["nodes-parties.csv"] = (await store.GetPartiesAsync(ids, Ct)).Count,
                ["nodes-addresses.csv"] = (await store.GetAddressesAsync(ids, Ct)).Count,
                ["nodes-shipments.csv"] = (await store.GetShipmentsAsync(ids, Ct)).Count,
                ["nodes-sanctions.csv"] = (await store.GetSanctionsAsync(ids, Ct)).Count,
                // The Ownership and Directorship entities themselves.
                ["nodes-intervals.csv"] = 3,
            };
            foreach (var group in links.GroupBy(l => l.Kind))
                expected[$"relationships-{GraphModel.RelationshipType(group.Key).ToLowerInvariant().Replace('_', '-')}.csv"] = group.Count();
        }

        await using var export = await ExportAsync();

        var written = Directory.GetFiles(_directory, "*.csv").ToDictionary(f => Path.GetFileName(f), f => CsvFiles.Read(f).Rows.Count, StringComparer.Ordinal);
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), written.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal([4, 1, 3, 1, 3], [expected["nodes-parties.csv"], expected["nodes-addresses.csv"], expected["nodes-shipments.csv"], expected["nodes-sanctions.csv"], expected["nodes-intervals.csv"]]);
        Assert.Equal(11, written.Where(p => p.Key.StartsWith("relationships-", StringComparison.Ordinal)).Sum(p => p.Value));
        Assert.Equal((12L, 12L, 11L), (export.Entities, export.Nodes, export.Relationships));
        Assert.Equal(written.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, (long)p.Value)), export.Files.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)));
    }

    [Fact]
    public async Task node_ids_are_unique_across_files_and_every_relationship_joins_two_exported_nodes()
    {
        var graph = SmallCases.Reseller().Entity("note-1", "Note", ("description", "Seen at the Bishkek office"), ("entity", "acme"));
        await StoreAsync(graph.Entities);

        await using var export = await ExportAsync();

        var files = Directory.GetFiles(_directory, "*.csv");
        var nodes = files.Where(f => Path.GetFileName(f).StartsWith("nodes-", StringComparison.Ordinal)).SelectMany(f => CsvFiles.Read(f).Rows).ToList();
        var ids = nodes.Select(n => n["id:ID"]).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(graph.Entities.Select(e => e.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        var note = Assert.Single(CsvFiles.Read(File("nodes-entities.csv")).Rows);
        Assert.Equal(("note-1", "Entity", "Note"), (note["id:ID"], note[":LABEL"], note["schema:string"]));
        var relationships = files.Where(f => Path.GetFileName(f).StartsWith("relationships-", StringComparison.Ordinal)).SelectMany(f => CsvFiles.Read(f).Rows).ToList();
        Assert.NotEmpty(relationships);
        Assert.All(relationships, r => Assert.True(ids.Contains(r[":START_ID"]) && ids.Contains(r[":END_ID"]), $"{r["id:string"]} joins a node that is not exported"));
    }

    [Fact]
    public async Task quotes_newlines_commas_and_lists_round_trip_through_a_csv_reader()
    {
        var graph = FtmGraph.Create()
            .Company("acme", "Acme \"Best\", Trading\nLLC", country: "kg")
            .Set("acme", "alias", "ООО «Акме», Бишкек")
            .Set("acme", "alias", " Acme KG")
            .Set("acme", "country", "kz")
            .Company("buyer", "Buyer JSC", country: "ru")
            .Shipment("s1", "acme", "buyer", date: "2023-02", hs: "8542.31", value: 1234.5, goods: Note);
        await StoreAsync(graph.Entities);

        await using var export = await ExportAsync();

        var acme = CsvFiles.Read(File("nodes-parties.csv")).Rows.Single(r => r["id:ID"] == "acme");
        Assert.Equal("Acme \"Best\", Trading\nLLC", acme["name:string"]);
        Assert.Equal(["ООО «Акме», Бишкек", " Acme KG"], acme["aliases:string[]"].Split(';'));
        Assert.Equal(["kg", "kz"], acme["countries:string[]"].Split(';'));
        Assert.Equal("Entity;Party;Company", acme[":LABEL"]);
        Assert.Equal("", acme["incorporationDate:string"]);
        var shipment = Assert.Single(CsvFiles.Read(File("nodes-shipments.csv")).Rows);
        Assert.Equal(Note, shipment["goodsDescription:string"]);
        Assert.Equal("1234.5", shipment["valueUsd:double"]);
        Assert.Equal(("2023-02", "2023-02-01", "2023-02-28"), (shipment["date:string"], shipment["dateEarliest:date"], shipment["dateLatest:date"]));
        Assert.Equal(("854231", "854231", "1"), (shipment["hsCode:string"], shipment["hs6:string"], shipment["chplTier:string"]));
        var text = await System.IO.File.ReadAllTextAsync(File("nodes-shipments.csv"), Ct);
        Assert.Contains("\"Line one, with \"\"quotes\"\"\nline two\r\nline three \"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_entity_column_is_the_line_the_ftm_export_writes_and_fragments_keep_each_datasets_values_and_run()
    {
        var registry = ImportRun.Start("registry");
        await StoreAsync(SmallCases.Reseller().Entities, (registry, [FtmGraph.Create().Company("buyer", "Buyer JSC", country: "ru").Set("buyer", "alias", "Byer").Entities[0]]));
        var lines = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var store = OpenStore())
        {
            await foreach (var entity in store.ExportAsync(Ct))
                lines[entity.Id] = await FtmLineAsync(entity);
        }

        await using var export = await ExportAsync();

        var parties = CsvFiles.Read(File("nodes-parties.csv")).Rows.ToDictionary(r => r["id:ID"], StringComparer.Ordinal);
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
        Assert.DoesNotContain("several datasets", await System.IO.File.ReadAllTextAsync(File("IMPORT.md"), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_list_value_that_contains_the_array_delimiter_stops_the_export_and_another_delimiter_carries_it()
    {
        await StoreAsync(FtmGraph.Create().Company("acme", "Acme").Set("acme", "alias", "Acme; Trading").Entities);

        var refused = await Assert.ThrowsAsync<Neo4jCsvExportException>(() => ExportAsync());
        await using var carried = await ExportAsync('\u001f');

        Assert.Equal("'acme' has a value of aliases that contains the array delimiter ;: \"Acme; Trading\". neo4j-admin would split it in two.", refused.Message);
        Assert.Equal(("acme", "aliases", "Acme; Trading"), (refused.Id, refused.Property, refused.Value));
        var acme = Assert.Single(CsvFiles.Read(File("nodes-parties.csv")).Rows);
        Assert.Equal(["Acme; Trading"], acme["aliases:string[]"].Split('\u001f'));
        Assert.Equal("Entity\u001fParty\u001fCompany", acme[":LABEL"]);
        Assert.Contains("--array-delimiter='U+001F'", await System.IO.File.ReadAllTextAsync(File("import.sh"), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_import_script_holds_the_exact_neo4j_admin_command_for_the_files_written()
    {
        await StoreAsync(SmallCases.Reseller().Entities);

        await using var export = await ExportAsync();

        var script = File(Neo4jCsvExport.ScriptFile);
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
            await System.IO.File.ReadAllTextAsync(script, Ct));
        if (!OperatingSystem.IsWindows())
            Assert.True(System.IO.File.GetUnixFileMode(script).HasFlag(UnixFileMode.UserExecute));
        var guide = await System.IO.File.ReadAllTextAsync(File(Neo4jCsvExport.GuideFile), Ct);
        Assert.Contains("neo4j-admin database import full \\\n  --nodes=nodes-addresses.csv", guide, StringComparison.Ordinal);
        Assert.Contains("  neo4j\n```", guide, StringComparison.Ordinal);
        Assert.Contains("| `nodes-shipments.csv` | nodes | 3 |", guide, StringComparison.Ordinal);
    }
}
