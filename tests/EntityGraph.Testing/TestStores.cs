using EntityGraph.Core.Storage;
using EntityGraph.Storage.Neo4j;
using EntityGraph.Storage.Sqlite;
using Xunit.Sdk;

namespace EntityGraph.Testing;

/// <summary>
/// The stores tests run against: SQLite always, Neo4j when <c>ENTITYGRAPH_NEO4J_URI</c> (with
/// <c>ENTITYGRAPH_NEO4J_USER</c>/<c>ENTITYGRAPH_NEO4J_PASSWORD</c> or <c>ENTITYGRAPH_NEO4J_TOKEN</c>, and
/// optionally <c>ENTITYGRAPH_NEO4J_DATABASE</c>) names a server. Each Neo4j test empties that database
/// first: point it at a server kept for tests. Without a server, a Neo4j test is reported as skipped,
/// with the reason, never as passed.
/// </summary>
public static class TestStores
{
    public const string Sqlite = "sqlite";

    public const string Neo4j = "neo4j";

    public const string UriVariable = "ENTITYGRAPH_NEO4J_URI";

    /// <summary>Why Neo4j tests are skipped here.</summary>
    public const string NoNeo4jServer =
        "No Neo4j server to run against: set ENTITYGRAPH_NEO4J_URI (e.g. http://127.0.0.1:7474) and ENTITYGRAPH_NEO4J_USER/ENTITYGRAPH_NEO4J_PASSWORD.";

    /// <summary>The server from the environment, or null when none is configured.</summary>
    public static Neo4jStoreOptions? Neo4jServer()
    {
        var uri = Environment.GetEnvironmentVariable(UriVariable);
        if (string.IsNullOrWhiteSpace(uri))
            return null;
        var options = new Neo4jStoreOptions
        {
            Uri = new Uri(uri),
            User = Environment.GetEnvironmentVariable("ENTITYGRAPH_NEO4J_USER"),
            Password = Environment.GetEnvironmentVariable("ENTITYGRAPH_NEO4J_PASSWORD"),
            Token = Environment.GetEnvironmentVariable("ENTITYGRAPH_NEO4J_TOKEN"),
        };
        if (Environment.GetEnvironmentVariable("ENTITYGRAPH_NEO4J_DATABASE") is { Length: > 0 } database)
            options.Database = database;
        return options;
    }

    /// <summary>An empty Neo4j store on the configured server (not yet initialized); skips the test when there is none.</summary>
    public static async Task<Neo4jGraphStore> EmptyNeo4jAsync(CancellationToken cancellationToken)
    {
        var options = Neo4jServer() ?? throw SkipException.ForSkip(NoNeo4jServer);
        var store = Neo4jGraphStore.Open(options);
        await store.DeleteEverythingAsync(cancellationToken);
        return store;
    }

    /// <summary>A fresh, initialized, empty store of the kind (<see cref="Sqlite"/> or <see cref="Neo4j"/>), holding <paramref name="entities"/> when given.</summary>
    public static async Task<TestStore> CreateAsync(string kind, IReadOnlyList<Core.Model.FtmEntity>? entities, CancellationToken cancellationToken)
    {
        TempDatabase? file = null;
        IGraphStore store;
        switch (kind)
        {
            case Sqlite:
                file = TempDatabase.Create("entitygraph-test");
                store = new SqliteGraphStore(new SqliteStoreOptions { Path = file.Path });
                break;
            case Neo4j:
                store = await EmptyNeo4jAsync(cancellationToken);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "The stores are 'sqlite' and 'neo4j'.");
        }

        var created = new TestStore(store, file);
        try
        {
            await store.InitializeAsync(cancellationToken);
            if (entities is not null)
                await store.UpsertAsync(entities, new ImportRun("fixture", "fixture-run-1", DateTimeOffset.UnixEpoch), cancellationToken);
            return created;
        }
        catch
        {
            await created.DisposeAsync();
            throw;
        }
    }
}

/// <summary>A store made for one test, with whatever files it needs, removed on dispose.</summary>
public sealed class TestStore(IGraphStore store, TempDatabase? file) : IAsyncDisposable
{
    public IGraphStore Store { get; } = store;

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        file?.Dispose();
    }
}
