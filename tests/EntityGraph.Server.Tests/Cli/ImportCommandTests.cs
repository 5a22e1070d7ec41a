using System.Diagnostics;
using System.Text.Json;

namespace EntityGraph.Server.Tests.Cli;

[Collection(ConsoleCollection.Name)]
public class ImportCommandTests
{
    private const string Acme = """{"id":"acme","schema":"Company","properties":{"name":["Acme GmbH"],"country":["de"]}}""";
    private const string Ivanov = """{"id":"ivanov","schema":"Person","properties":{"name":["Иван Иванов"]}}""";
    private const string Stakeless = """{"id":"own-1","schema":"Ownership","properties":{"owner":["ivanov"]}}""";

    [Fact]
    public async Task a_file_whose_lines_are_all_accepted_exits_with_zero_and_a_summary()
    {
        using var workspace = new CliWorkspace();
        var file = workspace.Write("case.ftm.jsonl", Acme + "\n" + Ivanov + "\n");

        var (exit, output, _) = await CliWorkspace.RunAsync("import", file, "--db", workspace.Database);

        Assert.Equal(0, exit);
        Assert.Contains("into dataset 'case'", output, StringComparison.Ordinal);
        Assert.Matches(@"accepted\s+2", output);
        Assert.Matches(@"rejected\s+0", output);
        Assert.Contains("entities/s", output, StringComparison.Ordinal);
        Assert.True(File.Exists(workspace.Database));
    }

    [Fact]
    public async Task rejected_lines_exit_with_two_and_are_named_in_the_summary()
    {
        using var workspace = new CliWorkspace();
        var file = workspace.Write("case.jsonl", Acme + "\n" + Stakeless + "\n");

        var (exit, output, _) = await CliWorkspace.RunAsync("import", file, "--db", workspace.Database, "--rejects", workspace.File("bad.jsonl"));

        Assert.Equal(2, exit);
        Assert.Contains(workspace.File("bad.jsonl"), output, StringComparison.Ordinal);
        var reject = JsonDocument.Parse(File.ReadAllText(workspace.File("bad.jsonl"))).RootElement;
        Assert.Equal(2, reject.GetProperty("line").GetInt32());
        Assert.Equal("Ownership requires 'asset', which is missing", reject.GetProperty("reasons")[0].GetString());
        Assert.Equal(Stakeless, reject.GetProperty("original").GetString());
    }

    [Fact]
    public async Task json_prints_the_summary_as_one_object_on_stdout()
    {
        using var workspace = new CliWorkspace();
        var file = workspace.Write("demo-case.ftm.jsonl", Acme + "\n" + Stakeless + "\n" + Ivanov + "\n");

        var (exit, output, _) = await CliWorkspace.RunAsync("import", file, "--db", workspace.Database, "--json", "--dataset", "registry");

        Assert.Equal(2, exit);
        var summary = JsonDocument.Parse(output).RootElement;
        Assert.Equal("registry", summary.GetProperty("dataset").GetString());
        Assert.Equal(3, summary.GetProperty("lines").GetInt32());
        Assert.Equal(2, summary.GetProperty("accepted").GetInt32());
        Assert.Equal(1, summary.GetProperty("rejected").GetInt32());
        Assert.Equal(1, summary.GetProperty("bySchema").GetProperty("Person").GetInt32());
        Assert.Equal(file + ".rejects.jsonl", summary.GetProperty("rejectsPath").GetString());
        Assert.True(summary.GetProperty("entitiesPerSecond").GetDouble() > 0);
    }

    [Fact]
    public async Task a_missing_file_exits_with_one_and_a_single_line_naming_it()
    {
        using var workspace = new CliWorkspace();

        var (exit, _, error) = await CliWorkspace.RunAsync("import", workspace.File("nope.jsonl"), "--db", workspace.Database);

        Assert.Equal(1, exit);
        Assert.Equal($"entitygraph import: input file '{workspace.File("nope.jsonl")}' does not exist", error.TrimEnd());
    }

    [Fact]
    public async Task a_database_that_is_not_sqlite_exits_with_one_and_names_the_file()
    {
        using var workspace = new CliWorkspace();
        var file = workspace.Write("case.jsonl", Acme + "\n");
        var notADatabase = workspace.Write("notes.db", "these are my notes, not a database");

        var (exit, _, error) = await CliWorkspace.RunAsync("import", file, "--db", notADatabase);

        Assert.Equal(1, exit);
        Assert.StartsWith($"entitygraph import: cannot open database '{notADatabase}'", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task standard_input_is_imported_by_the_real_executable()
    {
        using var workspace = new CliWorkspace();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workspace.Root,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { typeof(Server.Cli.EntityGraphCli).Assembly.Location, "import", "-", "--db", workspace.Database, "--json" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(Acme + "\n" + Stakeless + "\n");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        var summary = JsonDocument.Parse(output).RootElement;
        Assert.Equal("stdin", summary.GetProperty("dataset").GetString());
        Assert.Equal(1, summary.GetProperty("accepted").GetInt32());
        Assert.True(File.Exists(workspace.File("stdin.rejects.jsonl")));
    }
}
