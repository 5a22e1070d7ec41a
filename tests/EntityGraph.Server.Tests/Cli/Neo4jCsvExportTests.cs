using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Storage.Neo4j.Internal;
using EntityGraph.Storage.Sqlite;
using EntityGraph.Testing;

namespace EntityGraph.Server.Tests.Cli;

/// <summary>The <c>export --format neo4j-csv</c> command; what the files hold is tested with the export, in Storage.Neo4j.Tests.</summary>
[Collection(ConsoleCollection.Name)]
public class Neo4jCsvExportTests
{
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

    /// <summary>An entity as <c>export --format ftm</c> writes its line, without the newline.</summary>
    private static async Task<string> FtmLineAsync(FtmEntity entity)
    {
        using var output = new MemoryStream();
        await using (var writer = new FtmLineWriter(output, leaveOpen: true))
            writer.Write(entity);
        return System.Text.Encoding.UTF8.GetString(output.ToArray()).TrimEnd('\n');
    }

    [Fact]
    public async Task the_command_reports_the_entities_nodes_relationships_and_files_it_wrote()
    {
        using var workspace = new CliWorkspace();
        await DatabaseAsync(workspace, SmallCases.Reseller().Entities);

        var (exit, _, error) = await ExportAsync(workspace);

        Assert.True(exit == 0, error);
        Assert.Contains("Exported 12 entities from", error, StringComparison.Ordinal);
        Assert.Contains("as 12 nodes and 11 relationships in 11 CSV files", error, StringComparison.Ordinal);
        Assert.Equal(11, Directory.GetFiles(workspace.File("neo4j"), "*.csv").Length);
        Assert.Contains($"Import them with {workspace.File("neo4j/import.sh")}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_entity_column_is_the_line_the_ftm_export_writes()
    {
        using var workspace = new CliWorkspace();
        var graph = SmallCases.Reseller();
        var registry = ImportRun.Start("registry");
        await DatabaseAsync(workspace, graph.Entities);
        await using (var store = new SqliteGraphStore(new SqliteStoreOptions { Path = workspace.Database }))
            await store.UpsertAsync([FtmGraph.Create().Company("buyer", "Buyer JSC", country: "ru").Set("buyer", "alias", "Byer").Entities[0]], registry, TestContext.Current.CancellationToken);

        var (exit, _, error) = await ExportAsync(workspace);
        await CliWorkspace.RunAsync("export", "--db", workspace.Database, "--out", workspace.File("export.ftm.jsonl"));

        Assert.True(exit == 0, error);
        var lines = File.ReadAllLines(workspace.File("export.ftm.jsonl")).ToDictionary(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("id").GetString()!, StringComparer.Ordinal);
        var parties = CsvFiles.Read(workspace.File("neo4j/nodes-parties.csv")).Rows.ToDictionary(r => r["id:ID"], StringComparer.Ordinal);
        Assert.All(parties, p => Assert.Equal(lines[p.Key], p.Value["entity:string"]));
        Assert.Equal("fixture;registry", parties["buyer"]["datasets:string[]"]);
        foreach (var (id, party) in parties)
            Assert.Equal(lines[id], await FtmLineAsync(FtmFragments.Merge(EntityDocuments.ReadFragments(party["fragments:string"]))));
        Assert.DoesNotContain("several datasets", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task a_list_value_that_contains_the_array_delimiter_fails_the_command_and_another_delimiter_carries_it()
    {
        using var workspace = new CliWorkspace();
        await DatabaseAsync(workspace, FtmGraph.Create().Company("acme", "Acme").Set("acme", "alias", "Acme; Trading").Entities);

        var (refused, _, error) = await ExportAsync(workspace);
        var (exit, _, _) = await ExportAsync(workspace, "--force", "--array-delimiter", "U+001F");

        Assert.Equal(1, refused);
        Assert.Contains("'acme' has a value of aliases that contains the array delimiter ;: \"Acme; Trading\"", error, StringComparison.Ordinal);
        Assert.Equal(
            "entitygraph export: 'acme' has a value of aliases that contains the array delimiter ;: \"Acme; Trading\". neo4j-admin would split it in two. "
            + "Export again with --force and --array-delimiter set to a character the data does not contain, e.g. --array-delimiter U+001F.",
            error.TrimEnd());
        Assert.Contains("--array-delimiter", error, StringComparison.Ordinal);
        Assert.Equal(0, exit);
        var acme = Assert.Single(CsvFiles.Read(workspace.File("neo4j/nodes-parties.csv")).Rows);
        Assert.Equal(["Acme; Trading"], acme["aliases:string[]"].Split('\u001f'));
        Assert.Contains("--array-delimiter='U+001F'", await File.ReadAllTextAsync(workspace.File("neo4j/import.sh"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_output_directory_that_is_not_empty_is_refused_unless_forced()
    {
        using var workspace = new CliWorkspace();
        await DatabaseAsync(workspace, SmallCases.Reseller().Entities);
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
        await DatabaseAsync(workspace, SmallCases.Reseller().Entities);

        var (exit, _, error) = await CliWorkspace.RunAsync("export", "--format", "neo4j-csv", "--db", workspace.Database);

        Assert.Equal(1, exit);
        Assert.Contains("name it with --out DIR", error, StringComparison.Ordinal);
    }
}
