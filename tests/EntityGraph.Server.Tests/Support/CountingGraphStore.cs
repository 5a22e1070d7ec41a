using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Server.Tests.Support;

/// <summary>Instrumentation over a real store: counts the calls of each method and passes them on.</summary>
public sealed class CountingGraphStore(IGraphStore inner) : IGraphStore
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public int Calls(string method) => _calls.GetValueOrDefault(method);

    public int TotalReads => _calls.Where(c => c.Key != nameof(InitializeAsync) && c.Key != nameof(GetStatusAsync)).Sum(c => c.Value);

    public void Reset() => _calls.Clear();

    public IReadOnlyDictionary<string, int> Snapshot() => new Dictionary<string, int>(_calls);

    private T Count<T>(T result, [CallerMemberName] string method = "")
    {
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        return result;
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => Count(inner.InitializeAsync(cancellationToken));

    public Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken) => Count(inner.GetStatusAsync(cancellationToken));

    public Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken) => Count(inner.BeginBulkLoadAsync(cancellationToken));

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<FtmEntity> entities, ImportRun run, CancellationToken cancellationToken) => Count(inner.UpsertAsync(entities, run, cancellationToken));

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => Count(inner.DeleteAsync(id, cancellationToken));

    public Task<IReadOnlyList<FtmEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Count(inner.GetEntitiesAsync(ids, cancellationToken));

    public Task<IReadOnlyList<Party>> GetPartiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Count(inner.GetPartiesAsync(ids, cancellationToken));

    public Task<IReadOnlyList<Shipment>> GetShipmentsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Count(inner.GetShipmentsAsync(ids, cancellationToken));

    public Task<IReadOnlyList<Sanction>> GetSanctionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Count(inner.GetSanctionsAsync(ids, cancellationToken));

    public Task<IReadOnlyList<Address>> GetAddressesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Count(inner.GetAddressesAsync(ids, cancellationToken));

    public Task<IReadOnlyList<Link>> GetLinksAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => Count(inner.GetLinksAsync(ids, cancellationToken));

    public Task<SearchPage> SearchAsync(PartySearch query, CancellationToken cancellationToken) => Count(inner.SearchAsync(query, cancellationToken));

    public Task<IReadOnlyList<Link>> ExpandAsync(LinkExpansion expansion, CancellationToken cancellationToken) => Count(inner.ExpandAsync(expansion, cancellationToken));

    public Task<IReadOnlyList<Shipment>> ExpandShipmentsAsync(ShipmentExpansion expansion, CancellationToken cancellationToken) => Count(inner.ExpandShipmentsAsync(expansion, cancellationToken));

    public IAsyncEnumerable<Trade> StreamTradesAsync(CancellationToken cancellationToken) => inner.StreamTradesAsync(cancellationToken);

    public Task<long> GetDataVersionAsync(CancellationToken cancellationToken) => inner.GetDataVersionAsync(cancellationToken);

    public Task<IReadOnlyList<Trade>> ExpandTradesAsync(ShipmentExpansion expansion, CancellationToken cancellationToken) => Count(inner.ExpandTradesAsync(expansion, cancellationToken));

    public Task<IReadOnlyDictionary<string, ShipmentPage>> GetShipmentPagesAsync(ShipmentPageQuery query, CancellationToken cancellationToken) => Count(inner.GetShipmentPagesAsync(query, cancellationToken));

    public Task<IReadOnlyList<TradeFlowBucket>> AggregateShipmentsAsync(TradeFlowQuery query, CancellationToken cancellationToken) => Count(inner.AggregateShipmentsAsync(query, cancellationToken));

    public IAsyncEnumerable<FtmEntity> ExportAsync(CancellationToken cancellationToken) => Count(inner.ExportAsync(cancellationToken));

    public IAsyncEnumerable<IReadOnlyList<StoredFragment>> ExportFragmentsAsync(CancellationToken cancellationToken) => Count(inner.ExportFragmentsAsync(cancellationToken));

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
