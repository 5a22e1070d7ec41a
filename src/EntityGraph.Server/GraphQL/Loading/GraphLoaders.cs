using System.Collections.Concurrent;
using EntityGraph.Core.Analysis.Ownership;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using EntityGraph.Server.GraphQL.Errors;
using GraphQL.DataLoader;

namespace EntityGraph.Server.GraphQL.Loading;

/// <summary>
/// The batch loaders of one request. A search returning a hundred parties with their owners and
/// the owners' names costs a fixed number of store calls (search, links, parties), not one per party.
/// </summary>
internal sealed class GraphLoaders
{
    // The store returns at most this many links per batch; a level of a response never needs more.
    private const int LinkBatchLimit = 100_000;

    private readonly IGraphStore _store;
    private readonly ConcurrentDictionary<(LinkKind, LinkDirection), BatchLoader<string, IReadOnlyList<Link>>> _links = new();
    private readonly ConcurrentDictionary<string, BatchLoader<string, ShipmentPage>> _shipmentPages = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(OwnershipRule, DateOnly), BatchLoader<string, Exposure>> _exposures = new();

    public GraphLoaders(IGraphStore store)
    {
        _store = store;
        Parties = new(async (ids, ct) => (await store.GetPartiesAsync(ids, ct)).ToDictionary(p => p.Id, StringComparer.Ordinal));
        Shipments = new(async (ids, ct) => (await store.GetShipmentsAsync(ids, ct)).ToDictionary(s => s.Id, StringComparer.Ordinal));
        Sanctions = new(async (ids, ct) => (await store.GetSanctionsAsync(ids, ct)).ToDictionary(s => s.Id, StringComparer.Ordinal));
        Addresses = new(async (ids, ct) => (await store.GetAddressesAsync(ids, ct)).ToDictionary(a => a.Id, StringComparer.Ordinal));
    }

    public BatchLoader<string, Party> Parties { get; }

    public BatchLoader<string, Shipment> Shipments { get; }

    public BatchLoader<string, Sanction> Sanctions { get; }

    public BatchLoader<string, Address> Addresses { get; }

    public IDataLoaderResult<Party?> Party(string? id) => id is null ? Done<Party>(null) : Parties.Load(id);

    /// <summary>The links of one kind at a node, in one direction (both: either end is the node).</summary>
    public IDataLoaderResult<IReadOnlyList<Link>?> Links(string nodeId, LinkKind kind, LinkDirection direction) =>
        _links.GetOrAdd((kind, direction), key => new BatchLoader<string, IReadOnlyList<Link>>(async (ids, ct) =>
        {
            var links = await _store.ExpandAsync(new LinkExpansion(ids, [key.Item1], key.Item2, Limit: LinkBatchLimit), ct);
            var wanted = ids.ToHashSet(StringComparer.Ordinal);
            var byNode = new Dictionary<string, IReadOnlyList<Link>>(StringComparer.Ordinal);
            foreach (var link in links)
            {
                if (key.Item2 != LinkDirection.Incoming && wanted.Contains(link.SourceId))
                    Append(byNode, link.SourceId, link);
                if (key.Item2 != LinkDirection.Outgoing && wanted.Contains(link.TargetId) && link.TargetId != link.SourceId)
                    Append(byNode, link.TargetId, link);
            }

            return byNode;
        })).Load(nodeId);

    /// <summary>The nodes at the far end of a node's links, loaded in one batch per level.</summary>
    public IDataLoaderResult<IReadOnlyList<T>> LinkedNodes<T>(string nodeId, LinkKind kind, LinkDirection direction, BatchLoader<string, T> nodes)
        where T : class =>
        new ThenResult<IReadOnlyList<Link>?, IReadOnlyList<T>>(
            Links(nodeId, kind, direction),
            links => new ManyResult<T>((links ?? []).Select(l => nodes.Load(l.SourceId == nodeId ? l.TargetId : l.SourceId)).ToList()));

    /// <summary>One page of a party's shipments; parties asking with the same arguments share a store call.</summary>
    public IDataLoaderResult<ShipmentPage?> ShipmentPage(string partyId, ShipmentRole role, ShipmentFilter filter, int first, string? after)
    {
        var key = string.Join('|', role, filter.From, filter.To, Join(filter.HsPrefixes), Join(filter.Tiers), filter.MinValueUsd, first, after);
        return _shipmentPages.GetOrAdd(key, _ => new BatchLoader<string, ShipmentPage>(async (ids, ct) =>
        {
            try
            {
                return await _store.GetShipmentPagesAsync(new ShipmentPageQuery(ids, role, filter, first, after), ct);
            }
            catch (ArgumentException) when (after is not null)
            {
                throw GraphErrors.BadUserInput($"after: '{after}' is not a cursor of this list; pass `pageInfo.endCursor` of the previous page.");
            }
        })).Load(partyId);
    }

    /// <summary>The ownership-rule verdict for a party; all parties of a level are judged together. Null when the store does not hold the party.</summary>
    public IDataLoaderResult<Exposure?> Exposure(string partyId, OwnershipRule rule, DateOnly asOf) =>
        _exposures.GetOrAdd((rule, asOf), key => new BatchLoader<string, Exposure>(
            async (ids, ct) => await new ExposureCalculator(_store).CalculateManyAsync(ids, key.Item1, key.Item2, ct))).Load(partyId);

    public static IDataLoaderResult<T?> Done<T>(T? value) => new Completed<T>(value);

    private static string Join<T>(IEnumerable<T>? values) => values is null ? string.Empty : string.Join(',', values);

    private static void Append(Dictionary<string, IReadOnlyList<Link>> byNode, string nodeId, Link link)
    {
        if (!byNode.TryGetValue(nodeId, out var list))
            byNode[nodeId] = list = new List<Link>();
        ((List<Link>)list).Add(link);
    }

    private sealed class Completed<T>(T? value) : IDataLoaderResult<T?>
    {
        public Task<T?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

        Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
    }
}
