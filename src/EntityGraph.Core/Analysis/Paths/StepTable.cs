using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// The steps a path may take from a node with some links left: those whose heads can still reach the end
/// in time, in order of the heads' ids, worked out once per node and links left for one length.
/// See docs/paths.md#step-tables.
/// </summary>
/// <param name="roleLinks">The index's role links.</param>
/// <param name="links">The store's links taken in.</param>
/// <param name="order">The order of edges.</param>
/// <param name="bounds">The distance bounds of the length being enumerated.</param>
/// <param name="route">The nodes of the path being walked, from its start.</param>
/// <param name="direction">How paths may follow links.</param>
internal sealed class StepTable(IndexRoleLinks roleLinks, KnownLinks links, EdgeOrder order, DistanceBounds bounds, List<int> route, LinkDirection direction)
{
    private readonly Dictionary<(int Node, int Remaining), Step[]> _steps = [];
    private readonly List<Edge> _kept = [];
    private readonly List<Edge> _keptStored = [];
    private readonly List<Edge> _ahead = [];

    /// <summary>Forgets the steps worked out: they are filtered by the bounds, which change with the length and the links known.</summary>
    public void Clear() => _steps.Clear();

    /// <summary>
    /// The steps from a node whose heads can still reach the end in the links left after them, in order
    /// of the heads' ids; kept unless the node has few links, whose steps leave out the heads on the route.
    /// </summary>
    public Step[] From(int node, int remaining)
    {
        if (_steps.TryGetValue((node, remaining), out var steps))
            return steps;
        var fromIndex = order.IndexEdgesInOrder(node);
        links.TryGetLeaving(node, out var stored);
        var fewLinks = fromIndex.Length + (stored?.Count ?? 0) <= EdgeOrder.FewLinks;
        // One list serves every call: the steps are copied out of it before the walk goes on.
        _kept.Clear();
        foreach (var edge in fromIndex)
        {
            if (LeadsOn(node, edge, fewLinks, remaining))
                _kept.Add(edge);
        }

        if (stored is not null)
            MergeStored(node, stored, fewLinks, remaining);
        steps = _kept.Count == 0 ? [] : Grouped();
        if (!fewLinks)
            _steps[(node, remaining)] = steps;
        return steps;
    }

    /// <summary>
    /// Whether a path may go on from <paramref name="tail"/> through the edge's head with
    /// <paramref name="remaining"/> links left, counting the one to it.
    /// See docs/paths.md#the-lookahead-through-plain-shipments.
    /// </summary>
    private bool LeadsOn(int tail, Edge edge, bool fewLinks, int remaining)
    {
        if ((fewLinks && route.Contains(edge.Head)) || bounds.Of(edge.Head) > remaining - 1)
            return false;
        if (remaining == 1 || !roleLinks.IsPlainShipment(edge.Head))
            return true;
        _ahead.Clear();
        roleLinks.AddEdges(edge.Head, direction, _ahead);
        foreach (var next in _ahead)
        {
            if (next.Head != tail && bounds.Of(next.Head) <= remaining - 2)
                return true;
        }

        return false;
    }

    /// <summary>Merges the store's links of a node that lead on into the kept index edges, in order.</summary>
    private void MergeStored(int tail, List<Edge> stored, bool fewLinks, int remaining)
    {
        _keptStored.Clear();
        foreach (var edge in stored)
        {
            if (LeadsOn(tail, edge, fewLinks, remaining))
                _keptStored.Add(edge);
        }

        if (_keptStored.Count == 0)
            return;
        _keptStored.Sort((a, b) => order.Compare(tail, a, b));
        var fromIndex = _kept.Count;
        _kept.AddRange(_keptStored);
        if (fromIndex == 0)
            return;
        var merged = new List<Edge>(_kept.Count);
        var (i, j) = (0, fromIndex);
        while (i < fromIndex || j < _kept.Count)
            merged.Add(j == _kept.Count || (i < fromIndex && order.Compare(tail, _kept[i], _kept[j]) <= 0) ? _kept[i++] : _kept[j++]);
        _kept.Clear();
        _kept.AddRange(merged);
    }

    /// <summary>The kept edges, in order, as steps: grouped by head, sharing one array.</summary>
    private Step[] Grouped()
    {
        var edges = _kept.ToArray();
        var count = 1;
        for (var k = 1; k < edges.Length; k++)
            count += edges[k].Head != edges[k - 1].Head ? 1 : 0;
        var steps = new Step[count];
        var step = 0;
        for (var start = 0; start < edges.Length;)
        {
            var end = start + 1;
            while (end < edges.Length && edges[end].Head == edges[start].Head)
                end++;
            steps[step++] = new Step(edges[start].Head, new ArraySegment<Edge>(edges, start, end - start));
            start = end;
        }

        return steps;
    }
}
