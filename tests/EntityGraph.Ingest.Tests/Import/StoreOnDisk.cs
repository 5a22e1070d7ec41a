using System.Text;
using EntityGraph.Ingest.FollowTheMoney;
using EntityGraph.Ingest.Import;
using EntityGraph.Storage.Sqlite;
using EntityGraph.Testing;

namespace EntityGraph.Ingest.Tests.Import;

/// <summary>A real SQLite store in a fresh file, with the importer and exporter wired to it.</summary>
public sealed class StoreOnDisk : IAsyncDisposable
{
    private readonly TempDatabase _database = TempDatabase.Create("eg-ingest");

    private StoreOnDisk() => Store = new SqliteGraphStore(new SqliteStoreOptions { Path = _database.Path });

    public SqliteGraphStore Store { get; }

    public static async Task<StoreOnDisk> CreateAsync()
    {
        var store = new StoreOnDisk();
        await store.Store.InitializeAsync(TestContext.Current.CancellationToken);
        return store;
    }

    public Task<ImportSummary> ImportAsync(string path, FtmImportOptions? options = null, IProgress<ImportProgress>? progress = null) =>
        new FtmImporter(Store).ImportAsync(path, options, progress, TestContext.Current.CancellationToken);

    /// <summary>The whole store as FtM JSON lines.</summary>
    public async Task<string> ExportAsync()
    {
        var output = new MemoryStream();
        await using (var writer = new FtmLineWriter(output, leaveOpen: true))
            await writer.WriteAllAsync(Store.ExportAsync(TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _database.Dispose();
    }
}
