using EntityGraph.Core.Analysis.Paths;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Paths;

/// <summary>
/// A fixture graph loaded into a store of its own (<see cref="TestStores"/>), searched for paths, either on the
/// store itself or, indexed, through an <see cref="IndexedGraphStore"/> over it with its index built.
/// </summary>
public sealed class PathGraph : IAsyncDisposable
{
    private readonly TestStore _store;

    private PathGraph(TestStore store, IGraphStore searched, ITradeIndexSource? index = null)
    {
        _store = store;
        Finder = new PathFinder(searched, index);
    }

    public IGraphStore Store => _store.Store;

    public PathFinder Finder { get; }

    public static Task<PathGraph> LoadAsync(FtmGraph graph, CancellationToken cancellationToken, bool indexed = false) =>
        LoadAsync(graph.Entities, cancellationToken, indexed);

    public static async Task<PathGraph> LoadAsync(IReadOnlyList<FtmEntity> entities, CancellationToken cancellationToken, bool indexed = false)
    {
        var store = await TestStores.CreateAsync(TestStores.Sqlite, entities, cancellationToken);
        if (!indexed)
            return new(store, store.Store);
        // Not disposed itself: it would dispose the store, which the test store does.
        var indexedStore = new IndexedGraphStore(store.Store);
        await indexedStore.BuildNowAsync(cancellationToken);
        return new(store, indexedStore, indexedStore);
    }

    public Task<PathResult> FindAsync(PathQuery query) => Finder.FindAsync(query, TestContext.Current.CancellationToken);

    /// <summary>The paths as <c>node -[link]- node …</c>, one string each, in the order found.</summary>
    public async Task<List<string>> DescribeAsync(PathQuery query) => [.. (await FindAsync(query)).Connections.Select(Describe)];

    public static string Describe(Connection connection) =>
        string.Concat(connection.NodeIds.Select((node, i) => i == 0 ? node : $" -[{connection.Links[i - 1].Id}]- {node}"));

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
