using EntityGraph.Core.Analysis.TradeFlows;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Sqlite;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.TradeFlows;

/// <summary>A fixture graph loaded into its own SQLite file, with a trade-flow calculator over it.</summary>
public sealed class FlowGraph : IAsyncDisposable
{
    private readonly TempDatabase _database;

    private FlowGraph(TempDatabase database, SqliteGraphStore store)
    {
        _database = database;
        Store = store;
        Calculator = new TradeFlowCalculator(store);
    }

    public SqliteGraphStore Store { get; }

    public TradeFlowCalculator Calculator { get; }

    public static async Task<FlowGraph> LoadAsync(FtmGraph graph, CancellationToken cancellationToken)
    {
        var database = TempDatabase.Create("entitygraph-flows");
        var store = new SqliteGraphStore(new SqliteStoreOptions { Path = database.Path });
        await store.InitializeAsync(cancellationToken);
        await store.UpsertAsync(graph.Entities, ImportRun.Start("fixture"), cancellationToken);
        return new FlowGraph(database, store);
    }

    public Task<TradeFlowResult> FlowsAsync(TradeFlowRequest request) => Calculator.CalculateAsync(request, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        _database.Dispose();
    }
}
