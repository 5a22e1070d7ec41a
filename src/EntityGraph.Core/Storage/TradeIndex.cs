using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>
/// Every shipment's trade facts held in memory, by sender and by receiver, so that a trace hop over tens
/// of thousands of shipments costs microseconds per shipment instead of a database row read each. It
/// answers <see cref="IGraphStore.ExpandTradesAsync"/> for senders and receivers exactly as a store
/// does: the same filter, the same order (earliest day, coarser date first, undated last, then id), the
/// same limit. Built once from <see cref="IGraphStore.StreamTradesAsync"/>; it does not follow later
/// changes, so its owner rebuilds it when the store's data version moves.
/// </summary>
/// <remarks>
/// Rows are compact structs with party ids and HS codes shared through tables: about 60 bytes a
/// shipment with its id, so 5,000,000 shipments take some 300 MB.
/// </remarks>
public sealed class TradeIndex
{
    private readonly Row[] _rows;
    private readonly string[] _ids;
    private readonly string[] _parties;
    private readonly HsCode[] _hsCodes;
    private readonly Dictionary<string, int> _partyNumbers;
    private readonly int[][] _bySender;
    private readonly int[][] _byReceiver;

    private TradeIndex(Row[] rows, string[] ids, string[] parties, HsCode[] hsCodes, Dictionary<string, int> partyNumbers)
    {
        _rows = rows;
        _ids = ids;
        _parties = parties;
        _hsCodes = hsCodes;
        _partyNumbers = partyNumbers;
        _bySender = Group(rows, parties.Length, r => r.Sender);
        _byReceiver = Group(rows, parties.Length, r => r.Receiver);
    }

    /// <summary>How many shipments it holds.</summary>
    public int Count => _rows.Length;

    /// <summary>Every party that sent or received a shipment.</summary>
    public IReadOnlyList<string> Parties => _parties;

    /// <summary>Reads every trade of the store and indexes them.</summary>
    public static async Task<TradeIndex> BuildAsync(IGraphStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var builder = new Builder();
        await foreach (var trade in store.StreamTradesAsync(cancellationToken))
            builder.Add(trade);
        return builder.Build();
    }

    /// <summary>Indexes the given trades.</summary>
    public static TradeIndex Build(IEnumerable<Trade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        var builder = new Builder();
        foreach (var trade in trades)
            builder.Add(trade);
        return builder.Build();
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
            if (_partyNumbers.TryGetValue(party, out var number))
                positions.AddRange(byParty[number]);
        }

        // The rows are stored in store order, so their positions sort into it.
        positions.Sort();
        var filter = expansion.Filter ?? ShipmentFilter.None;
        var result = new List<Trade>(Math.Min(positions.Count, expansion.Limit));
        foreach (var position in positions)
        {
            if (result.Count >= expansion.Limit)
                break;
            var trade = ToTrade(position);
            if (filter.Matches(trade))
                result.Add(trade);
        }

        return result;
    }

    private Trade ToTrade(int position)
    {
        ref readonly var row = ref _rows[position];
        return new Trade(
            _ids[position],
            row.Sender < 0 ? null : _parties[row.Sender],
            row.Receiver < 0 ? null : _parties[row.Receiver],
            row.Date,
            double.IsNaN(row.ValueUsd) ? null : row.ValueUsd,
            row.Tier < 0 ? null : (ChplTier)row.Tier,
            row.Hs < 0 ? null : _hsCodes[row.Hs]);
    }

    private static int[][] Group(Row[] rows, int parties, Func<Row, int> party)
    {
        var counts = new int[parties];
        foreach (var row in rows)
        {
            if (party(row) is var p and >= 0)
                counts[p]++;
        }

        var groups = new int[parties][];
        for (var p = 0; p < parties; p++)
            groups[p] = counts[p] == 0 ? [] : new int[counts[p]];
        Array.Clear(counts);
        for (var i = 0; i < rows.Length; i++)
        {
            if (party(rows[i]) is var p and >= 0)
                groups[p][counts[p]++] = i;
        }

        return groups;
    }

    /// <summary>One shipment: parties and HS code as numbers into the shared tables; NaN and −1 for nothing.</summary>
    private readonly record struct Row(int Sender, int Receiver, PartialDate? Date, double ValueUsd, sbyte Tier, int Hs);

    private sealed class Builder
    {
        private readonly List<Row> _rows = [];
        private readonly List<string> _ids = [];
        private readonly Dictionary<string, int> _partyNumbers = new(StringComparer.Ordinal);
        private readonly List<string> _parties = [];
        private readonly Dictionary<string, int> _hsNumbers = new(StringComparer.Ordinal);
        private readonly List<HsCode> _hsCodes = [];

        public void Add(Trade trade)
        {
            _ids.Add(trade.ShipmentId);
            _rows.Add(new Row(
                Party(trade.SenderId),
                Party(trade.ReceiverId),
                trade.Date,
                trade.ValueUsd ?? double.NaN,
                trade.ChplTier is { } tier ? (sbyte)tier : (sbyte)-1,
                Hs(trade.HsCode)));
        }

        public TradeIndex Build()
        {
            var rows = _rows.ToArray();
            var ids = _ids.ToArray();
            var days = rows.Select(DayKey).ToArray();
            var spans = rows.Select(SpanKey).ToArray();
            var order = Enumerable.Range(0, rows.Length).ToArray();
            Array.Sort(order, (a, b) =>
            {
                var day = days[a].CompareTo(days[b]);
                if (day != 0)
                    return day;
                var span = spans[a].CompareTo(spans[b]);
                return span != 0 ? span : string.CompareOrdinal(ids[a], ids[b]);
            });
            return new TradeIndex([.. order.Select(i => rows[i])], [.. order.Select(i => ids[i])], [.. _parties], [.. _hsCodes], _partyNumbers);
        }

        private int Party(string? id)
        {
            if (id is null)
                return -1;
            if (!_partyNumbers.TryGetValue(id, out var number))
            {
                _partyNumbers[id] = number = _parties.Count;
                _parties.Add(id);
            }

            return number;
        }

        private int Hs(HsCode? code)
        {
            if (code is not { } hs)
                return -1;
            if (!_hsNumbers.TryGetValue(hs.Digits, out var number))
            {
                _hsNumbers[hs.Digits] = number = _hsCodes.Count;
                _hsCodes.Add(hs);
            }

            return number;
        }

        // The order of IGraphStore.ExpandShipmentsAsync: earliest day, then the coarser date, undated last, then id.
        private static int DayKey(Row row) => row.Date is { } date ? date.Earliest.DayNumber : int.MaxValue;

        private static int SpanKey(Row row) => row.Date is { } date ? -date.Latest.DayNumber : 0;
    }
}
