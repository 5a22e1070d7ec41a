using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Sqlite;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Tracing;

/// <summary>A fixture graph loaded into its own SQLite file, traced with direct restrictions as of <see cref="AsOf"/>.</summary>
public sealed class TracedGraph : IAsyncDisposable
{
    public static readonly DateOnly AsOf = new(2026, 11, 27);

    private readonly TempDatabase _database;

    private TracedGraph(TempDatabase database, SqliteGraphStore store)
    {
        _database = database;
        Store = store;
        Tracer = new ChainTracer(store, new DirectRestrictions(store, AsOf));
    }

    public SqliteGraphStore Store { get; }

    public ChainTracer Tracer { get; }

    public static Task<TracedGraph> LoadAsync(FtmGraph graph, CancellationToken cancellationToken) =>
        LoadAsync(graph.Entities, cancellationToken);

    public static async Task<TracedGraph> LoadAsync(IReadOnlyList<FtmEntity> entities, CancellationToken cancellationToken)
    {
        var database = TempDatabase.Create("entitygraph-trace");
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database.Path });
        await store.InitializeAsync(cancellationToken);
        await store.UpsertAsync(entities, ImportRun.Start("fixture"), cancellationToken);
        return new TracedGraph(database, store);
    }

    public Task<TraceResult> TraceAsync(TraceQuery query) => Tracer.TraceAsync(query, TestContext.Current.CancellationToken);

    /// <summary>A tracer that stops at parties restricted under an ownership rule, not only direct sanctions.</summary>
    public ChainTracer WithRule(OwnershipRule rule, DateOnly asOf) => new(Store, new OwnershipRuleRestrictions(Store, rule, asOf));

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _database.Dispose();
    }
}
