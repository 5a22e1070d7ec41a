using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Ownership;

/// <summary>A fresh store (SQLite, or Neo4j when configured) holding a fixture graph, with a calculator over it.</summary>
internal sealed class ExposureStore(TestStore store) : IAsyncDisposable
{
    public IGraphStore Store => store.Store;

    public ExposureCalculator Calculator => new(Store);

    public static async Task<ExposureStore> OpenAsync(IReadOnlyList<FtmEntity> entities, CancellationToken cancellationToken, string kind = TestStores.Sqlite) =>
        new(await TestStores.CreateAsync(kind, entities, cancellationToken));

    public ValueTask DisposeAsync() => store.DisposeAsync();
}
