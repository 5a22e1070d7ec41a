using System.Runtime.InteropServices;
using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// The order in which paths try the edges leaving a node: by the ids of their heads, then by their
/// links. See docs/paths.md#the-order-of-paths.
/// </summary>
internal sealed class EdgeOrder
{
    /// <summary>How many links a node may have for its steps to be worked out on each visit (without the heads on the route) and not kept.</summary>
    public const int FewLinks = 4;

    private readonly NodeNumbers _nodes;
    private readonly IndexRoleLinks _roleLinks;
    private readonly KnownLinks _links;
    private readonly LinkDirection _direction;
    private readonly int _indexed;
    private readonly Dictionary<int, Edge[]> _sorted = [];
    private readonly List<Edge> _edges = [];

    public EdgeOrder(NodeNumbers nodes, IndexRoleLinks roleLinks, KnownLinks links, LinkDirection direction)
    {
        _nodes = nodes;
        _roleLinks = roleLinks;
        _links = links;
        _direction = direction;
        _indexed = nodes.IndexedCount;
    }

    /// <summary>
    /// The index's edges of a node sorted by their heads' ids, then their links. They all lead to shipments
    /// (from a party) or all to parties (from a shipment), so the index's ranks of the ids order them. A node
    /// with many is sorted once per search: a hub's order serves every length and every visit. The edges of
    /// a node with few are valid until the next call.
    /// </summary>
    public ReadOnlySpan<Edge> IndexEdgesInOrder(int node)
    {
        if (node >= _indexed)
            return [];
        if (_sorted.TryGetValue(node, out var sorted))
            return sorted;
        _edges.Clear();
        _roleLinks.AddEdges(node, _direction, _edges);
        if (_edges.Count <= FewLinks)
            return SortFew(node);
        sorted = SortMany(node);
        _sorted[node] = sorted;
        return sorted;
    }

    /// <summary>The order of two edges leaving a node: by the id of their heads, then by their links.</summary>
    public int Compare(int tail, Edge a, Edge b) =>
        a.Head != b.Head ? string.CompareOrdinal(_nodes.Id(a.Head), _nodes.Id(b.Head)) : CompareLinks(tail, a, b);

    /// <summary>An insertion sort of a handful, without a comparison delegate: shipments are visited by the ten thousand.</summary>
    private ReadOnlySpan<Edge> SortFew(int node)
    {
        var few = CollectionsMarshal.AsSpan(_edges);
        for (var i = 1; i < few.Length; i++)
        {
            for (var j = i; j > 0 && CompareInIndex(node, few[j - 1], few[j]) > 0; j--)
                (few[j - 1], few[j]) = (few[j], few[j - 1]);
        }

        return few;
    }

    private Edge[] SortMany(int node)
    {
        // Sorting numbers, the rank above the edge's place, is several times faster than sorting edges by a comparison.
        var keys = new long[_edges.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = ((long)_roleLinks.Rank(_edges[i].Head) << 32) | (uint)i;
        Array.Sort(keys);
        var sorted = new Edge[keys.Length];
        for (var i = 0; i < keys.Length; i++)
            sorted[i] = _edges[(int)(keys[i] & 0xFFFF_FFFF)];
        // Parallel links (one head twice) are rare; they go by their links.
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end].Head == sorted[start].Head)
                end++;
            if (end - start > 1)
                sorted.AsSpan(start, end - start).Sort((a, b) => CompareLinks(node, a, b));
            start = end;
        }

        return sorted;
    }

    /// <summary>The order of two of the index's edges leaving a node: by the rank of their heads, then by their links.</summary>
    private int CompareInIndex(int tail, Edge a, Edge b) =>
        a.Head != b.Head ? _roleLinks.Rank(a.Head).CompareTo(_roleLinks.Rank(b.Head)) : CompareLinks(tail, a, b);

    /// <summary>The order of two links leaving a node: by id, source and target (no two known links share all three).</summary>
    private int CompareLinks(int tail, Edge a, Edge b)
    {
        if (a.LinkCode == b.LinkCode)
            return 0;
        var (x, y) = (_links.LinkOf(tail, a), _links.LinkOf(tail, b));
        return string.CompareOrdinal(x.Id, y.Id) is var byId and not 0 ? byId
            : string.CompareOrdinal(x.SourceId, y.SourceId) is var bySource and not 0 ? bySource
            : string.CompareOrdinal(x.TargetId, y.TargetId);
    }
}
