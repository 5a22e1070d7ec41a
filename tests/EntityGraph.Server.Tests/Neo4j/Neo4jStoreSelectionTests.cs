using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using EntityGraph.Server.Tests.Support;

namespace EntityGraph.Server.Tests.Neo4j;

/// <summary>
/// Choosing the Neo4j store, checked without a Neo4j server: the real <c>entitygraph</c> process is
/// pointed at a loopback port where nothing listens, which is what a Neo4j that is down looks like.
/// </summary>
public sealed class Neo4jStoreSelectionTests
{
    private const string Query = """{"query":"{ search(text: \"Elektronika\") { totalCount } }"}""";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> DownNeo4j() => new()
    {
        ["ENTITYGRAPH_STORE"] = "neo4j",
        ["ENTITYGRAPH_NEO4J_URI"] = $"http://127.0.0.1:{ClosedPort()}",
        ["ENTITYGRAPH_NEO4J_USER"] = "neo4j",
        ["ENTITYGRAPH_NEO4J_PASSWORD"] = "not-a-real-password",
        ["EntityGraph__Neo4j__RetryBudget"] = "00:00:00.300",
    };

    [Fact]
    public async Task with_neo4j_down_serve_starts_answers_store_unavailable_and_is_not_ready()
    {
        await using var server = await ServeProcess.StartAsync(["--urls", "http://127.0.0.1:{port}"], DownNeo4j());

        using var response = await server.Client.PostAsync("/graphql", new StringContent(Query, Encoding.UTF8, "application/json"), Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var error = body.RootElement.GetProperty("errors")[0];
        Assert.Equal("STORE_UNAVAILABLE", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("store is unavailable", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-password", body.RootElement.GetRawText(), StringComparison.Ordinal);

        using var ready = await server.Client.GetAsync("/health/ready", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var live = await server.Client.GetAsync("/health/live", Ct);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Contains("Serving anyway", server.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("not-a-real-password", server.Log, StringComparison.Ordinal);
        // Nothing was created for SQLite: the configured store is Neo4j.
        Assert.False(Directory.Exists(Path.Combine(server.WorkingDirectory.FullName, "data")));
    }

    [Fact]
    public async Task serve_on_neo4j_without_a_server_address_refuses_to_start_and_says_which_setting_is_missing()
    {
        var (exitCode, error, _) = await RunAsync(_ => ["serve", "--store", "neo4j"], new Dictionary<string, string?> { ["ENTITYGRAPH_NEO4J_URI"] = null });

        Assert.Equal(1, exitCode);
        Assert.Contains("ENTITYGRAPH_NEO4J_URI", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_unknown_store_is_refused_naming_the_value()
    {
        var (exitCode, error, _) = await RunAsync(_ => ["serve"], new Dictionary<string, string?> { ["ENTITYGRAPH_STORE"] = "postgres" });

        Assert.Equal(1, exitCode);
        Assert.Contains("'postgres'", error, StringComparison.Ordinal);
        Assert.Contains("'sqlite' or 'neo4j'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task import_with_neo4j_down_fails_in_one_line_naming_the_store_and_writes_nothing_locally()
    {
        var (exitCode, error, createdData) = await RunAsync(
            work =>
            {
                var input = Path.Combine(work, "case.ftm.jsonl");
                File.WriteAllText(input, """{"id":"acme","schema":"Company","properties":{"name":["Acme"]}}""" + "\n");
                return ["import", "--store", "neo4j", input];
            },
            DownNeo4j());

        Assert.Equal(1, exitCode);
        Assert.StartsWith("entitygraph import: cannot open the Neo4j store:", error.Trim(), StringComparison.Ordinal);
        Assert.Contains("unavailable", error, StringComparison.Ordinal);
        Assert.False(createdData);
    }

    /// <summary>Runs <c>entitygraph</c> in a fresh directory with the arguments made for it; its exit code, stderr, and whether it created <c>data/</c>.</summary>
    private static async Task<(int ExitCode, string Error, bool CreatedData)> RunAsync(Func<string, string[]> arguments, Dictionary<string, string?> environment)
    {
        var work = Directory.CreateTempSubdirectory("entitygraph-neo4j-");
        try
        {
            var (exitCode, _, error) = await ChildProcess.RunAsync(ServeProcess.Start(work.FullName, arguments(work.FullName), environment), TimeSpan.FromSeconds(60));
            return (exitCode, error, Directory.Exists(Path.Combine(work.FullName, "data")));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
