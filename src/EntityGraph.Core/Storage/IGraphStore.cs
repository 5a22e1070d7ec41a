using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>
/// The port every store implements (SQLite embedded, Neo4j for scale). It speaks the domain: batched
/// upserts of FollowTheMoney entities, fetches by id, name search, and batched expansion of a set of
/// nodes. Analysis runs in Core over this port; no SQL or Cypher leaks above it. Every method that
/// takes ids answers for all of them in one round trip, and silently skips ids it does not hold.
/// </summary>
public interface IGraphStore : IAsyncDisposable
{
    /// <summary>Creates the schema, or migrates it to the current version.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes a batch of validated entities for a run, in one transaction: fragments of the same id
    /// within the run are merged, earlier values of the run's dataset are replaced, other datasets'
    /// values stay. Running the same batch again changes nothing. Entities that cannot be merged
    /// (incompatible schemata) are refused and reported; the rest of the batch is written.
    /// </summary>
    Task<UpsertResult> UpsertAsync(IReadOnlyList<FtmEntity> entities, ImportRun run, CancellationToken cancellationToken);

    /// <summary>
    /// Announces a large import. A store may set aside structures that are cheaper to build once at
    /// the end than to keep up row by row (secondary indexes, the name index); disposing the returned
    /// handle builds them again. Reads stay correct meanwhile, only slower. A store for which this
    /// brings nothing returns a handle that does nothing.
    /// </summary>
    Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken);

    /// <summary>Removes an entity from every dataset, with the links read from it. False when unknown.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken);

    /// <summary>The merged FtM entities (all schemata) with their datasets.</summary>
    Task<IReadOnlyList<FtmEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<IReadOnlyList<Party>> GetPartiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<IReadOnlyList<Shipment>> GetShipmentsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<IReadOnlyList<Sanction>> GetSanctionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<IReadOnlyList<Address>> GetAddressesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>Links by their own ids.</summary>
    Task<IReadOnlyList<Link>> GetLinksAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    Task<SearchPage> SearchAsync(PartySearch query, CancellationToken cancellationToken);

    /// <summary>The links around a set of nodes, ordered by link id.</summary>
    Task<IReadOnlyList<Link>> ExpandAsync(LinkExpansion expansion, CancellationToken cancellationToken);

    /// <summary>The shipments of a set of parties in one role, ordered by date then id.</summary>
    Task<IReadOnlyList<Shipment>> ExpandShipmentsAsync(ShipmentExpansion expansion, CancellationToken cancellationToken);

    /// <summary>The same shipments as <see cref="ExpandShipmentsAsync"/>, in the same order, read as <see cref="Trade"/>s.</summary>
    Task<IReadOnlyList<Trade>> ExpandTradesAsync(ShipmentExpansion expansion, CancellationToken cancellationToken);

    /// <summary>
    /// Every shipment as a trade, in no particular order, streamed; for building in-memory indexes. A store
    /// that can gives each its <see cref="Trade.Links"/>, so that an index can also answer for role links;
    /// one that gives none for some shipment leaves role links to the store.
    /// </summary>
    IAsyncEnumerable<Trade> StreamTradesAsync(CancellationToken cancellationToken);

    /// <summary>
    /// A number that changes whenever a change to the data is committed, by this process or another one;
    /// the same number means the same data. Caches built from the store compare it to know they are current.
    /// </summary>
    Task<long> GetDataVersionAsync(CancellationToken cancellationToken);

    /// <summary>A page of shipments for each party (parties with none get an empty page).</summary>
    Task<IReadOnlyDictionary<string, ShipmentPage>> GetShipmentPagesAsync(ShipmentPageQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Shipment counts and value sums per calendar year (or month) and per value of the dimensions asked
    /// for, computed where the data lives; the same buckets as <see cref="TradeFlowQuery.Aggregate"/>.
    /// </summary>
    Task<IReadOnlyList<TradeFlowBucket>> AggregateShipmentsAsync(TradeFlowQuery query, CancellationToken cancellationToken);

    /// <summary>Every entity, merged, ordered by id, streamed.</summary>
    IAsyncEnumerable<FtmEntity> ExportAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Every entity's fragments as stored, one list per entity, ordered by id and within it by dataset, streamed.
    /// <see cref="FtmFragments.Merge(IReadOnlyList{StoredFragment})"/> of a list gives what <see cref="ExportAsync"/> gives.
    /// An entity stored merged only, without its split per dataset, comes as one fragment with an empty run id.
    /// </summary>
    IAsyncEnumerable<IReadOnlyList<StoredFragment>> ExportFragmentsAsync(CancellationToken cancellationToken);
}
