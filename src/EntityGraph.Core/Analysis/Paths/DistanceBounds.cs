namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// A lower bound on each node's distance to the end of the paths, worked out for each length the paths
/// are enumerated at. See docs/paths.md#the-distance-bound and docs/paths.md#why-enumeration-is-exact.
/// </summary>
internal sealed class DistanceBounds(SearchBall forward, SearchBall backward, EdgeOrder order, KnownLinks links)
{
    private const int Unreachable = int.MaxValue / 2;

    private readonly Dictionary<int, int> _bounds = [];
    private int _outsideBackwardBall;

    /// <summary>
    /// Works out the bounds: exact inside the backward ball, one more than its radius outside it (or
    /// unreachable once it holds all that reaches the end), and through the known links of the forward
    /// nodes whose links are all known. Bounds of <paramref name="length"/> or more all mean "too far" and
    /// are kept at that.
    /// </summary>
    public void Compute(int length)
    {
        _outsideBackwardBall = backward.Frontier.Count == 0 ? Unreachable : backward.Radius + 1;
        _bounds.Clear();
        var expanded = ExpandedOutsideBackwardBall();
        foreach (var node in expanded)
            _bounds[node] = length;
        while (Tighten(expanded, length))
        {
        }
    }

    /// <summary>The bound of a node's distance to the end.</summary>
    public int Of(int node) =>
        backward.Distances.TryGetValue(node, out var distance) ? distance
        : _bounds.TryGetValue(node, out var bound) ? bound
        : _outsideBackwardBall;

    /// <summary>The forward ball's expanded nodes outside the backward ball, farthest first, so that most bounds are settled in the first pass.</summary>
    private List<int> ExpandedOutsideBackwardBall()
    {
        var expanded = new List<int>();
        for (var distance = forward.Radius - 1; distance >= 0; distance--)
        {
            foreach (var (node, at) in forward.Distances)
            {
                if (at == distance && !backward.Distances.ContainsKey(node))
                    expanded.Add(node);
            }
        }

        return expanded;
    }

    /// <summary>One pass of lowering each bound to one more than the least bound of a neighbour; whether any changed.</summary>
    private bool Tighten(List<int> expanded, int length)
    {
        var changed = false;
        foreach (var node in expanded)
        {
            var best = length;
            foreach (var edge in order.IndexEdgesInOrder(node))
                best = Math.Min(best, Of(edge.Head) + 1);
            foreach (var edge in links.LeavingOrNull(node) ?? [])
                best = Math.Min(best, Of(edge.Head) + 1);
            if (best < _bounds[node])
            {
                _bounds[node] = best;
                changed = true;
            }
        }

        return changed;
    }
}
