using EntityGraph.Server.Tests.Support;

namespace EntityGraph.Server.Tests.Cli;

/// <summary>The command line as a user types it: options without a command mean <c>serve</c>.</summary>
public sealed class DefaultCommandTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
    {
        var work = Directory.CreateTempSubdirectory("entitygraph-cli-");
        try
        {
            return await ChildProcess.RunAsync(ServeProcess.Start(work.FullName, arguments), Timeout);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task urls_db_and_empty_without_a_command_serve_the_named_database_on_that_address()
    {
        await using var server = await ServeProcess.StartCommandAsync(["--urls", "http://127.0.0.1:{port}", "--db", "cases/own.db", "--empty"]);

        using var response = await server.Client.PostAsync(
            "/graphql",
            new StringContent("""{"query":"{ search(text: \"acme\") { totalCount } }"}""", System.Text.Encoding.UTF8, "application/json"),
            TestContext.Current.CancellationToken);

        Assert.Contains("\"totalCount\":0", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(server.WorkingDirectory.FullName, "cases", "own.db")), "--db without a command must name the database served. Log:\n" + server.Log);
        Assert.DoesNotContain("demo case", server.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task urls_without_a_command_is_serves_option_and_its_checks_apply()
    {
        var (exitCode, _, error) = await RunAsync("--urls", "http://0.0.0.0:5080");

        Assert.Equal(1, exitCode);
        Assert.Contains("Refusing to listen on http://0.0.0.0:5080: no API token is set", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task store_without_a_command_is_serves_option_and_an_unknown_store_is_named()
    {
        var (exitCode, _, error) = await RunAsync("--store", "postgres");

        Assert.Equal(1, exitCode);
        Assert.Contains("postgres", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized command or argument", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_option_without_a_command_is_an_error_naming_it()
    {
        var (exitCode, output, error) = await RunAsync("--frobnicate");

        Assert.Equal(1, exitCode);
        Assert.Contains("Unrecognized command or argument '--frobnicate'", error, StringComparison.Ordinal);
        Assert.Contains("serve [options]", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task help_without_a_command_lists_every_command(string help)
    {
        var (exitCode, output, _) = await RunAsync(help);

        Assert.Equal(0, exitCode);
        Assert.Contains("entitygraph [command] [options]", output, StringComparison.Ordinal);
        foreach (var command in new[] { "serve", "import", "export", "generate" })
            Assert.Contains($"  {command} ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("serve", "--urls")]
    [InlineData("import", "--dataset")]
    [InlineData("export", "--format")]
    [InlineData("generate", "--shipments")]
    public async Task each_command_keeps_its_own_help(string command, string option)
    {
        var (exitCode, output, _) = await RunAsync(command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains($"entitygraph {command} ", output, StringComparison.Ordinal);
        Assert.Contains(option, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task version_without_a_command_prints_the_version()
    {
        var (exitCode, output, _) = await RunAsync("--version");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"^\d+\.\d+", output.Trim());
    }
}
