using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Analysis.Tracing;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.Tracing;

/// <summary>
/// A fixture graph loaded into a store of its own (SQLite, or Neo4j when configured), traced with direct
/// restrictions as of <see cref="AsOf"/>; with <see cref="SqliteIndexed"/>, traced from the trade index
/// the server keeps in memory instead of from the store.
/// </summary>
public sealed class TracedGraph : IAsyncDisposable
{
    /// <summary>SQLite behind an <see cref="IndexedGraphStore"/> whose trade index is built, as the server runs.</summary>
    public const string SqliteIndexed = "sqlite-indexed";

    public static readonly DateOnly AsOf = new(2026, 11, 27);

    private readonly TestStore _store;
    private readonly RestrictionCache _verdicts = new();

    private TracedGraph(TestStore store, IGraphStore traced, ITradeIndexSource? index = null)
    {
        _store = store;
        Store = traced;
        Index = index;
        Tracer = new ChainTracer(Store, new DirectRestrictions(Store, AsOf), Index);
    }

    public IGraphStore Store { get; }

    /// <summary>The trade index the tracers read, when the graph is traced over one.</summary>
    public ITradeIndexSource? Index { get; }

    public ChainTracer Tracer { get; }

    public static Task<TracedGraph> LoadAsync(FtmGraph graph, CancellationToken cancellationToken, string store = TestStores.Sqlite) =>
        LoadAsync(graph.Entities, cancellationToken, store);

    /// <summary>Loads the entities into a fresh store of the kind (<see cref="TestStores"/>); a Neo4j test is skipped without a server.</summary>
    public static async Task<TracedGraph> LoadAsync(IReadOnlyList<FtmEntity> entities, CancellationToken cancellationToken, string store = TestStores.Sqlite)
    {
        if (store != SqliteIndexed)
        {
            var plain = await TestStores.CreateAsync(store, entities, cancellationToken);
            return new TracedGraph(plain, plain.Store);
        }

        var sqlite = await TestStores.CreateAsync(TestStores.Sqlite, entities, cancellationToken);
        var indexed = new IndexedGraphStore(sqlite.Store);
        await indexed.BuildNowAsync(cancellationToken);
        return new TracedGraph(sqlite, indexed, indexed);
    }

    public Task<TraceResult> TraceAsync(TraceQuery query) => Tracer.TraceAsync(query, TestContext.Current.CancellationToken);

    /// <summary>A tracer that stops at parties restricted under an ownership rule, not only direct sanctions.</summary>
    /// <remarks>Verdicts are kept between the traces of this graph, as the server keeps them.</remarks>
    public ChainTracer WithRule(OwnershipRule rule, DateOnly asOf) => new(Store, new OwnershipRuleRestrictions(Store, rule, asOf, _verdicts), Index);

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
