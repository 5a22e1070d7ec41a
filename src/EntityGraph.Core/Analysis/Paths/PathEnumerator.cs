using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// Enumerates in memory the paths of one length through the links known, in order, pruned by a lower
/// bound on each node's distance to the end. See docs/paths.md#enumerating-the-paths-of-one-length.
/// </summary>
internal sealed class PathEnumerator
{
    /// <summary>The most steps of enumeration for one search: a guard against dense graphs where many walks fit the bounds.</summary>
    internal const int EnumerationBudget = 2_000_000;

    private readonly SearchBall _forward;
    private readonly SearchBall _backward;
    private readonly NodeNumbers _nodes;
    private readonly KnownLinks _links;
    private readonly DistanceBounds _bounds;
    private readonly StepTable _steps;
    private readonly int _limit;
    private readonly List<int> _route = [];
    private readonly List<ArraySegment<Edge>> _routeEdges = [];
    private readonly List<Connection> _found = [];
    private int _stepsWalked;
    private bool _stopped;

    /// <param name="forward">The ball around the start.</param>
    /// <param name="backward">The ball around the end.</param>
    /// <param name="nodes">The numbering of the search.</param>
    /// <param name="roleLinks">The index's role links.</param>
    /// <param name="links">The store's links taken in.</param>
    /// <param name="direction">How paths may follow links.</param>
    /// <param name="limit">The most paths to find.</param>
    public PathEnumerator(SearchBall forward, SearchBall backward, NodeNumbers nodes, IndexRoleLinks roleLinks, KnownLinks links, LinkDirection direction, int limit)
    {
        _forward = forward;
        _backward = backward;
        _nodes = nodes;
        _links = links;
        _limit = limit;
        var order = new EdgeOrder(nodes, roleLinks, links, direction);
        _bounds = new DistanceBounds(forward, backward, order, links);
        _steps = new StepTable(roleLinks, links, order, _bounds, _route, direction);
    }

    /// <summary>The paths found so far, in order.</summary>
    public IReadOnlyList<Connection> Found => _found;

    public bool Full => _found.Count >= _limit;

    /// <summary>Whether the enumeration took more steps than <see cref="EnumerationBudget"/> and stopped.</summary>
    public bool OverBudget { get; private set; }

    /// <summary>Adds the paths of exactly <paramref name="length"/> links, in order, until the limit.</summary>
    /// <param name="length">The number of links.</param>
    /// <param name="searchTruncated">Whether the search was cut already: the walk then stops after its first branch.</param>
    /// <param name="cancellationToken">Stops the walk.</param>
    public void Enumerate(int length, bool searchTruncated, CancellationToken cancellationToken)
    {
        if (Full)
            return;
        _stopped = searchTruncated;
        _bounds.Compute(length);
        _steps.Clear();
        _route.Add(_forward.Origin);
        Walk(_forward.Origin, length, cancellationToken);
        _route.Clear();
        _routeEdges.Clear();
    }

    private void Walk(int node, int remaining, CancellationToken cancellationToken)
    {
        if (++_stepsWalked > EnumerationBudget)
        {
            OverBudget = _stopped = true;
            return;
        }

        if ((_stepsWalked & 0xFFF) == 0)
            cancellationToken.ThrowIfCancellationRequested();
        if (remaining == 0)
        {
            if (node == _backward.Origin)
                Emit();
            return;
        }

        if (node == _backward.Origin)
            return;
        foreach (var step in _steps.From(node, remaining))
        {
            if (_route.Contains(step.Head))
                continue;
            _route.Add(step.Head);
            _routeEdges.Add(step.Edges);
            Walk(step.Head, remaining - 1, cancellationToken);
            _routeEdges.RemoveAt(_routeEdges.Count - 1);
            _route.RemoveAt(_route.Count - 1);
            if (Full || _stopped)
                return;
        }
    }

    /// <summary>One path per choice among parallel links, in order of their ids.</summary>
    private void Emit()
    {
        var choice = new int[_routeEdges.Count];
        while (!Full)
        {
            var links = new Link[choice.Length];
            for (var i = 0; i < links.Length; i++)
                links[i] = _links.LinkOf(_route[i], _routeEdges[i][choice[i]]);
            _found.Add(new Connection([.. _route.Select(_nodes.Id)], links));
            var position = choice.Length - 1;
            while (position >= 0 && ++choice[position] == _routeEdges[position].Count)
                choice[position--] = 0;
            if (position < 0)
                return;
        }
    }
}
