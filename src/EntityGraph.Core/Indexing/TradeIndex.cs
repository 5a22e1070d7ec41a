using System.Numerics;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Indexing;

/// <summary>
/// Every shipment's trade facts held in memory, by sender and by receiver, so that a trace hop over tens
/// of thousands of shipments costs nanoseconds per shipment instead of a database row read each. It
/// answers <see cref="IGraphStore.ExpandTradesAsync"/> for senders and receivers exactly as a store
/// does: the same filter, the same order (earliest day, coarser date first, undated last, then id), the
/// same limit. Built once from <see cref="IGraphStore.StreamTradesAsync"/>; it does not follow later
/// changes, so its owner rebuilds it when the store's data version moves. When the store streamed each
/// shipment's <see cref="TradeLinks"/>, it also holds the role links around every party and shipment:
/// as links (<see cref="AddRoleLinks"/>, <see cref="AddShipmentLinks"/>) for link expansions, and as
/// rows, per party and per first declarant, with the ranks of the ids, for a path search, which follows
/// them by the ten thousand.
/// </summary>
/// <remarks>How the rows are laid out, and what they cost: see docs/architecture.md#the-trade-index.</remarks>
public sealed class TradeIndex
{
    private readonly TradeColumns _columns;
    private readonly Adjacency _sent;
    private readonly Adjacency _received;
    private readonly Adjacency? _declared;
    private readonly Dictionary<int, List<TradeColumns.ExtraRole>> _extraRolesByParty = [];
    private readonly Dictionary<int, List<TradeColumns.ExtraRole>> _extraRolesByRow = [];
    private readonly int[] _rowSlots;

    private TradeIndex(TradeColumns columns)
    {
        _columns = columns;
        _sent = Adjacency.Build(columns, columns.Senders, columns.Receivers);
        _received = Adjacency.Build(columns, columns.Receivers, columns.Senders);
        if (columns.Declarants is { } declarants)
            _declared = Adjacency.Build(columns, declarants, columns.Senders);
        foreach (var extra in columns.ExtraRoles)
        {
            if (!_extraRolesByRow.TryGetValue(extra.Row, out var ofRow))
                _extraRolesByRow[extra.Row] = ofRow = [];
            ofRow.Add(extra);
            if (!_extraRolesByParty.TryGetValue(extra.Party, out var ofParty))
                _extraRolesByParty[extra.Party] = ofParty = [];
            ofParty.Add(extra);
        }

        _rowSlots = RowSlots(columns);
        if (columns.HoldsRoleLinks)
        {
            _shipmentRanks = RanksById(columns.Ids, columns.Count);
            _partyRanks = RanksById([.. columns.PartyIds], columns.PartyCount);
        }
    }

    private readonly int[]? _shipmentRanks;
    private readonly int[]? _partyRanks;

    /// <summary>
    /// The place of the shipment in the row among all shipments in ordinal order of their ids, so that a
    /// path search orders a hub's shipments without comparing their ids. Only when <see cref="HoldsRoleLinks"/>.
    /// </summary>
    internal int ShipmentRank(int row) => _shipmentRanks![row];

    /// <summary>The place of a party among all parties in ordinal order of their ids. Only when <see cref="HoldsRoleLinks"/>.</summary>
    internal int PartyRank(int party) => _partyRanks![party];

    private static int[] RanksById(string[] ids, int count)
    {
        var keys = ids[..count];
        var order = new int[count];
        for (var i = 0; i < count; i++)
            order[i] = i;
        Array.Sort(keys, order, StringComparer.Ordinal);
        var ranks = new int[count];
        for (var i = 0; i < count; i++)
            ranks[order[i]] = i;
        return ranks;
    }
    /// <summary>
    /// Whether the store streamed every shipment's <see cref="TradeLinks"/>, so that
    /// <see cref="AddRoleLinks"/> answers for every party.
    /// </summary>
    public bool HoldsRoleLinks => _columns.HoldsRoleLinks;

