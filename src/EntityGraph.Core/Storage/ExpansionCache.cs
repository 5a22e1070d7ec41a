using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>
/// The links around single well-connected nodes, as the store returned them, kept while the store's data
/// version holds: a path search near a hub party reads the hub's tens of thousands of shipment links on
/// every query, which costs about a second from SQLite and still about 80 ms built from the trade index
/// (at 1M parties). Only complete answers (fewer links
/// than the limit asked for) are kept, so a smaller limit is answered by their first links, which is what
/// a store returns since it orders before it limits. The cache starts over when the data version moves or
/// when it is full.
/// </summary>
internal sealed class ExpansionCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Key, IReadOnlyList<Link>> _entries = [];
    private long _version = long.MinValue;
    private int _links;

    /// <summary>Whether an expansion is of the kind kept: one node, and a limit that means one.</summary>
    public static bool Keeps(LinkExpansion expansion) => expansion.NodeIds.Count == 1 && expansion.Limit > 0;

    /// <summary>The links of a kept expansion as of a data version, if they are held.</summary>
    public bool TryGet(LinkExpansion expansion, long version, out IReadOnlyList<Link> links)
    {
        lock (_gate)
        {
            if (_version == version && _entries.TryGetValue(KeyOf(expansion), out var held))
            {
                links = held.Count <= expansion.Limit ? held : [.. held.Take(expansion.Limit)];
                return true;
            }
        }

        links = [];
        return false;
    }

    /// <summary>
    /// Keeps what the store returned for an expansion read at a data version, if it is complete and has at
    /// least <paramref name="minimum"/> links; starts over first when <paramref name="capacity"/> links would be exceeded.
    /// </summary>
    public void Add(LinkExpansion expansion, long version, IReadOnlyList<Link> links, int minimum, int capacity)
    {
        if (!Keeps(expansion) || links.Count >= expansion.Limit || links.Count < minimum || links.Count > capacity)
            return;
        lock (_gate)
        {
            if (_version != version || _links + links.Count > capacity)
            {
                _entries.Clear();
                _links = 0;
                _version = version;
            }

            if (_entries.TryAdd(KeyOf(expansion), links.ToArray().AsReadOnly()))
                _links += links.Count;
        }
    }

    private static Key KeyOf(LinkExpansion expansion) => new(
        expansion.NodeIds.Single(),
        expansion.Kinds is { Count: > 0 } kinds ? string.Join(',', kinds.Distinct().Order().Select(k => (int)k)) : "",
        expansion.Direction,
        expansion.ActiveFrom,
        expansion.ActiveTo);

    /// <summary>What makes two kept expansions the same: the node, the kinds (empty for all), the direction and the dates.</summary>
    private sealed record Key(string Node, string Kinds, LinkDirection Direction, DateOnly? ActiveFrom, DateOnly? ActiveTo);
}
