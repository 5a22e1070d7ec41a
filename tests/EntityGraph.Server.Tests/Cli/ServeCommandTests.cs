using System.Net;
using System.Net.Http.Headers;
using System.Text;
using EntityGraph.Server.Hosting;
using EntityGraph.Server.Tests.Support;

namespace EntityGraph.Server.Tests.Cli;

public sealed class ServeCommandTests
{
    private const string Query = """{"query":"{ search(text: \"acme\") { totalCount } }"}""";

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://example.org:5080")]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.5:5080")]
    public async Task serving_on_a_non_loopback_address_without_a_token_is_refused_with_exit_code_1(string urls)
    {
        var work = Directory.CreateTempSubdirectory("entitygraph-serve-");
        try
        {
            var (exitCode, _, error) = await ChildProcess.RunAsync(ServeProcess.Start(work.FullName, ["serve", "--urls", urls]), TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            Assert.Contains("no API token is set", error, StringComparison.Ordinal);
            Assert.Contains("ENTITYGRAPH_API_TOKEN", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(work.FullName, "data")), "A refused serve must not create a database.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task serving_on_a_non_loopback_address_with_a_short_token_is_refused_naming_the_minimum_length()
    {
        var work = Directory.CreateTempSubdirectory("entitygraph-serve-");
        try
        {
            var start = ServeProcess.Start(work.FullName, ["serve", "--urls", "http://0.0.0.0:5080"], new Dictionary<string, string?> { ["ENTITYGRAPH_API_TOKEN"] = "too-short-a-secret" });

            var (exitCode, _, error) = await ChildProcess.RunAsync(start, TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            Assert.Contains("the API token has 18 characters, fewer than 32", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(work.FullName, "data")), "A refused serve must not create a database.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task with_a_long_token_in_the_short_environment_variable_serve_listens_on_every_interface_and_requires_it()
    {
        var token = new string('k', 40);
        await using var server = await ServeProcess.StartAsync(
            ["--urls", "http://0.0.0.0:{port}", "--empty"],
            new Dictionary<string, string?> { ["ENTITYGRAPH_API_TOKEN"] = token });

        using var anonymous = await server.Client.PostAsync("/graphql", new StringContent(Query, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent(Query, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var authenticated = await server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, authenticated.StatusCode);
        Assert.Contains("\"totalCount\":0", await authenticated.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("bearer token required", server.Log, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.8.9.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("https://localhost:5443", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://localhost.example.org:5080", false)]
    public void only_loopback_addresses_count_as_loopback(string url, bool loopback) =>
        Assert.Equal(loopback, LoopbackUrls.IsLoopback(url));

    [Fact]
    public async Task serve_with_no_database_creates_it_loads_the_demo_case_and_reports_ready()
    {
        await using var server = await ServeProcess.StartAsync(["--urls", "http://127.0.0.1:{port}"]);

        var ready = false;
        for (var attempt = 0; attempt < 120 && !ready; attempt++)
        {
            using var response = await server.Client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
            ready = response.IsSuccessStatusCode;
            if (!ready)
                await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.True(ready, "The server did not become ready. Log:\n" + server.Log);
        Assert.True(File.Exists(Path.Combine(server.WorkingDirectory.FullName, "data", "entitygraph.db")));
        Assert.Contains("demo case", server.Log, StringComparison.Ordinal);
        Assert.Contains("entitygraph.db", server.Log, StringComparison.Ordinal);
        Assert.Contains($"{server.Client.BaseAddress!.ToString().TrimEnd('/')}", server.Log, StringComparison.Ordinal);
        Assert.Contains("no authentication", server.Log, StringComparison.Ordinal);
    }
}
