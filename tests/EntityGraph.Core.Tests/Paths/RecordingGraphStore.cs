using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Tests.Paths;

/// <summary>
/// Passes every call to a real store and keeps the link expansions it was asked for, in order. Without
/// <see cref="StreamsTradeLinks"/>, its trades come without their links, as from a store that does not
/// stream them (Neo4j), so that a trade index over it holds no role links.
/// </summary>
public sealed class RecordingGraphStore(IGraphStore inner) : IGraphStore
{
    private readonly List<LinkExpansion> _expansions = [];

    /// <summary>Whether streamed trades keep the links the store gave them.</summary>
    public bool StreamsTradeLinks { get; init; } = true;

    /// <summary>The link expansions asked for so far.</summary>
    public IReadOnlyList<LinkExpansion> Expansions => _expansions;

    public Task<IReadOnlyList<Link>> ExpandAsync(LinkExpansion expansion, CancellationToken cancellationToken)
    {
        _expansions.Add(expansion);
        return inner.ExpandAsync(expansion, cancellationToken);
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken) => inner.GetStatusAsync(cancellationToken);

    public Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken) => inner.BeginBulkLoadAsync(cancellationToken);

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<FtmEntity> entities, ImportRun run, CancellationToken cancellationToken) => inner.UpsertAsync(entities, run, cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);

    public Task<IReadOnlyList<FtmEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetEntitiesAsync(ids, cancellationToken);

    public Task<IReadOnlyList<Party>> GetPartiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetPartiesAsync(ids, cancellationToken);

    public Task<IReadOnlyList<Shipment>> GetShipmentsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetShipmentsAsync(ids, cancellationToken);

    public Task<IReadOnlyList<Sanction>> GetSanctionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetSanctionsAsync(ids, cancellationToken);

    public Task<IReadOnlyList<Address>> GetAddressesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetAddressesAsync(ids, cancellationToken);

    public Task<IReadOnlyList<Link>> GetLinksAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetLinksAsync(ids, cancellationToken);

    public Task<SearchPage> SearchAsync(PartySearch query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);

    public Task<IReadOnlyList<Shipment>> ExpandShipmentsAsync(ShipmentExpansion expansion, CancellationToken cancellationToken) => inner.ExpandShipmentsAsync(expansion, cancellationToken);

    public async IAsyncEnumerable<Trade> StreamTradesAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var trade in inner.StreamTradesAsync(cancellationToken))
            yield return StreamsTradeLinks ? trade : trade with { Links = null };
    }

    public Task<long> GetDataVersionAsync(CancellationToken cancellationToken) => inner.GetDataVersionAsync(cancellationToken);

    public Task<IReadOnlyList<Trade>> ExpandTradesAsync(ShipmentExpansion expansion, CancellationToken cancellationToken) => inner.ExpandTradesAsync(expansion, cancellationToken);

    public Task<IReadOnlyDictionary<string, ShipmentPage>> GetShipmentPagesAsync(ShipmentPageQuery query, CancellationToken cancellationToken) => inner.GetShipmentPagesAsync(query, cancellationToken);

    public Task<IReadOnlyList<TradeFlowBucket>> AggregateShipmentsAsync(TradeFlowQuery query, CancellationToken cancellationToken) => inner.AggregateShipmentsAsync(query, cancellationToken);

    public IAsyncEnumerable<FtmEntity> ExportAsync(CancellationToken cancellationToken) => inner.ExportAsync(cancellationToken);

    public IAsyncEnumerable<IReadOnlyList<StoredFragment>> ExportFragmentsAsync(CancellationToken cancellationToken) => inner.ExportFragmentsAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
