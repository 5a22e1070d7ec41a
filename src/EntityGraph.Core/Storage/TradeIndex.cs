namespace EntityGraph.Core.Storage;

/// <summary>
/// Every shipment's trade facts held in memory, by sender and by receiver, so that a trace hop over tens
/// of thousands of shipments costs nanoseconds per shipment instead of a database row read each. It
/// answers <see cref="IGraphStore.ExpandTradesAsync"/> for senders and receivers exactly as a store
/// does: the same filter, the same order (earliest day, coarser date first, undated last, then id), the
/// same limit. Built once from <see cref="IGraphStore.StreamTradesAsync"/>; it does not follow later
/// changes, so its owner rebuilds it when the store's data version moves.
/// </summary>
/// <remarks>
/// Shipments are rows of <see cref="TradeColumns"/> in store order, so a row number compares as the
/// store orders. Each party's rows are kept grouped by the party at the other end (then in store
/// order), which is how a trace walks them. About 60 bytes a shipment with its id: 5,000,000 shipments
/// take some 300 MB.
/// </remarks>
public sealed class TradeIndex
{
    private readonly TradeColumns _columns;
    private readonly int[][] _bySender;
    private readonly int[][] _byReceiver;

    private TradeIndex(TradeColumns columns)
    {
        _columns = columns;
        _bySender = Group(columns, columns.Senders, columns.Receivers);
        _byReceiver = Group(columns, columns.Receivers, columns.Senders);
    }

    /// <summary>How many shipments it holds.</summary>
    public int Count => _columns.Count;

    /// <summary>Every party that sent or received a shipment.</summary>
    public IReadOnlyList<string> Parties => _columns.PartyIds;

    /// <summary>The shipments as columns; a row number is the shipment's place in store order.</summary>
    internal TradeColumns Columns => _columns;

    /// <summary>Reads every trade of the store and indexes them.</summary>
    public static async Task<TradeIndex> BuildAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var columns = new TradeColumns(1 << 16);
        await foreach (var trade in store.StreamTradesAsync(cancellationToken))
            columns.Add(trade);
        return Build(columns);
    }

    /// <summary>Indexes the given trades.</summary>
    public static TradeIndex Build(IEnumerable<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var columns = new TradeColumns();
        foreach (var trade in trades)
            columns.Add(trade);
        return Build(columns);
    }

    /// <summary>Whether the index can answer for this role (senders and receivers; not declarants).</summary>
    public static bool Answers(ShipmentRole role) => role is ShipmentRole.Sender or ShipmentRole.Receiver;

    /// <summary>The trades of the parties in the role, filtered, in store order, at most the limit.</summary>
    public IReadOnlyList<Trade> Expand(ShipmentExpansion expansion)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (!Answers(expansion.Role))
            throw new ArgumentOutOfRangeException(nameof(expansion), expansion.Role, "The trade index holds senders and receivers only.");
        var positions = new List<int>();
        foreach (var party in expansion.PartyIds.Distinct(StringComparer.Ordinal))
        {
            if (_columns.TryGetNumber(party, out var number))
                positions.AddRange(Rows(number, expansion.Role));
        }

        // Row numbers are store order.
        positions.Sort();
        var filter = _columns.Compile(expansion.Filter ?? ShipmentFilter.None);
        var result = new List<Trade>(Math.Min(positions.Count, expansion.Limit));
        foreach (var position in positions)
        {
            if (result.Count >= expansion.Limit)
                break;
            if (filter.PassesAll || _columns.Matches(position, filter))
                result.Add(_columns.ToTrade(position));
        }

        return result;
    }

    /// <summary>The rows of the party's shipments in the role, grouped by the party at the other end, each group in store order.</summary>
    internal int[] Rows(int party, ShipmentRole role) => role == ShipmentRole.Sender ? _bySender[party] : _byReceiver[party];

    private static TradeIndex Build(TradeColumns columns)
    {
        // Store order: earliest day, then the coarser date (the later last day) first, undated last, then id.
        var count = columns.Count;
        var order = new int[count];
        for (var i = 0; i < count; i++)
            order[i] = i;
        var earliest = columns.Earliest;
        var latest = columns.Latest;
        var ids = columns.Ids;
        Array.Sort(order, (a, b) =>
        {
            var day = earliest[a].CompareTo(earliest[b]);
            if (day != 0)
                return day;
            if (earliest[a] != TradeColumns.Undated)
            {
                var span = latest[b].CompareTo(latest[a]);
                if (span != 0)
                    return span;
            }

            return string.CompareOrdinal(ids[a], ids[b]);
        });
        return new TradeIndex(columns.Reordered(order));
    }

    /// <summary>Each party's rows (by <paramref name="near"/>), sorted by the party at the far end, then by row.</summary>
    private static int[][] Group(TradeColumns columns, int[] near, int[] far)
    {
        var parties = columns.PartyCount;
        var counts = new int[parties];
        for (var row = 0; row < columns.Count; row++)
        {
            if (near[row] >= 0)
                counts[near[row]]++;
        }

        var groups = new int[parties][];
        for (var p = 0; p < parties; p++)
            groups[p] = counts[p] == 0 ? [] : new int[counts[p]];
        Array.Clear(counts);
        for (var row = 0; row < columns.Count; row++)
        {
            if (near[row] is var p and >= 0)
                groups[p][counts[p]++] = row;
        }

        long[] keys = [];
        foreach (var rows in groups)
        {
            if (rows.Length < 2)
                continue;
            if (keys.Length < rows.Length)
                keys = new long[Math.Max(rows.Length, keys.Length * 2)];
            // Rows are ascending already; sorting on (far + 1, row) keeps store order within a far party, nobody (−1) first.
            for (var i = 0; i < rows.Length; i++)
                keys[i] = ((long)(far[rows[i]] + 1) << 32) | (uint)rows[i];
            var span = keys.AsSpan(0, rows.Length);
            span.Sort();
            for (var i = 0; i < rows.Length; i++)
                rows[i] = (int)(span[i] & 0xFFFF_FFFF);
        }

        return groups;
    }
}
