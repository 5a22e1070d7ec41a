using EntityGraph.Core.Indexing;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Tracing;

/// <summary>
/// The shipments one trace walks, by number: parties are numbers, shipments are rows of
/// <see cref="TradeColumns"/>. When the store keeps a current <see cref="TradeIndex"/>, the rows are the
/// index's own and a hop copies nothing; otherwise the shipments of each hop are read from the store
/// (one call per hop, as the port promises) and kept in columns of the trace's own. Either way a
/// party's shipments come grouped by the party at the other end, each group in store order.
/// </summary>
internal sealed class TraceGraph
{
    private readonly IGraphStore _store;
    private readonly TradeIndex? _index;
    private readonly ShipmentFilter _filter;
    private readonly TradeColumns.CompiledFilter _compiled;
    private readonly Dictionary<string, int> _extraNumbers = new(StringComparer.Ordinal);
    private readonly List<string> _extraIds = [];

    private TraceGraph(IGraphStore store, TradeIndex? index, ShipmentFilter filter)
    {
        _store = store;
        _index = index;
        _filter = filter;
        Columns = index?.Columns ?? new TradeColumns();
        _compiled = Columns.Compile(filter);
    }

    /// <summary>The shipments' columns. Without an index they grow as hops are read, so read them through this property.</summary>
    public TradeColumns Columns { get; }

    /// <summary>Whether the shipments come from an in-memory index rather than from the store.</summary>
    public bool Indexed => _index is not null;

    /// <summary>The index the shipments come from, if any; its parties' numbers are the graph's.</summary>
    public TradeIndex? Index => _index;

    /// <summary>The walk over the current index when there is one, else over the store itself.</summary>
    public static async Task<TraceGraph> OpenAsync(IGraphStore store, ITradeIndexSource? indexSource, ShipmentFilter filter, CancellationToken cancellationToken)
    {
        var index = indexSource is null ? null : await indexSource.CurrentIndexAsync(cancellationToken);
        return new TraceGraph(store, index, filter);
    }

    /// <summary>The party's number (numbering it now if it has none).</summary>
    public int Number(string id)
    {
        if (_index is null)
            return Columns.Number(id);
        if (Columns.TryGetNumber(id, out var number))
            return number;
        // The index is shared and never changes: parties it does not know are numbered after its own.
        if (!_extraNumbers.TryGetValue(id, out number))
        {
            _extraNumbers[id] = number = Columns.PartyCount + _extraIds.Count;
            _extraIds.Add(id);
        }

        return number;
    }

    public string Id(int number) =>
        number < Columns.PartyCount ? Columns.PartyId(number) : _extraIds[number - Columns.PartyCount];

    /// <summary>
    /// Reads the shipments the parties send (downstream) or receive (upstream) that pass the filter, at
    /// most <paramref name="budget"/> of them (the first in store order), and puts each party's rows in
    /// <paramref name="into"/>, grouped by the party at the other end. Returns how many were read and
    /// whether the budget cut some off.
    /// </summary>
    public async Task<(int Read, bool Cut)> ExpandAsync(IReadOnlyList<int> parties, bool downstream, int budget, Dictionary<int, PartyShipments> into, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budget);
        return _index is null
            ? await ExpandFromStoreAsync(parties, downstream, budget, into, cancellationToken)
            : ExpandFromIndex(_index, parties, downstream, budget, into);
    }

    private (int Read, bool Cut) ExpandFromIndex(TradeIndex index, IReadOnlyList<int> parties, bool downstream, int budget, Dictionary<int, PartyShipments> into)
    {
        var role = downstream ? ShipmentRole.Sender : ShipmentRole.Receiver;
        var far = downstream ? Columns.Receivers : Columns.Senders;
        var lists = new PartyShipments[parties.Count];
        long total = 0;
        for (var i = 0; i < parties.Count; i++)
        {
            var party = parties[i];
            if (party >= Columns.PartyCount)
                lists[i] = PartyShipments.None;
            else if (_compiled.PassesAll)
                lists[i] = new PartyShipments(index.Rows(party, role), index.Groups(party, role));
            else
                lists[i] = PartyShipments.Of([.. index.Rows(party, role).Where(row => Columns.Matches(row, _compiled))], far);
            total += lists[i].Rows.Count;
        }

        var cut = total > budget;
        if (cut)
        {
            // Rows are numbered in store order: the first shipments in store order are the smallest rows.
            var all = new int[total];
            var at = 0;
            foreach (var shipped in lists)
            {
                shipped.Rows.CopyTo(all, at);
                at += shipped.Rows.Count;
            }

            Array.Sort(all);
            var last = all[budget - 1];
            for (var i = 0; i < lists.Length; i++)
            {
                if (lists[i].Rows.Any(row => row > last))
                    lists[i] = PartyShipments.Of([.. lists[i].Rows.Where(row => row <= last)], far);
            }

            total = budget;
        }

        for (var i = 0; i < parties.Count; i++)
            into[parties[i]] = lists[i];
        return ((int)total, cut);
    }

    private async Task<(int Read, bool Cut)> ExpandFromStoreAsync(IReadOnlyList<int> parties, bool downstream, int budget, Dictionary<int, PartyShipments> into, CancellationToken cancellationToken)
    {
        var role = downstream ? ShipmentRole.Sender : ShipmentRole.Receiver;
        IReadOnlyList<Trade> fetched = await _store.ExpandTradesAsync(
            new ShipmentExpansion([.. parties.Select(Id)], role, _filter, budget + 1), cancellationToken);
        var cut = fetched.Count > budget;
        var read = Math.Min(fetched.Count, budget);

        var rowsByParty = parties.Distinct().ToDictionary(party => party, _ => new List<int>());
        for (var i = 0; i < read; i++)
        {
            var row = Columns.Add(fetched[i]);
            var near = downstream ? Columns.Senders[row] : Columns.Receivers[row];
            if (near >= 0 && rowsByParty.TryGetValue(near, out var rows))
                rows.Add(row);
        }

        // Rows were added in store order; grouping keeps that order within each far party.
        var far = downstream ? Columns.Receivers : Columns.Senders;
        foreach (var (party, rows) in rowsByParty)
        {
            var grouped = rows.ToArray();
            var keys = grouped.Select(row => ((long)(far[row] + 1) << 32) | (uint)row).ToArray();
            Array.Sort(keys, grouped);
            into[party] = PartyShipments.Of(grouped, far);
        }

        return (read, cut);
    }
}