    /// <summary>Whether the party is the sender or receiver of a shipment (or any party of one, when <see cref="HoldsRoleLinks"/>).</summary>
    public bool Knows(string partyId) => _columns.TryGetNumber(partyId, out _);

    /// <summary>The row of a shipment.</summary>
    public bool TryGetShipment(string shipmentId, out int row)
    {
        if (_rowSlots.Length > 0)
        {
            var mask = _rowSlots.Length - 1;
            for (var slot = StringComparer.Ordinal.GetHashCode(shipmentId) & mask; _rowSlots[slot] != 0; slot = (slot + 1) & mask)
            {
                row = _rowSlots[slot] - 1;
                if (string.Equals(_columns.Ids[row], shipmentId, StringComparison.Ordinal))
                    return true;
            }
        }

        row = -1;
        return false;
    }

    /// <summary>How many shipments the party sent plus how many it received (as first sender or receiver); 0 for a node it does not know.</summary>
    public int ShipmentCount(string partyId) => _columns.TryGetNumber(partyId, out var party) ? ShipmentCount(party) : 0;

    /// <summary><see cref="ShipmentCount(string)"/> of a party by its number.</summary>
    internal int ShipmentCount(int party) => Rows(party, ShipmentRole.Sender).Count + Rows(party, ShipmentRole.Receiver).Count;

    /// <summary>Whether links other than its senders', receivers' and declarants' start or end at the shipment in the row.</summary>
    public bool HasOtherLinks(int row) => _columns.LinkedRows.Contains(row);

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

    /// <summary>
    /// Adds the party's sender links (the party is their source) and receiver links (their target), as the
    /// store projects them from its shipments: id <c>{shipment}:sender:{party}</c> or
    /// <c>{shipment}:receiver:{party}</c>, the shipment's schema and provenance, no dates. In no order.
    /// Only when <see cref="HoldsRoleLinks"/>; nothing for a party it does not know.
    /// </summary>
    public void AddRoleLinks(string partyId, bool sent, bool received, ICollection<Link> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (!HoldsRoleLinks)
            throw new InvalidOperationException("The store streamed no role links, so the trade index cannot answer for them.");
        if (!_columns.TryGetNumber(partyId, out var party))
            return;
        if (sent)
        {
            foreach (var row in Rows(party, ShipmentRole.Sender))
                into.Add(RoleLink(row, partyId, ShipmentRole.Sender));
        }

        if (received)
        {
            foreach (var row in Rows(party, ShipmentRole.Receiver))
                into.Add(RoleLink(row, partyId, ShipmentRole.Receiver));
        }

        if (_extraRolesByParty.TryGetValue(party, out var extras))
        {
            foreach (var extra in extras)
            {
                if (extra.Role switch { ShipmentRole.Sender => sent, ShipmentRole.Receiver => received, _ => false })
                    into.Add(RoleLink(extra.Row, partyId, extra.Role));
            }
        }
    }

