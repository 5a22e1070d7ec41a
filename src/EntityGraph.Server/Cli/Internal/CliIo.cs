using System.CommandLine;
using System.IO.Compression;
using EntityGraph.Core.Storage;
using EntityGraph.Server.Hosting;
using EntityGraph.Storage.Sqlite;

namespace EntityGraph.Server.Cli.Internal;

/// <summary>What the import, export and generate commands share: opening the store and the output, and failing cleanly.</summary>
internal static class CliIo
{
    public const string DefaultDatabase = "data/entitygraph.db";

    /// <summary><c>--store sqlite|neo4j</c>; without it the commands use <c>ENTITYGRAPH_STORE</c> (<c>EntityGraph:Store</c>), else SQLite.</summary>
    public static Option<string?> StoreOption()
    {
        var option = new Option<string?>("--store") { Description = "The store: sqlite (the --db file) or neo4j (the server in ENTITYGRAPH_NEO4J_URI, ENTITYGRAPH_NEO4J_USER, ENTITYGRAPH_NEO4J_PASSWORD). Default: ENTITYGRAPH_STORE, else sqlite." };
        option.AcceptOnlyFromAmong("sqlite", "neo4j");
        return option;
    }

    /// <summary>The commands' settings: appsettings.json beside the executable, <c>EntityGraph__…</c> and the short environment variables.</summary>
    public static IConfiguration Configuration(string? store)
    {
        var builder = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddShortEnvironmentNames();
        if (store is not null)
            builder.AddInMemoryCollection(new Dictionary<string, string?> { [StoreSettings.StoreKey] = store });
        return builder.Build();
    }

    /// <summary>What a command tells the user it read from or wrote to.</summary>
    public static string Describe(string? store, string databasePath) =>
        StoreSettings.Kind(Configuration(store)) == StoreKind.Neo4j ? "Neo4j" : databasePath;

    /// <summary>
    /// Opens the store: the SQLite file (created, with <paramref name="create"/>, when missing) or the
    /// Neo4j server of the configuration (its schema created when missing); or fails naming what is wrong.
    /// </summary>
    public static async Task<IGraphStore> OpenStoreAsync(string? storeOption, string path, bool create, CancellationToken cancellationToken)
    {
        StoreKind kind;
        IConfiguration configuration;
        try
        {
            configuration = Configuration(storeOption);
            kind = StoreSettings.Kind(configuration);
        }
        catch (InvalidOperationException e)
        {
            throw new CliFailure(e.Message, e);
        }

        return kind == StoreKind.Neo4j ? await OpenNeo4jAsync(configuration, cancellationToken) : await OpenStoreAsync(path, create, cancellationToken);
    }

    private static async Task<IGraphStore> OpenNeo4jAsync(IConfiguration configuration, CancellationToken cancellationToken)
    {
        IGraphStore? store = null;
        try
        {
            store = StoreFactory.Open(StoreKind.Neo4j, configuration, DefaultDatabase);
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (store is not null)
                await store.DisposeAsync();
            throw new CliFailure($"cannot open the Neo4j store: {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>Opens (and for <paramref name="create"/>, creates) the database, or fails naming the file.</summary>
    public static async Task<SqliteGraphStore> OpenStoreAsync(string path, bool create, CancellationToken cancellationToken)
    {
        if (!create && !File.Exists(path))
            throw new CliFailure($"database '{path}' does not exist");
        SqliteGraphStore? store = null;
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
                Directory.CreateDirectory(directory);
            store = new SqliteGraphStore(new SqliteStoreOptions { Path = path });
            await store.InitializeAsync(cancellationToken);
            return store;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (store is not null)
                await store.DisposeAsync();
            throw new CliFailure($"cannot open database '{path}': {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>A file (gzip-compressed when its name ends in <c>.gz</c>) or stdout for <c>-</c>.</summary>
    public static Stream OpenOutput(string path)
    {
        if (path == "-")
            return Console.OpenStandardOutput();
        try
        {
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } directory)
                Directory.CreateDirectory(directory);
            Stream file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest) : file;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliFailure($"cannot write '{path}': {FirstLine(ex.Message)}", ex);
        }
    }

    /// <summary>Runs a command body, turning failures into one line on stderr and exit code 1.</summary>
    public static async Task<int> RunAsync(string command, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"entitygraph {command}: cancelled");
            return 1;
        }
        catch (CliFailure failure)
        {
            await Console.Error.WriteLineAsync($"entitygraph {command}: {failure.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or Microsoft.Data.Sqlite.SqliteException
            or StoreUnavailableException or EntityGraph.Storage.Neo4j.QueryApi.Neo4jException)
        {
            await Console.Error.WriteLineAsync($"entitygraph {command}: {FirstLine(ex.Message)}");
            return 1;
        }
    }

    public static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
