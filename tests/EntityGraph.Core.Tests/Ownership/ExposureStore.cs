using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Sqlite;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Ownership;

/// <summary>A fresh SQLite file holding a fixture graph, with a calculator over it.</summary>
internal sealed class ExposureStore : IAsyncDisposable
{
    private readonly TempDatabase _database = TempDatabase.Create("exposure");

    private ExposureStore() => Store = new SqliteGraphStore(new SqliteStoreOptions { Path = _database.Path });

    public IGraphStore Store { get; }

    public ExposureCalculator Calculator => new(Store);

    public static async Task<ExposureStore> OpenAsync(IReadOnlyList<FtmEntity> entities, CancellationToken cancellationToken)
    {
        var store = new ExposureStore();
        await store.Store.InitializeAsync(cancellationToken);
        await store.Store.UpsertAsync(entities, new ImportRun("fixture", "run-1", DateTimeOffset.UnixEpoch), cancellationToken);
        return store;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _database.Dispose();
    }
}
