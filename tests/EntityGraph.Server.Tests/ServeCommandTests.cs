using EntityGraph.Server.Hosting;
using EntityGraph.Server.Tests.Support;

namespace EntityGraph.Server.Tests;

public sealed class ServeCommandTests
{
    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://[::]:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:5080")]
    [InlineData("http://192.168.1.20:5080")]
    [InlineData("http://example.org:5080")]
    [InlineData("http://127.0.0.1:5080;http://10.0.0.5:5080")]
    public async Task serving_on_a_non_loopback_address_is_refused_with_exit_code_1(string urls)
    {
        var entitygraph = Path.Combine(AppContext.BaseDirectory, "entitygraph.dll");
        var work = Directory.CreateTempSubdirectory("entitygraph-serve-");
        try
        {
            var (exitCode, _, error) = await ChildProcess.RunAsync("dotnet", [entitygraph, "serve", "--urls", urls], work.FullName, TimeSpan.FromSeconds(60));

            Assert.Equal(1, exitCode);
            Assert.Contains("authentication does not exist yet", error, StringComparison.Ordinal);
            Assert.False(Directory.Exists(Path.Combine(work.FullName, "data")), "A refused serve must not create a database.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
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
        var entitygraph = Path.Combine(AppContext.BaseDirectory, "entitygraph.dll");
        var work = Directory.CreateTempSubdirectory("entitygraph-serve-");
        var port = FreePort();
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { WorkingDirectory = work.FullName, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { entitygraph, "serve", "--urls", $"http://127.0.0.1:{port}" })
            start.ArgumentList.Add(argument);
        using var process = System.Diagnostics.Process.Start(start)!;
        var log = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            var ready = false;
            for (var attempt = 0; attempt < 120 && !ready; attempt++)
            {
                try
                {
                    using var response = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);
                    ready = response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(250, TestContext.Current.CancellationToken);
                }
            }

            Assert.True(ready, "The server did not become ready. Log:\n" + log);
            Assert.True(File.Exists(Path.Combine(work.FullName, "data", "entitygraph.db")));
            string text;
            lock (log)
                text = log.ToString();
            Assert.Contains("demo case", text, StringComparison.Ordinal);
            Assert.Contains("entitygraph.db", text, StringComparison.Ordinal);
            Assert.Contains($"http://127.0.0.1:{port}", text, StringComparison.Ordinal);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            work.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