    /// <summary>
    /// Adds the role links of the shipment in the row, as the store projects them: its senders' links
    /// (the shipment is their target), its receivers' (their source) and its declarants' (their target).
    /// In no order. Only when <see cref="HoldsRoleLinks"/>.
    /// </summary>
    public void AddShipmentLinks(int row, bool sent, bool received, bool declared, ICollection<Link> into)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (!HoldsRoleLinks)
            throw new InvalidOperationException("The store streamed no role links, so the trade index cannot answer for them.");
        if (sent && _columns.Senders[row] is var sender and >= 0)
            into.Add(RoleLink(row, _columns.PartyId(sender), ShipmentRole.Sender));
        if (received && _columns.Receivers[row] is var receiver and >= 0)
            into.Add(RoleLink(row, _columns.PartyId(receiver), ShipmentRole.Receiver));
        if (declared && _columns.DeclarantOf(row) is var declarant and >= 0)
            into.Add(RoleLink(row, _columns.PartyId(declarant), ShipmentRole.Declarant));
        if (_extraRolesByRow.TryGetValue(row, out var extras))
        {
            foreach (var extra in extras)
            {
                if (extra.Role switch { ShipmentRole.Sender => sent, ShipmentRole.Receiver => received, _ => declared })
                    into.Add(RoleLink(row, _columns.PartyId(extra.Party), extra.Role));
            }
        }
    }

    /// <summary>The rows of the shipments the party is the first declarant of.</summary>
    internal ArraySegment<int> DeclaredRows(int party) => _declared?.Rows(party) ?? ArraySegment<int>.Empty;

    /// <summary>The roles a party holds on shipments beyond their first sender, receiver and declarant.</summary>
    internal IReadOnlyList<TradeColumns.ExtraRole> ExtraRolesOfParty(int party) =>
        _extraRolesByParty.TryGetValue(party, out var extras) ? extras : [];

    /// <summary>The shipment's parties beyond its first sender, first receiver and first declarant.</summary>
    internal IReadOnlyList<TradeColumns.ExtraRole> ExtraRolesOfRow(int row) =>
        _extraRolesByRow.TryGetValue(row, out var extras) ? extras : [];

    /// <summary>How many parties it numbers: parties are 0 to this, less one.</summary>
    internal int PartyCount => _columns.PartyCount;

    /// <summary>A party's number, if it holds a role on a shipment it knows.</summary>
    internal bool TryGetParty(string partyId, out int party) => _columns.TryGetNumber(partyId, out party);

    /// <summary>The sender, receiver or declarant link between the shipment in the row and the party, as the store projects it.</summary>
    internal Link RoleLink(int row, string partyId, ShipmentRole role)
    {
        var shipmentId = _columns.Ids[row];
        var source = _columns.LinkSources[_columns.Sources[row]];
        var (property, kind) = role switch
        {
            ShipmentRole.Sender => ("sender", LinkKind.Sent),
            ShipmentRole.Receiver => ("receiver", LinkKind.Received),
            _ => ("declarant", LinkKind.Declared),
        };
        // The shipment is the target of its senders' and declarants' links, the source of its receivers'.
        var partyIsSource = role != ShipmentRole.Receiver;
        return new Link
        {
            Id = string.Concat(shipmentId, ":", property, ":", partyId),
            Kind = kind,
            SourceId = partyIsSource ? partyId : shipmentId,
            TargetId = partyIsSource ? shipmentId : partyId,
            Schema = ShipmentSchema,
            Provenance = new Provenance(source.Datasets, shipmentId, source.FirstSeen, source.LastSeen),
        };
    }

    /// <summary>An open-addressing table of row + 1 by shipment id, at most two thirds full.</summary>
    private static int[] RowSlots(TradeColumns columns)
    {
        var slots = new int[Math.Max(16, (int)BitOperations.RoundUpToPowerOf2((uint)(columns.Count + (columns.Count / 2))))];
        var mask = slots.Length - 1;
        for (var row = 0; row < columns.Count; row++)
        {
            var slot = StringComparer.Ordinal.GetHashCode(columns.Ids[row]) & mask;
            while (slots[slot] != 0)
                slot = (slot + 1) & mask;
            slots[slot] = row + 1;
        }

        return slots;
    }

    /// <summary>The FtM schema shipments are read from, which their role links carry.</summary>
    private const string ShipmentSchema = "EconomicActivity";

    /// <summary>The rows of the party's shipments in the role, grouped by the party at the other end (nobody first), each group in store order.</summary>
    internal ArraySegment<int> Rows(int party, ShipmentRole role) => (role == ShipmentRole.Sender ? _sent : _received).Rows(party);

    /// <summary>The party's shipments in the role as runs of <see cref="Rows"/>, one for each party at the other end (nobody left out).</summary>
    internal TradeGroup[] Groups(int party, ShipmentRole role) => (role == ShipmentRole.Sender ? _sent : _received).Groups(party);

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

    /// <summary>
    /// Each party's rows in one role, flat: the rows of party p are <c>Rows[Offsets[p]..Offsets[p + 1]]</c>,
    /// sorted by the party at the far end and then by row; and the runs of one far party each, flat the same way.
    /// </summary>
    private sealed class Adjacency
    {
        private readonly int[] _offsets;
        private readonly int[] _rows;
        private readonly int[] _groupOffsets;
        private readonly int[] _groupFar;
        private readonly int[] _groupStart;

        private Adjacency(int[] offsets, int[] rows, int[] groupOffsets, int[] groupFar, int[] groupStart)
        {
            _offsets = offsets;
            _rows = rows;
            _groupOffsets = groupOffsets;
            _groupFar = groupFar;
            _groupStart = groupStart;
        }

        public ArraySegment<int> Rows(int party) => new(_rows, _offsets[party], _offsets[party + 1] - _offsets[party]);

        public TradeGroup[] Groups(int party)
        {
            var from = _groupOffsets[party];
            var to = _groupOffsets[party + 1];
            if (from == to)
                return [];
            var groups = new TradeGroup[to - from];
            var end = _offsets[party + 1];
            for (var g = from; g < to; g++)
            {
                var next = g + 1 < to ? _groupStart[g + 1] : end;
                groups[g - from] = new TradeGroup(_groupFar[g], new ArraySegment<int>(_rows, _groupStart[g], next - _groupStart[g]));
            }

            return groups;
        }

        public static Adjacency Build(TradeColumns columns, int[] near, int[] far)
        {
            var parties = columns.PartyCount;
            var offsets = new int[parties + 1];
            for (var row = 0; row < columns.Count; row++)
            {
                if (near[row] >= 0)
                    offsets[near[row] + 1]++;
            }

            for (var p = 0; p < parties; p++)
                offsets[p + 1] += offsets[p];
            var rows = new int[offsets[parties]];
            var filled = offsets[..parties];
            for (var row = 0; row < columns.Count; row++)
            {
                if (near[row] is var p and >= 0)
                    rows[filled[p]++] = row;
            }

            // Rows are ascending already; sorting on (far + 1, row) keeps store order within a far party, nobody (−1) first.
            long[] keys = [];
            var groupOffsets = new int[parties + 1];
            var groupFar = new List<int>();
            var groupStart = new List<int>();
            for (var p = 0; p < parties; p++)
            {
                var span = rows.AsSpan(offsets[p], offsets[p + 1] - offsets[p]);
                if (span.Length > 1)
                {
                    if (keys.Length < span.Length)
                        keys = new long[Math.Max(span.Length, keys.Length * 2)];
                    for (var i = 0; i < span.Length; i++)
                        keys[i] = ((long)(far[span[i]] + 1) << 32) | (uint)span[i];
                    var sorted = keys.AsSpan(0, span.Length);
                    sorted.Sort();
                    for (var i = 0; i < span.Length; i++)
                        span[i] = (int)(sorted[i] & 0xFFFF_FFFF);
                }

                for (var i = 0; i < span.Length; i++)
                {
                    var party = far[span[i]];
                    if (party >= 0 && (i == 0 || far[span[i - 1]] != party))
                    {
                        groupFar.Add(party);
                        groupStart.Add(offsets[p] + i);
                    }
                }

                groupOffsets[p + 1] = groupFar.Count;
            }

            return new Adjacency(offsets, rows, groupOffsets, [.. groupFar], [.. groupStart]);
        }
    }
}

/// <summary>A party's shipments to (or from) one other party, as rows of the trade columns in store order.</summary>
internal readonly record struct TradeGroup(int Far, ArraySegment<int> Rows);
