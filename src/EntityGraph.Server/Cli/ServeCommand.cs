using System.CommandLine;
using EntityGraph.Server.Auth;
using EntityGraph.Server.Cli.Internal;
using EntityGraph.Server.Hosting;

namespace EntityGraph.Server.Cli;

/// <summary>
/// The <c>serve</c> command (the default): the GraphQL API over a database. It listens beyond loopback
/// only when an API token of at least <see cref="AuthOptions.MinimumTokenLength"/> characters is set.
/// </summary>
internal static class ServeCommand
{
    /// <summary>The command's name, which the command line supplies when none is given.</summary>
    public const string Name = "serve";

    public static Command Create()
    {
        var db = new Option<string?>("--db") { Description = "The SQLite database file; created, with the bundled demo case, when it does not exist (default: EntityGraph:Database:Path, else data/entitygraph.db)." };
        var urls = new Option<string>("--urls") { Description = $"Where to listen, separated by ';'. Addresses other than loopback need an API token ({AuthOptions.TokenEnvironmentVariable}) of at least {AuthOptions.MinimumTokenLength} characters.", DefaultValueFactory = _ => LoopbackUrls.Default };
        var empty = new Option<bool>("--empty") { Description = "Do not load the demo case into a new database." };
        var store = CliIo.StoreOption();
        var command = new Command(Name, "Serve the GraphQL API (/graphql) and health checks (/health/live, /health/ready).") { db, urls, empty, store };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(db), parse.GetValue(urls)!, parse.GetValue(empty), parse.GetValue(store), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? db, string urls, bool empty, string? store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(urls))
        {
            await Console.Error.WriteLineAsync($"--urls is empty; give at least one address, e.g. --urls {LoopbackUrls.Default}.");
            return 1;
        }

        // Settings (appsettings.json) ship beside the executable; data paths stay relative to the current directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls(urls);
        builder.Configuration.AddShortEnvironmentNames();
        var overrides = new Dictionary<string, string?>();
        if (db is not null)
            overrides[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Path)}"] = db;
        if (empty)
            overrides[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.LoadDemoCase)}"] = bool.FalseString;
        if (store is not null)
            overrides[StoreSettings.StoreKey] = store;
        builder.Configuration.AddInMemoryCollection(overrides);
        StoreKind kind;
        try
        {
            kind = StoreSettings.Kind(builder.Configuration);
            if (kind == StoreKind.Neo4j)
                StoreFactory.Neo4jOptions(builder.Configuration);
        }
        catch (InvalidOperationException e)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return 1;
        }

        // Checked before anything is built, so that a refused serve creates no database.
        var token = builder.Configuration[AuthOptions.TokenKey]?.Trim();
        var refused = LoopbackUrls.NonLoopback(urls);
        if (refused.Count > 0 && (token is null || token.Length < AuthOptions.MinimumTokenLength))
        {
            var why = string.IsNullOrEmpty(token)
                ? "no API token is set"
                : $"the API token has {token.Length} characters, fewer than {AuthOptions.MinimumTokenLength}";
            await Console.Error.WriteLineAsync(
                $"Refusing to listen on {string.Join(", ", refused)}: {why}. Without a token of at least {AuthOptions.MinimumTokenLength} characters EntityGraph serves on loopback only "
                + $"(localhost, 127.0.0.1 or [::1], e.g. --urls {LoopbackUrls.Default}). To serve beyond loopback, set a random token "
                + $"in {AuthOptions.TokenEnvironmentVariable} (or EntityGraph__Auth__Token), e.g. "
                + $"{AuthOptions.TokenEnvironmentVariable}=$(openssl rand -hex 32); clients then send 'Authorization: Bearer <token>'.");
            return 1;
        }

        builder.Services.AddEntityGraph(builder.Configuration);

        await using var app = builder.Build();
        app.MapEntityGraph();
        await app.StartAsync(cancellationToken);
        var database = kind == StoreKind.Neo4j
            ? (await app.Services.GetRequiredService<EntityGraph.Core.Storage.IGraphStore>().GetStatusAsync(cancellationToken)).Description
            : Path.GetFullPath(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.Path);
        app.Logger.LogInformation("EntityGraph is serving {Database} at {Urls} (GraphQL at /graphql, {Authentication})", database, string.Join(", ", app.Urls), string.IsNullOrEmpty(token) ? "no authentication" : "bearer token required");
        await app.WaitForShutdownAsync(cancellationToken);
        return 0;
    }
}
