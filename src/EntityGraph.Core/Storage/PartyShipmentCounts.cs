using System.Runtime.InteropServices;

namespace EntityGraph.Core.Storage;

/// <summary>
/// How many shipments each party sent or received, held in memory: the number of shipment links a store
/// returns around the party, known before reading them. A search that must read the links around one of
/// two sets of nodes compares these to read the cheaper set; a hub party with tens of thousands of
/// shipments then no longer looks as cheap as a single shipment. Built once from
/// <see cref="IGraphStore.StreamTradesAsync"/>; it does not follow later changes, so a count may be stale,
/// which only makes a choice between equally correct reads a worse one.
/// </summary>
/// <remarks>About 60 bytes a party with its id: 1,000,000 parties take some 60 MB.</remarks>
public sealed class PartyShipmentCounts
{
    private readonly Dictionary<string, int> _counts;

    private PartyShipmentCounts(Dictionary<string, int> counts) => _counts = counts;

    /// <summary>How many parties sent or received a shipment.</summary>
    public int Count => _counts.Count;

    /// <summary>Counts the shipments of every party in the store's trades.</summary>
    public static async Task<PartyShipmentCounts> BuildAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var trade in store.StreamTradesAsync(cancellationToken))
            Add(counts, trade);
        return new PartyShipmentCounts(counts);
    }

    /// <summary>Counts the shipments of every party in the given trades.</summary>
    public static PartyShipmentCounts Build(IEnumerable<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var trade in trades)
            Add(counts, trade);
        return new PartyShipmentCounts(counts);
    }

    /// <summary>The shipments the party sent plus those it received; 0 for a node that is not a trading party.</summary>
    public int Of(string id) => _counts.GetValueOrDefault(id);

    private static void Add(Dictionary<string, int> counts, Trade trade)
    {
        if (trade.SenderId is { } sender)
            CollectionsMarshal.GetValueRefOrAddDefault(counts, sender, out _)++;
        if (trade.ReceiverId is { } receiver)
            CollectionsMarshal.GetValueRefOrAddDefault(counts, receiver, out _)++;
    }
}
