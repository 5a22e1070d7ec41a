using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Indexing;

/// <summary>
/// The links around single well-connected nodes, as the store returned them, kept while the store's data
/// version holds: a path search or a front end near a hub reads the hub's thousands of links again and
/// again, and each costs a database read (at 1M parties a registration address with 5,000 companies took
/// 70 ms to read). The links of a node are kept from any complete read that included it, alone or among
/// others, so a smaller limit is answered by their first links, which is what a store returns since it
/// orders before it limits. The cache starts over when the data version moves or when it is full.
/// </summary>
internal sealed class ExpansionCache
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Key, IReadOnlyList<Link>> _entries = [];
    private long _version = long.MinValue;
    private int _links;

    /// <summary>What an expansion asks of every node it names, apart from the limit: the kinds (empty for all), the direction and the dates.</summary>
    public sealed record Shape(string Kinds, LinkDirection Direction, DateOnly? ActiveFrom, DateOnly? ActiveTo)
    {
        public static Shape Of(LinkExpansion expansion) => new(
            expansion.Kinds is { Count: > 0 } kinds ? string.Join(',', kinds.Distinct().Order().Select(k => (int)k)) : "",
            expansion.Direction,
            expansion.ActiveFrom,
            expansion.ActiveTo);
    }

    /// <summary>The first <paramref name="limit"/> links of the node in the shape as of a data version, if they are held.</summary>
    public bool TryGet(string node, Shape shape, int limit, long version, out IReadOnlyList<Link> links)
    {
        lock (_gate)
        {
            if (_version == version && _entries.TryGetValue(new Key(node, shape), out var held))
            {
                links = held.Count <= limit ? held : [.. held.Take(limit)];
                return true;
            }
        }

        links = [];
        return false;
    }

    /// <summary>
    /// Keeps all the links of a node in a shape, read at a data version, if there are at least
    /// <paramref name="minimum"/>; starts over first when <paramref name="capacity"/> links would be exceeded.
    /// The caller knows them to be all: the read they came from was not cut by its limit.
    /// </summary>
    public void Add(string node, Shape shape, long version, IReadOnlyList<Link> links, int minimum, int capacity)
    {
        if (links.Count < minimum || links.Count > capacity)
            return;
        lock (_gate)
        {
            if (_version != version || _links + links.Count > capacity)
            {
                _entries.Clear();
                _links = 0;
                _version = version;
            }

            if (_entries.TryAdd(new Key(node, shape), links.ToArray().AsReadOnly()))
                _links += links.Count;
        }
    }

    private sealed record Key(string Node, Shape Shape);
}
