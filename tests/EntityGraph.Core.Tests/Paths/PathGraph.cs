using EntityGraph.Core.Analysis.Paths;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Sqlite;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Paths;

/// <summary>A fixture graph loaded into its own SQLite file, searched for paths.</summary>
public sealed class PathGraph : IAsyncDisposable
{
    private readonly TempDatabase _database;

    private PathGraph(TempDatabase database, SqliteGraphStore store)
    {
        _database = database;
        Store = store;
        Finder = new PathFinder(store);
    }

    public SqliteGraphStore Store { get; }

    public PathFinder Finder { get; }

    public static Task<PathGraph> LoadAsync(FtmGraph graph, CancellationToken cancellationToken) =>
        LoadAsync(graph.Entities, cancellationToken);

    public static async Task<PathGraph> LoadAsync(IReadOnlyList<FtmEntity> entities, CancellationToken cancellationToken)
    {
        var database = TempDatabase.Create("entitygraph-paths");
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database.Path });
        await store.InitializeAsync(cancellationToken);
        await store.UpsertAsync(entities, ImportRun.Start("fixture"), cancellationToken);
        return new PathGraph(database, store);
    }

    public Task<PathResult> FindAsync(PathQuery query) => Finder.FindAsync(query, TestContext.Current.CancellationToken);

    /// <summary>The paths as <c>node -[link]- node …</c>, one string each, in the order found.</summary>
    public async Task<List<string>> DescribeAsync(PathQuery query) => [.. (await FindAsync(query)).Connections.Select(Describe)];

    public static string Describe(Connection connection) =>
        string.Concat(connection.NodeIds.Select((node, i) => i == 0 ? node : $" -[{connection.Links[i - 1].Id}]- {node}"));

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _database.Dispose();
    }
}
