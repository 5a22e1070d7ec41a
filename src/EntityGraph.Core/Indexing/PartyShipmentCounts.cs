using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Indexing;

/// <summary>
/// How many shipments each party sent or received: the number of shipment links a store returns around
/// the party, known before reading them. A search that must read the links around one of two sets of
/// nodes compares these to read the cheaper set; a hub party with tens of thousands of shipments then no
/// longer looks as cheap as a single shipment. Read from a <see cref="TradeIndex"/>; it does not follow
/// later changes, so a count may be stale, which only makes a choice between equally correct reads a
/// worse one. Whoever relies on more than an estimate compares <see cref="Version"/> with the store's
/// data version.
/// </summary>
public sealed class PartyShipmentCounts
{
    private readonly TradeIndex _index;

    private PartyShipmentCounts(TradeIndex index, long version)
    {
        _index = index;
        Version = version;
        Count = Enumerable.Range(0, index.Parties.Count).Count(party => index.ShipmentCount(party) > 0);
    }

    /// <summary>How many parties sent or received a shipment.</summary>
    public int Count { get; }

    /// <summary>The store's data version read before the trades were: the counts are exact while it is current.</summary>
    public long Version { get; }

    /// <summary>Counts the shipments of every party in the store's trades.</summary>
    public static async Task<PartyShipmentCounts> BuildAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var version = await store.GetDataVersionAsync(cancellationToken);
        return From(await TradeIndex.BuildAsync(store, cancellationToken), version);
    }

    /// <summary>Counts the shipments of every party in the given trades, as of a data version.</summary>
    public static PartyShipmentCounts Build(IEnumerable<Trade> trades, long version) => From(TradeIndex.Build(trades), version);

    /// <summary>The counts of a trade index's parties, read from what it holds per party.</summary>
    internal static PartyShipmentCounts From(TradeIndex index, long version)
    {
        ArgumentNullException.ThrowIfNull(index);
        return new PartyShipmentCounts(index, version);
    }

    /// <summary>The shipments the party sent plus those it received; 0 for a node that is not a trading party.</summary>
    public int Of(string id) => _index.ShipmentCount(id);

    /// <summary>
    /// Whether the node sent or received a shipment and is not a shipment itself, so that each of its
    /// sender, receiver and declarant links has a shipment at the other end.
    /// </summary>
    public bool IsTradingParty(string id) => Of(id) > 0 && !_index.TryGetShipment(id, out _);
}
