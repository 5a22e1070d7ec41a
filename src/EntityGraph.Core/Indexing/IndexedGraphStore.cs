using System.Diagnostics;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Indexing;

/// <summary>
/// A store with what analysis reads most held in memory, never stale: trade expansions (the hops of a
/// trace), and the sender and receiver links around trading parties when the store streams them, are
/// answered from a <see cref="TradeIndex"/> while it is current, and parties read by id are
/// kept in a bounded cache, as are the links around single nodes with many of them. All are tied to the
/// store's data version: when it moves, whoever wrote, the caches are dropped and the index is built
/// again in the background, and until then the store answers.
/// Everything else passes straight through.
/// </summary>
public sealed class IndexedGraphStore(IGraphStore inner) : IGraphStore, ITradeIndexSource
{
    private readonly Lock _gate = new();
    private (TradeIndex Index, long Version)? _current;
    private Task? _building;
    private readonly Dictionary<string, Party> _parties = new(StringComparer.Ordinal);
    private long _partiesVersion = long.MinValue;
    private readonly ExpansionCache _expansions = new();

    /// <inheritdoc />
    public PartyShipmentCounts? ShipmentCounts { get; private set; }

    /// <summary>The most parties kept in memory; the cache starts over when it is full.</summary>
    public int PartyCacheSize { get; init; } = 200_000;

    /// <summary>The most links kept in memory around single nodes; the cache starts over when it is full.</summary>
    public int LinkCacheSize { get; init; } = 300_000;

    /// <summary>
    /// How many links a node must have, in a read that was not cut by its limit, for them to be kept: below
    /// it the store answers fast enough.
    /// </summary>
    public int CachedExpansionMinimum { get; init; } = 1_000;

    /// <summary>Told, in a sentence, when an index is built or fails to build.</summary>
    public Action<string>? Report { get; init; }

    /// <summary>The store underneath.</summary>
    public IGraphStore Inner => inner;

    /// <inheritdoc />
    public bool IndexReady => _current is not null;

    /// <summary>The current index and the data version it was built from, if any.</summary>
    public (TradeIndex Index, long Version)? Current => _current;

    /// <summary>Starts building the index if it is missing or stale; returns at once.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken) =>
        await CurrentIndexAsync(cancellationToken);

    /// <summary>Builds the index now and waits for it (tests and benchmarks).</summary>
    public async Task BuildNowAsync(CancellationToken cancellationToken) =>
        await BuildAsync(await inner.GetDataVersionAsync(cancellationToken), cancellationToken);

