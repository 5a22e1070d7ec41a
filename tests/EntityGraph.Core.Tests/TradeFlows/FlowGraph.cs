using EntityGraph.Core.Analysis.TradeFlows;
using EntityGraph.Core.Storage;
using EntityGraph.Testing;

namespace EntityGraph.Core.Tests.TradeFlows;

/// <summary>A fixture graph loaded into a store of its own (<see cref="TestStores"/>), with a trade-flow calculator over it.</summary>
public sealed class FlowGraph : IAsyncDisposable
{
    private readonly TestStore _store;

    private FlowGraph(TestStore store)
    {
        _store = store;
        Calculator = new TradeFlowCalculator(Store);
    }

    public IGraphStore Store => _store.Store;

    public TradeFlowCalculator Calculator { get; }

    public static async Task<FlowGraph> LoadAsync(FtmGraph graph, CancellationToken cancellationToken) =>
        new(await TestStores.CreateAsync(TestStores.Sqlite, graph.Entities, cancellationToken));

    public Task<TradeFlowResult> FlowsAsync(TradeFlowRequest request) => Calculator.CalculateAsync(request, TestContext.Current.CancellationToken);

    public ValueTask DisposeAsync() => _store.DisposeAsync();
}
