using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Server.Tests.Support;

/// <summary>Passes every call to a real store; subclasses inject one fault (an exception, a delay).</summary>
public abstract class DelegatingGraphStore(IGraphStore inner) : IGraphStore
{
    public virtual Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public virtual Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken) => inner.GetStatusAsync(cancellationToken);

    public virtual Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken) => inner.BeginBulkLoadAsync(cancellationToken);

    public virtual Task<UpsertResult> UpsertAsync(IReadOnlyList<FtmEntity> entities, ImportRun run, CancellationToken cancellationToken) => inner.UpsertAsync(entities, run, cancellationToken);

    public virtual Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);

    public virtual Task<IReadOnlyList<FtmEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetEntitiesAsync(ids, cancellationToken);

    public virtual Task<IReadOnlyList<Party>> GetPartiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetPartiesAsync(ids, cancellationToken);

    public virtual Task<IReadOnlyList<Shipment>> GetShipmentsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetShipmentsAsync(ids, cancellationToken);

    public virtual Task<IReadOnlyList<Sanction>> GetSanctionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetSanctionsAsync(ids, cancellationToken);

    public virtual Task<IReadOnlyList<Address>> GetAddressesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetAddressesAsync(ids, cancellationToken);

    public virtual Task<IReadOnlyList<Link>> GetLinksAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetLinksAsync(ids, cancellationToken);

    public virtual Task<SearchPage> SearchAsync(PartySearch query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<Link>> ExpandAsync(LinkExpansion expansion, CancellationToken cancellationToken) => inner.ExpandAsync(expansion, cancellationToken);

    public virtual Task<IReadOnlyList<Shipment>> ExpandShipmentsAsync(ShipmentExpansion expansion, CancellationToken cancellationToken) => inner.ExpandShipmentsAsync(expansion, cancellationToken);

    public virtual IAsyncEnumerable<Trade> StreamTradesAsync(CancellationToken cancellationToken) => inner.StreamTradesAsync(cancellationToken);

    public virtual Task<long> GetDataVersionAsync(CancellationToken cancellationToken) => inner.GetDataVersionAsync(cancellationToken);

    public virtual Task<IReadOnlyList<Trade>> ExpandTradesAsync(ShipmentExpansion expansion, CancellationToken cancellationToken) => inner.ExpandTradesAsync(expansion, cancellationToken);

    public virtual Task<IReadOnlyDictionary<string, ShipmentPage>> GetShipmentPagesAsync(ShipmentPageQuery query, CancellationToken cancellationToken) => inner.GetShipmentPagesAsync(query, cancellationToken);

    public virtual Task<IReadOnlyList<TradeFlowBucket>> AggregateShipmentsAsync(TradeFlowQuery query, CancellationToken cancellationToken) => inner.AggregateShipmentsAsync(query, cancellationToken);

    public virtual IAsyncEnumerable<FtmEntity> ExportAsync(CancellationToken cancellationToken) => inner.ExportAsync(cancellationToken);

    public virtual IAsyncEnumerable<IReadOnlyList<StoredFragment>> ExportFragmentsAsync(CancellationToken cancellationToken) => inner.ExportFragmentsAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
