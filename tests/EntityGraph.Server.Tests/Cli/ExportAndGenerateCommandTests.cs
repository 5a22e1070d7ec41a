namespace EntityGraph.Server.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class ExportAndGenerateCommandTests
{
    [Fact]
    public async Task the_same_seed_generates_the_same_file()
    {
        using var workspace = new CliWorkspace();

        var (first, _, _) = await CliWorkspace.RunAsync("generate", "--out", workspace.File("a.jsonl"), "--parties", "300", "--shipments", "300", "--seed", "3");
        var (second, _, _) = await CliWorkspace.RunAsync("generate", "--out", workspace.File("b.jsonl"), "--parties", "300", "--shipments", "300", "--seed", "3");

        Assert.Equal(0, first);
        Assert.Equal(0, second);
        Assert.Equal(800, File.ReadAllLines(workspace.File("a.jsonl")).Length);
        Assert.Equal(File.ReadAllBytes(workspace.File("a.jsonl")), File.ReadAllBytes(workspace.File("b.jsonl")));
    }

    [Fact]
    public async Task a_generated_case_imports_cleanly_and_its_export_reimports_to_the_same_export()
    {
        using var workspace = new CliWorkspace();
        await CliWorkspace.RunAsync("generate", "--out", workspace.File("case.ftm.jsonl.gz"), "--parties", "600", "--shipments", "1000");

        var (imported, _, _) = await CliWorkspace.RunAsync("import", workspace.File("case.ftm.jsonl.gz"), "--db", workspace.Database);
        var (exported, _, exportLog) = await CliWorkspace.RunAsync("export", "--format", "ftm", "--db", workspace.Database, "--out", workspace.File("export.jsonl"));
        var (reimported, _, _) = await CliWorkspace.RunAsync("import", workspace.File("export.jsonl"), "--db", workspace.File("fresh.db"), "--dataset", "case");
        await CliWorkspace.RunAsync("export", "--db", workspace.File("fresh.db"), "--out", workspace.File("export-again.jsonl"));

        Assert.Equal([0, 0, 0], [imported, exported, reimported]);
        Assert.Contains("Exported 2,000 entities", exportLog, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(workspace.File("export.jsonl")), File.ReadAllText(workspace.File("export-again.jsonl")));
    }

    [Fact]
    public async Task generate_makes_as_many_parties_as_parties_says_and_its_help_says_so()
    {
        using var workspace = new CliWorkspace();

        var (exit, _, _) = await CliWorkspace.RunAsync("generate", "--out", workspace.File("case.jsonl"), "--parties", "300", "--shipments", "10");
        var (_, help, _) = await CliWorkspace.RunAsync("generate", "--help");

        Assert.Equal(0, exit);
        var schemata = File.ReadLines(workspace.File("case.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("schema").GetString()).ToList();
        Assert.Equal(300, schemata.Count(s => s is "Company" or "Person"));
        Assert.Contains("--parties", help, StringComparison.Ordinal);
        Assert.Contains("Parties: two thirds companies, one third persons.", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task exporting_a_database_that_does_not_exist_fails_without_creating_it()
    {
        using var workspace = new CliWorkspace();

        var (exit, _, error) = await CliWorkspace.RunAsync("export", "--db", workspace.File("none.db"));

        Assert.Equal(1, exit);
        Assert.Equal($"entitygraph export: database '{workspace.File("none.db")}' does not exist", error.TrimEnd());
        Assert.False(File.Exists(workspace.File("none.db")));
    }
}
