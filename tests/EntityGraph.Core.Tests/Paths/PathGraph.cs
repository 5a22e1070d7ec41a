using EntityGraph.Core.Analysis.Paths;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Paths;

/// <summary>A fixture graph loaded into a store of its own (<see cref="TestStores"/>), searched for paths.</summary>
public sealed class PathGraph : IAsyncDisposable
{
    private readonly TestStore _store;

    private PathGraph(TestStore store)
    {
        _store = store;
        Finder = new PathFinder(Store);
    }

    public IGraphStore Store => _store.Store;

    public PathFinder Finder { get; }

    public static Task<PathGraph> LoadAsync(FtmGraph graph, CancellationToken cancellationToken) =>
        LoadAsync(graph.Entities, cancellationToken);

    public static async Task<PathGraph> LoadAsync(IReadOnlyList<FtmEntity> entities, CancellationToken cancellationToken) =>
        new(await TestStores.CreateAsync(TestStores.Sqlite, entities, cancellationToken));

    public Task<PathResult> FindAsync(PathQuery query) => Finder.FindAsync(query, TestContext.Current.CancellationToken);

    /// <summary>The paths as <c>node -[link]- node …</c>, one string each, in the order found.</summary>
    public async Task<List<string>> DescribeAsync(PathQuery query) => [.. (await FindAsync(query)).Connections.Select(Describe)];

    public static string Describe(Connection connection) =>
        string.Concat(connection.NodeIds.Select((node, i) => i == 0 ? node : $" -[{connection.Links[i - 1].Id}]- {node}"));

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
