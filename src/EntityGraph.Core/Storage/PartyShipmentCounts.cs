using System.Runtime.InteropServices;

namespace EntityGraph.Core.Storage;

/// <summary>
/// How many shipments each party sent or received, held in memory: the number of shipment links a store
/// returns around the party, known before reading them. A search that must read the links around one of
/// two sets of nodes compares these to read the cheaper set; a hub party with tens of thousands of
/// shipments then no longer looks as cheap as a single shipment. Built from a <see cref="TradeIndex"/> (or
/// from a store's trades); it does not follow later changes, so a count may be stale,
/// which only makes a choice between equally correct reads a worse one. Whoever relies on more than an
/// estimate compares <see cref="Version"/> with the store's data version.
/// </summary>
/// <remarks>A count per trading party, keyed by its id, and the parties whose id may also name a shipment.</remarks>
public sealed class PartyShipmentCounts
{
    private readonly Dictionary<string, int> _counts;
    private readonly HashSet<string> _maybeShipments;

    private PartyShipmentCounts(Dictionary<string, int> counts, HashSet<string> maybeShipments, long version)
    {
        _counts = counts;
        _maybeShipments = maybeShipments;
        Version = version;
    }

    /// <summary>How many parties sent or received a shipment.</summary>
    public int Count => _counts.Count;

    /// <summary>The store's data version read before the trades were: the counts are exact while it is current.</summary>
    public long Version { get; }

    /// <summary>Counts the shipments of every party in the store's trades.</summary>
    public static async Task<PartyShipmentCounts> BuildAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var version = await store.GetDataVersionAsync(cancellationToken);
        var builder = new Builder();
        await foreach (var trade in store.StreamTradesAsync(cancellationToken))
            builder.Add(trade);
        return builder.Build(version);
    }

    /// <summary>Counts the shipments of every party in the given trades, as of a data version.</summary>
    public static PartyShipmentCounts Build(IEnumerable<Trade> trades, long version)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var builder = new Builder();
        foreach (var trade in trades)
            builder.Add(trade);
        return builder.Build(version);
    }

    /// <summary>The counts of a trade index's parties, from what it holds per party, without reading the trades again.</summary>
    internal static PartyShipmentCounts From(TradeIndex index, long version)
    {
        ArgumentNullException.ThrowIfNull(index);
        var builder = new Builder();
        var columns = index.Columns;
        for (var row = 0; row < columns.Count; row++)
            builder.AddShipment(columns.Ids[row]);
        for (var party = 0; party < columns.PartyCount; party++)
            builder.AddParty(columns.PartyId(party), index.Rows(party, ShipmentRole.Sender).Count + index.Rows(party, ShipmentRole.Receiver).Count);
        return builder.Build(version);
    }

    /// <summary>The shipments the party sent plus those it received; 0 for a node that is not a trading party.</summary>
    public int Of(string id) => _counts.GetValueOrDefault(id);

    /// <summary>
    /// Whether the node sent or received a shipment and is surely not a shipment itself, so that each of its
    /// sender, receiver and declarant links has a shipment at the other end. False when unsure.
    /// </summary>
    public bool IsTradingParty(string id) => _counts.ContainsKey(id) && !_maybeShipments.Contains(id);

    private sealed class Builder
    {
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        private readonly List<ulong> _shipmentHashes = [];

        public void Add(Trade trade)
        {
            AddShipment(trade.ShipmentId);
            if (trade.SenderId is { } sender)
                AddParty(sender, 1);
            if (trade.ReceiverId is { } receiver)
                AddParty(receiver, 1);
        }

        public void AddShipment(string id) => _shipmentHashes.Add(Hash(id));

        public void AddParty(string id, int shipments) => CollectionsMarshal.GetValueRefOrAddDefault(_counts, id, out _) += shipments;

        /// <summary>
        /// Sets apart the parties whose id hashes like a shipment's: a shipment named as another's sender or
        /// receiver, or, rarely, a party whose hash collides. Both are then merely not known to be parties.
        /// </summary>
        public PartyShipmentCounts Build(long version)
        {
            var hashes = _shipmentHashes.ToArray();
            Array.Sort(hashes);
            var maybeShipments = _counts.Keys.Where(id => Array.BinarySearch(hashes, Hash(id)) >= 0).ToHashSet(StringComparer.Ordinal);
            return new PartyShipmentCounts(_counts, maybeShipments, version);
        }

        /// <summary>64-bit FNV-1a over the UTF-16 code units: the same for the same id in any process.</summary>
        private static ulong Hash(string id)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in id)
                hash = (hash ^ c) * 1099511628211UL;
            return hash;
        }
    }
}
