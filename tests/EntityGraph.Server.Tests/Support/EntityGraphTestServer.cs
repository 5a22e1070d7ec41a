using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Server.Hosting;
using EntityGraph.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EntityGraph.Server.Tests.Support;

/// <summary>
/// The real server — the same <c>AddEntityGraph</c>/<c>MapEntityGraph</c> wiring as <c>serve</c> — over a
/// fresh SQLite file, in memory (TestServer) or on Kestrel on a free loopback port.
/// </summary>
public sealed class EntityGraphTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TempDatabase _database;

    private EntityGraphTestServer(WebApplication app, TempDatabase database, HttpClient client)
    {
        _app = app;
        _database = database;
        Client = client;
    }

    public HttpClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public string DatabasePath => _database.Path;

    /// <summary>The base URL when running on Kestrel.</summary>
    public string? Url { get; private set; }

    public static async Task<EntityGraphTestServer> StartAsync(
        IEnumerable<FtmEntity>? entities = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        bool kestrel = false,
        string environment = "Production")
    {
        var database = TempDatabase.Create("entitygraph-server");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment, Args = kestrel ? ["--urls", "http://127.0.0.1:0"] : [] });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{DatabaseOptions.Section}:Path"] = database.Path,
            [$"{DatabaseOptions.Section}:LoadDemoCase"] = "false",
        });
        if (settings is not null)
            builder.Configuration.AddInMemoryCollection(settings);
        if (!kestrel)
            builder.WebHost.UseTestServer();
        builder.Services.AddEntityGraph(builder.Configuration);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapEntityGraph();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var url = kestrel ? app.Urls.First() : null;
        var client = kestrel ? new HttpClient { BaseAddress = new Uri(url!) } : app.GetTestClient();
        var server = new EntityGraphTestServer(app, database, client) { Url = url };
        if (entities is not null)
            await app.Services.GetRequiredService<IGraphStore>().UpsertAsync([.. entities], ImportRun.Start("fixture"), TestContext.Current.CancellationToken);
        return server;
    }

    /// <summary>POSTs a query as application/json and returns the status and the parsed body.</summary>
    public async Task<(int Status, JsonNode Body)> PostAsync(string query, object? variables = null, string accept = "application/graphql-response+json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query, variables }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.Add(MediaTypeWithQualityHeaderValue.Parse(accept));
        using var response = await Client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return ((int)response.StatusCode, JsonNode.Parse(text)!);
    }

    /// <summary>The <c>data</c> of a query that must succeed, failing with the errors otherwise.</summary>
    public async Task<JsonNode> QueryAsync(string query, object? variables = null)
    {
        var (status, body) = await PostAsync(query, variables);
        Assert.True(status == 200 && body["errors"] is null, $"Expected data, got {status}: {body.ToJsonString()}");
        return body["data"]!;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        _database.Dispose();
    }
}
