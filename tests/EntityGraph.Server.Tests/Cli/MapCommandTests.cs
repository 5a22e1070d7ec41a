using System.Text.Json;

namespace EntityGraph.Server.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class MapCommandTests
{
    private const string Mapping = """
        customs:
          query:
            csv_url: customs.csv
            entities:
              exporter: {schema: Company, keys: [exporter], properties: {name: exporter}}
              declaration:
                schema: EconomicActivity
                keys: [no]
                properties:
                  sender: {entity: exporter}
                  customsAmount: value
        """;

    private const string Customs = "no,exporter,value\n1,Ak-Shumkar,48250.00\n2,Ak-Shumkar,lots\n3,Ak-Shumkar,51330.00\n";

    [Fact]
    public async Task map_writes_each_entity_once_with_its_fragments_merged_and_exits_two_when_a_row_is_rejected()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("customs.csv", Customs);
        var mapping = workspace.Write("customs.yml", Mapping);

        var (exit, _, error) = await CliWorkspace.RunAsync("map", mapping, "--out", workspace.File("out.jsonl"));

        Assert.Equal(2, exit);
        var entities = File.ReadAllLines(workspace.File("out.jsonl")).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(["Company", "EconomicActivity", "EconomicActivity"], entities.Select(e => e.GetProperty("schema").GetString()));
        Assert.Equal(["customs"], entities[0].GetProperty("datasets").EnumerateArray().Select(d => d.GetString()));
        Assert.Contains("Mapped 3 rows", error, StringComparison.Ordinal);
        Assert.Contains("1 rows rejected -> " + mapping + ".rejects.jsonl", error, StringComparison.Ordinal);
        var reject = JsonDocument.Parse(File.ReadAllText(mapping + ".rejects.jsonl")).RootElement;
        Assert.Equal(3, reject.GetProperty("row").GetInt32());
    }

    [Fact]
    public async Task import_mapping_stores_the_rows_under_the_mappings_dataset_and_prints_a_summary_in_rows()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("customs.csv", Customs);
        var mapping = workspace.Write("customs.yml", Mapping);

        // One row per batch, so that row 3 meets row 1's exporter already stored.
        var (exit, output, _) = await CliWorkspace.RunAsync("import", "--mapping", mapping, "--db", workspace.Database, "--json", "--batch-size", "1");

        Assert.Equal(2, exit);
        var summary = JsonDocument.Parse(output).RootElement;
        Assert.Equal("customs", summary.GetProperty("dataset").GetString());
        Assert.Equal(3, summary.GetProperty("lines").GetInt32());
        // Row 3's exporter is row 1's exactly, already stored, so it is not sent again.
        Assert.Equal(3, summary.GetProperty("accepted").GetInt32());
        Assert.Equal(["sent once, entities a row gave exactly as an earlier row did: 1"], summary.GetProperty("notes").EnumerateArray().Select(n => n.GetString()));
        Assert.Equal(1, summary.GetProperty("rejected").GetInt32());
        Assert.Equal(mapping + ".rejects.jsonl", summary.GetProperty("rejectsPath").GetString());
    }

    [Theory]
    [InlineData("customs:\n  query: [\n", "not valid YAML")]
    [InlineData("customs:\n  query:\n    csv_url: customs.csv\n    entities:\n      firm: {schema: Firm, keys: [no]}\n", ":5: entity 'firm': FtM has no schema 'Firm'")]
    [InlineData("customs:\n  query:\n    csv_url: customs.csv\n    entities:\n      firm: {schema: Company, keys: [inn], properties: {name: exporter}}\n", ":3: the mapping reads column 'inn', which 'customs.csv' does not have")]
    public async Task a_mistake_in_the_mapping_stops_with_exit_one_naming_the_file_and_line(string yaml, string message)
    {
        using var workspace = new CliWorkspace();
        workspace.Write("customs.csv", Customs);
        var mapping = workspace.Write("customs.yml", yaml);

        var (importExit, _, importError) = await CliWorkspace.RunAsync("import", "--mapping", mapping, "--db", workspace.Database);
        var (mapExit, _, mapError) = await CliWorkspace.RunAsync("map", mapping, "--out", workspace.File("out.jsonl"));

        Assert.Equal(1, importExit);
        Assert.Equal(1, mapExit);
        Assert.StartsWith("entitygraph import: " + mapping, importError, StringComparison.Ordinal);
        Assert.Contains(message, importError, StringComparison.Ordinal);
        Assert.Contains(message, mapError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task import_needs_a_file_or_a_mapping_but_not_both()
    {
        using var workspace = new CliWorkspace();

        var (neither, _, neitherError) = await CliWorkspace.RunAsync("import", "--db", workspace.Database);
        var (both, _, bothError) = await CliWorkspace.RunAsync("import", "x.jsonl", "--mapping", "m.yml", "--db", workspace.Database);

        Assert.Equal(1, neither);
        Assert.Contains("give the FtM JSON-lines FILE to import, or --mapping MAPPING.yml", neitherError, StringComparison.Ordinal);
        Assert.Equal(1, both);
        Assert.Contains("give either FILE or --mapping, not both", bothError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task the_sample_customs_mapping_maps_every_row()
    {
        var mapping = Path.Combine(EntityGraph.Testing.Repository.Root, "samples", "customs", "ru-imports-2023.yml");
        using var workspace = new CliWorkspace();

        var (exit, _, error) = await CliWorkspace.RunAsync("map", mapping, "--out", workspace.File("out.jsonl"), "--rejects", workspace.File("rejects.jsonl"));

        Assert.Equal(0, exit);
        Assert.Contains("Mapped 10 rows", error, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.File("rejects.jsonl")));
    }

    private const string TwoDatasets = """
        customs_2022:
          query:
            csv_url: customs.csv
            entities:
              exporter: {schema: Company, keys: [exporter], properties: {name: exporter}}
        customs_2023:
          query:
            csv_url: customs.csv
            entities:
              declaration: {schema: EconomicActivity, keys: [no], properties: {customsAmount: value}}
        """;

    [Fact]
    public async Task each_dataset_of_a_mapping_keeps_its_own_rejects_file()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("customs.csv", Customs);
        var mapping = workspace.Write("customs.yml", TwoDatasets);

        var (exit, _, _) = await CliWorkspace.RunAsync("import", "--mapping", mapping, "--db", workspace.Database, "--rejects", workspace.File("bad.jsonl"));

        Assert.Equal(2, exit);
        Assert.False(File.Exists(workspace.File("bad.customs_2022.jsonl")));
        Assert.Single(File.ReadAllLines(workspace.File("bad.customs_2023.jsonl")));
    }

    [Fact]
    public async Task dataset_is_refused_for_a_mapping_of_several_datasets_and_nothing_is_imported()
    {
        using var workspace = new CliWorkspace();
        workspace.Write("customs.csv", Customs);
        var mapping = workspace.Write("customs.yml", TwoDatasets);

        var (exit, _, error) = await CliWorkspace.RunAsync("import", "--mapping", mapping, "--db", workspace.Database, "--dataset", "customs");

        Assert.Equal(1, exit);
        Assert.Contains("--dataset names one dataset, but " + mapping + " maps 2 (customs_2022, customs_2023)", error, StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.Database));
    }
}
