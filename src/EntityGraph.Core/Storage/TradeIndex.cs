namespace EntityGraph.Core.Storage;

/// <summary>
/// Every shipment's trade facts held in memory, by sender and by receiver, so that a trace hop over tens
/// of thousands of shipments costs microseconds per shipment instead of a database row read each. It
/// answers <see cref="IGraphStore.ExpandTradesAsync"/> for senders and receivers exactly as a store
/// does: the same filter, the same order (earliest day, coarser date first, undated last, then id), the
/// same limit. Built once from <see cref="IGraphStore.StreamTradesAsync"/>; it does not follow later
/// changes, so its owner rebuilds it when the store's data version moves.
/// </summary>
public sealed class TradeIndex
{
    private readonly Trade[] _trades;
    private readonly Dictionary<string, int[]> _bySender;
    private readonly Dictionary<string, int[]> _byReceiver;

    private TradeIndex(Trade[] trades, Dictionary<string, int[]> bySender, Dictionary<string, int[]> byReceiver)
    {
        _trades = trades;
        _bySender = bySender;
        _byReceiver = byReceiver;
    }

    /// <summary>How many shipments it holds.</summary>
    public int Count => _trades.Length;

    /// <summary>Reads every trade of the store and indexes them.</summary>
    public static async Task<TradeIndex> BuildAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var list = new List<Trade>();
        await foreach (var trade in store.StreamTradesAsync(cancellationToken))
            list.Add(trade);
        return Build(list);
    }

    /// <summary>Indexes the given trades.</summary>
    public static TradeIndex Build(IEnumerable<Trade> trades)
    {
        var array = trades.ToArray();
        Array.Sort(array, Compare);
        return new TradeIndex(array, Group(array, t => t.SenderId), Group(array, t => t.ReceiverId));
    }

    /// <summary>Whether the index can answer for this role (senders and receivers; not declarants).</summary>
    public static bool Answers(ShipmentRole role) => role is ShipmentRole.Sender or ShipmentRole.Receiver;

    /// <summary>The trades of the parties in the role, filtered, in store order, at most the limit.</summary>
    public IReadOnlyList<Trade> Expand(ShipmentExpansion expansion)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (!Answers(expansion.Role))
            throw new ArgumentOutOfRangeException(nameof(expansion), expansion.Role, "The trade index holds senders and receivers only.");
        var byParty = expansion.Role == ShipmentRole.Sender ? _bySender : _byReceiver;
        var positions = new List<int>();
        foreach (var party in expansion.PartyIds.Distinct(StringComparer.Ordinal))
        {
            if (byParty.TryGetValue(party, out var own))
                positions.AddRange(own);
        }

        // The trades are stored in store order, so their positions sort into it.
        positions.Sort();
        var filter = expansion.Filter ?? ShipmentFilter.None;
        var result = new List<Trade>(Math.Min(positions.Count, expansion.Limit));
        foreach (var position in positions)
        {
            if (result.Count >= expansion.Limit)
                break;
            var trade = _trades[position];
            if (filter.Matches(trade))
                result.Add(trade);
        }

        return result;
    }

    /// <summary>The order of <see cref="IGraphStore.ExpandShipmentsAsync"/>: earliest day, then the coarser date, undated last, then id.</summary>
    private static int Compare(Trade a, Trade b)
    {
        var day = DayKey(a).CompareTo(DayKey(b));
        if (day != 0)
            return day;
        var span = SpanKey(a).CompareTo(SpanKey(b));
        return span != 0 ? span : string.CompareOrdinal(a.ShipmentId, b.ShipmentId);
    }

    private static int DayKey(Trade trade) => trade.Date is { } date ? date.Earliest.DayNumber : int.MaxValue;

    private static int SpanKey(Trade trade) => trade.Date is { } date ? -date.Latest.DayNumber : 0;

    private static Dictionary<string, int[]> Group(Trade[] trades, Func<Trade, string?> key)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < trades.Length; i++)
        {
            if (key(trades[i]) is not { } party)
                continue;
            if (!lists.TryGetValue(party, out var list))
                lists[party] = list = [];
            list.Add(i);
        }

        return lists.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }
}