    public async Task<IReadOnlyList<Trade>> ExpandTradesAsync(ShipmentExpansion expansion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (TradeIndex.Answers(expansion.Role) && await CurrentIndexAsync(cancellationToken) is { } index)
            return index.Expand(expansion);
        return await inner.ExpandTradesAsync(expansion, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<TradeIndex?> CurrentIndexAsync(CancellationToken cancellationToken)
    {
        var version = await inner.GetDataVersionAsync(cancellationToken);
        lock (_gate)
        {
            if (_current is { } current && current.Version == version)
                return current.Index;
            // The counts read from the old index would keep it in memory beside the new one.
            _current = null;
            ShipmentCounts = null;
            if (_building is null || _building.IsCompleted)
                _building = Task.Run(() => BuildAsync(version, CancellationToken.None), CancellationToken.None);
            return null;
        }
    }

    private async Task BuildAsync(long version, CancellationToken cancellationToken)
    {
        try
        {
            var clock = Stopwatch.StartNew();
            var index = await TradeIndex.BuildAsync(inner, cancellationToken);
            var counts = PartyShipmentCounts.From(index, version);
            lock (_gate)
            {
                _current = (index, version);
                ShipmentCounts = counts;
            }

            // Reading millions of rows leaves as much garbage as the index itself; give it back once, now.
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            Report?.Invoke($"Trade index ready: {index.Count:N0} shipments in memory, built in {clock.Elapsed.TotalSeconds:N1} s.");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The store keeps answering; the next expansion tries again.
            Report?.Invoke($"Trade index could not be built ({e.GetType().Name}: {e.Message}); traces read from the store.");
        }
    }

    public Task InitializeAsync(CancellationToken cancellationToken) => inner.InitializeAsync(cancellationToken);

    public Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken) => inner.GetStatusAsync(cancellationToken);

    public Task<UpsertResult> UpsertAsync(IReadOnlyList<FtmEntity> entities, ImportRun run, CancellationToken cancellationToken) => inner.UpsertAsync(entities, run, cancellationToken);

    public Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken) => inner.BeginBulkLoadAsync(cancellationToken);

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) => inner.DeleteAsync(id, cancellationToken);

    public Task<IReadOnlyList<FtmEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetEntitiesAsync(ids, cancellationToken);

    public async Task<IReadOnlyList<Party>> GetPartiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var version = await inner.GetDataVersionAsync(cancellationToken);
        var found = new List<Party>(ids.Count);
        var missing = new List<string>();
        lock (_parties)
        {
            if (_partiesVersion != version)
            {
                _parties.Clear();
                _partiesVersion = version;
            }

            foreach (var id in ids.Distinct(StringComparer.Ordinal))
            {
                if (_parties.TryGetValue(id, out var party))
                    found.Add(party);
                else
                    missing.Add(id);
            }
        }

        if (missing.Count == 0)
            return [.. found.OrderBy(p => p.Id, StringComparer.Ordinal)];
        var read = await inner.GetPartiesAsync(missing, cancellationToken);
        lock (_parties)
        {
            if (_partiesVersion == version)
            {
                if (_parties.Count + read.Count > PartyCacheSize)
                    _parties.Clear();
                foreach (var party in read)
                    _parties[party.Id] = party;
            }
        }

        if (found.Count == 0)
            return read;
        found.AddRange(read);
        return [.. found.OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    public Task<IReadOnlyList<Shipment>> GetShipmentsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetShipmentsAsync(ids, cancellationToken);

    public Task<IReadOnlyList<Sanction>> GetSanctionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetSanctionsAsync(ids, cancellationToken);

    public Task<IReadOnlyList<Address>> GetAddressesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetAddressesAsync(ids, cancellationToken);

    public Task<IReadOnlyList<Link>> GetLinksAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) => inner.GetLinksAsync(ids, cancellationToken);

    public Task<SearchPage> SearchAsync(PartySearch query, CancellationToken cancellationToken) => inner.SearchAsync(query, cancellationToken);

    /// <summary>
    /// The links around the nodes, as the store would answer. The links of a node with many of them are kept
    /// from a complete read and taken from memory the next time it is asked about; the other nodes are read.
    /// </summary>
    public async Task<IReadOnlyList<Link>> ExpandAsync(LinkExpansion expansion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (expansion.NodeIds.Count == 0 || expansion.Limit <= 0)
            return await ReadLinksAsync(expansion, cancellationToken);
        var version = await inner.GetDataVersionAsync(cancellationToken);
        var shape = ExpansionCache.Shape.Of(expansion);
        var nodes = expansion.NodeIds.Distinct(StringComparer.Ordinal).ToList();
        var held = new List<Link>();
        var missing = new List<string>();
        foreach (var node in nodes)
        {
            if (_expansions.TryGet(node, shape, expansion.Limit, version, out var links))
                held.AddRange(links);
            else
                missing.Add(node);
        }

        if (held.Count == 0 && missing.Count == nodes.Count)
        {
            var all = await ReadLinksAsync(expansion, cancellationToken);
            Keep(expansion, shape, version, all);
            return all;
        }

        if (nodes.Count == 1)
            return held;
        var read = missing.Count == 0 ? [] : await ReadLinksAsync(expansion with { NodeIds = missing }, cancellationToken);
        // Only the nodes read: a link between one of them and a node held is not all of the held node's links.
        Keep(expansion with { NodeIds = missing }, shape, version, read);
        held.AddRange(read);
        return InStoreOrder(held, nodes, expansion.Limit);
    }

    /// <summary>Keeps the links of each node with many, from a read that the limit did not cut.</summary>
    private void Keep(LinkExpansion expansion, ExpansionCache.Shape shape, long version, IReadOnlyList<Link> links)
    {
        if (links.Count >= expansion.Limit || links.Count < CachedExpansionMinimum)
            return;
        if (expansion.NodeIds.Count == 1)
        {
            _expansions.Add(expansion.NodeIds.First(), shape, version, links, CachedExpansionMinimum, LinkCacheSize);
            return;
        }

        var outgoing = expansion.Direction != LinkDirection.Incoming;
        var incoming = expansion.Direction != LinkDirection.Outgoing;
        var asked = expansion.NodeIds.ToHashSet(StringComparer.Ordinal);
        var byNode = new Dictionary<string, List<Link>>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (outgoing && asked.Contains(link.SourceId))
                Of(link.SourceId).Add(link);
            if (incoming && link.TargetId != link.SourceId && asked.Contains(link.TargetId))
                Of(link.TargetId).Add(link);
        }

        foreach (var (node, ofNode) in byNode)
            _expansions.Add(node, shape, version, ofNode, CachedExpansionMinimum, LinkCacheSize);

        List<Link> Of(string node)
        {
            if (!byNode.TryGetValue(node, out var list))
                byNode[node] = list = [];
            return list;
        }
    }

    /// <summary>
    /// Links gathered around the nodes in parts, as the store returns them: a link between two of the
    /// nodes once, in order of link id and then the entity it was read from, at most the limit.
    /// </summary>
    private static List<Link> InStoreOrder(List<Link> links, IReadOnlyCollection<string> nodeIds, int limit)
    {
        var nodes = nodeIds as IReadOnlySet<string> ?? nodeIds.ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string, string)>();
        links.RemoveAll(l => nodes.Contains(l.SourceId) && nodes.Contains(l.TargetId) && !seen.Add((l.Id, l.Provenance.SourceId)));
        // No two links left share both keys, so an unstable sort gives the store's order.
        links.Sort(static (a, b) => string.CompareOrdinal(a.Id, b.Id) is var byId and not 0 ? byId : string.CompareOrdinal(a.Provenance.SourceId, b.Provenance.SourceId));
        if (links.Count > limit)
            links.RemoveRange(limit, links.Count - limit);
        return links;
    }

    /// <summary>
    /// The links around the nodes, as the store would answer: when the index holds role links, the sender
    /// and receiver links of trading parties and the role links of shipments are built from it, and the
    /// store is asked only for the rest; merged in the store's order (link id, then the entity it was
    /// read from) and cut to the limit.
    /// </summary>
    private async Task<IReadOnlyList<Link>> ReadLinksAsync(LinkExpansion expansion, CancellationToken cancellationToken)
    {
        var kinds = expansion.Kinds is { Count: > 0 } asked ? asked : AllLinkKinds;
        var outgoing = expansion.Direction != LinkDirection.Incoming;
        var incoming = expansion.Direction != LinkDirection.Outgoing;
        // A party is the source of its sender links and the target of its receiver links; a shipment the other way round.
        var sent = kinds.Contains(LinkKind.Sent);
        var received = kinds.Contains(LinkKind.Received);
        var declared = kinds.Contains(LinkKind.Declared);
        if (expansion.NodeIds.Count == 0 || expansion.Limit <= 0 || !(sent || received || declared)
            || await CurrentIndexAsync(cancellationToken) is not { HoldsRoleLinks: true } index)
            return await inner.ExpandAsync(expansion, cancellationToken);

        var links = new List<Link>();
        var parties = new List<string>();
        var linkedShipments = new List<string>();
        var others = new List<string>();
        var distinct = expansion.NodeIds.Distinct(StringComparer.Ordinal).ToList();
        foreach (var node in distinct)
        {
            if (index.Knows(node))
            {
                parties.Add(node);
                index.AddRoleLinks(node, sent && outgoing, received && incoming, links);
            }
            else if (index.TryGetShipment(node, out var row))
            {
                index.AddShipmentLinks(row, sent && incoming, received && outgoing, declared && incoming, links);
                if (index.HasOtherLinks(row))
                    linkedShipments.Add(node);
            }
            else
            {
                others.Add(node);
            }
        }

        if (others.Count == distinct.Count)
            return await inner.ExpandAsync(expansion, cancellationToken);
        await ReadAsync(parties, kinds.Where(k => k is not (LinkKind.Sent or LinkKind.Received)));
        await ReadAsync(linkedShipments, kinds.Where(k => k is not (LinkKind.Sent or LinkKind.Received or LinkKind.Declared)));
        await ReadAsync(others, kinds);

        // A link between two of the nodes may come from both of its ends; the store gives it once.
        return InStoreOrder(links, distinct, expansion.Limit);

        async Task ReadAsync(List<string> ids, IEnumerable<LinkKind> of)
        {
            var left = of.Distinct().ToArray();
            if (ids.Count > 0 && left.Length > 0)
                links.AddRange(await inner.ExpandAsync(expansion with { NodeIds = ids, Kinds = left }, cancellationToken));
        }
    }

    private static readonly LinkKind[] AllLinkKinds = Enum.GetValues<LinkKind>();

    public Task<IReadOnlyList<Shipment>> ExpandShipmentsAsync(ShipmentExpansion expansion, CancellationToken cancellationToken) => inner.ExpandShipmentsAsync(expansion, cancellationToken);

    public IAsyncEnumerable<Trade> StreamTradesAsync(CancellationToken cancellationToken) => inner.StreamTradesAsync(cancellationToken);

    public Task<long> GetDataVersionAsync(CancellationToken cancellationToken) => inner.GetDataVersionAsync(cancellationToken);

    public Task<IReadOnlyDictionary<string, ShipmentPage>> GetShipmentPagesAsync(ShipmentPageQuery query, CancellationToken cancellationToken) => inner.GetShipmentPagesAsync(query, cancellationToken);

    public Task<IReadOnlyList<TradeFlowBucket>> AggregateShipmentsAsync(TradeFlowQuery query, CancellationToken cancellationToken) => inner.AggregateShipmentsAsync(query, cancellationToken);

    public IAsyncEnumerable<FtmEntity> ExportAsync(CancellationToken cancellationToken) => inner.ExportAsync(cancellationToken);

    public IAsyncEnumerable<IReadOnlyList<StoredFragment>> ExportFragmentsAsync(CancellationToken cancellationToken) => inner.ExportFragmentsAsync(cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
