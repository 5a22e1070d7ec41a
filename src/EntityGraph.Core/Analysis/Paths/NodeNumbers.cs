using EntityGraph.Core.Indexing;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// The numbers a search knows its nodes by: a trading party is its number in a trade index that holds
/// role links, a shipment its row counted on after the parties, and any other node a number given when
/// first met. See docs/paths.md#nodes-as-numbers.
/// </summary>
internal sealed class NodeNumbers
{
    private readonly TradeIndex? _index;
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    /// <param name="index">A trade index that holds role links, or null.</param>
    public NodeNumbers(TradeIndex? index)
    {
        _index = index;
        if (index is not null)
        {
            PartyCount = index.PartyCount;
            IndexedCount = PartyCount + index.Count;
        }
    }

    /// <summary>Numbers below this are the index's trading parties.</summary>
    public int PartyCount { get; }

    /// <summary>Numbers below this are the index's parties and shipments; the others are nodes met on the way.</summary>
    public int IndexedCount { get; }

    /// <summary>The id of a numbered node.</summary>
    public string Id(int node) =>
        node < PartyCount ? _index!.Parties[node]
        : node < IndexedCount ? _index!.Columns.Ids[node - PartyCount]
        : _ids[node - IndexedCount];

    /// <summary>A node's number: the index's for its parties and shipments, else one given when the node is first met.</summary>
    public int Number(string id)
    {
        if (_index is not null)
        {
            if (_index.TryGetParty(id, out var party))
                return party;
            if (_index.TryGetShipment(id, out var row))
                return PartyCount + row;
        }

        if (!_numbers.TryGetValue(id, out var number))
        {
            _numbers[id] = number = IndexedCount + _ids.Count;
            _ids.Add(id);
        }

        return number;
    }
}
