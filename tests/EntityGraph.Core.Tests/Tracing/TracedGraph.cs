using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Tracing;

/// <summary>A fixture graph loaded into a store of its own (SQLite, or Neo4j when configured), traced with direct restrictions as of <see cref="AsOf"/>.</summary>
public sealed class TracedGraph : IAsyncDisposable
{
    public static readonly DateOnly AsOf = new(2026, 11, 27);

    private readonly TestStore _store;

    private TracedGraph(TestStore store)
    {
        _store = store;
        Tracer = new ChainTracer(Store, new DirectRestrictions(Store, AsOf));
    }

    public IGraphStore Store => _store.Store;

    public ChainTracer Tracer { get; }

    public static Task<TracedGraph> LoadAsync(FtmGraph graph, CancellationToken cancellationToken, string store = TestStores.Sqlite) =>
        LoadAsync(graph.Entities, cancellationToken, store);

    /// <summary>Loads the entities into a fresh store of the kind (<see cref="TestStores"/>); a Neo4j test is skipped without a server.</summary>
    public static async Task<TracedGraph> LoadAsync(IReadOnlyList<FtmEntity> entities, CancellationToken cancellationToken, string store = TestStores.Sqlite) =>
        new(await TestStores.CreateAsync(store, entities, cancellationToken));

    public Task<TraceResult> TraceAsync(TraceQuery query) => Tracer.TraceAsync(query, TestContext.Current.CancellationToken);

    /// <summary>A tracer that stops at parties restricted under an ownership rule, not only direct sanctions.</summary>
    public ChainTracer WithRule(OwnershipRule rule, DateOnly asOf) => new(Store, new OwnershipRuleRestrictions(Store, rule, asOf));

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
