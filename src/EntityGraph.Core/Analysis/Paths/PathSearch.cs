using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// The in-memory half of <see cref="PathFinder"/>: the two balls, every link read so far indexed by
/// the node a path leaves it from, the distance bounds, and the enumeration of paths of one length.
/// </summary>
/// <remarks>
/// Why enumeration is complete once the forward ball has radius a and the backward ball radius b with
/// a + b ≥ L (or one ball holds everything reachable): on a path of length L, the node at position
/// i &lt; a lies within i &lt; a of the start, so it was expanded and all its links are known; a node
/// at position i ≥ a is followed by one within L − i − 1 ≤ b − 1 of the end, which was expanded from
/// the end, so the link between them is known too.
/// <para>
/// The expansion that brings a + b up to the most hops keeps only the links that touch both balls:
/// a node of its frontier lies at least a from its end, so a path can only go on from it to a node
/// within b of the other end; any other link makes every path through it longer than allowed. At
/// the 1M benchmark's hubs that level reads tens of thousands of links of which a handful touch the
/// other ball. The nodes it leaves undiscovered are farther than the bounds assume only on such paths.
/// Since only links between the two frontiers are new, that level may also be read from both sides
/// at once (see <see cref="PathFinder"/>); a link that touches both balls is then still discovered
/// from a node of the expanded frontier or one expanded before.
/// </para>
/// </remarks>
internal sealed class PathSearch
{
    /// <summary>The most steps of enumeration for one search: a guard against dense graphs where many walks fit the bounds.</summary>
    internal const int EnumerationBudget = 2_000_000;

    private const int Unreachable = int.MaxValue / 2;

    private readonly PathQuery _query;
    private readonly Side _forward;
    private readonly Side _backward;
    private readonly Dictionary<string, List<Link>> _leaving = new(StringComparer.Ordinal);
    private readonly HashSet<(string Id, string Source, string Target)> _known = [];
    private readonly HashSet<string> _expandedBothWays = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Node, int Remaining), Step[]> _steps = [];
    private readonly List<(string Head, Link Link)> _kept = [];
    private readonly Dictionary<string, int> _bounds = new(StringComparer.Ordinal);
    private readonly List<string> _route = [];
    private readonly List<Link[]> _routeLinks = [];
    private readonly HashSet<string> _onRoute = new(StringComparer.Ordinal);
    private readonly List<Connection> _found = [];
    private int _outside;
    private int _work;

    public PathSearch(PathQuery query)
    {
        _query = query;
        _forward = new Side(query.FromId, query.Direction, isForward: true);
        _backward = new Side(query.ToId, Opposite(query.Direction), isForward: false);
    }

    public IReadOnlyList<Connection> Found => _found;

    /// <summary>Whether the two balls share a node, i.e. a path of length at most the sum of their radii exists.</summary>
    public bool Met { get; private set; }

    public bool Truncated { get; private set; }

    public bool Full => _found.Count >= _query.Limit;

    /// <summary>
    /// The side to expand next: the one with fewer links to read, as far as <paramref name="counts"/> tell
    /// (without them, the one with the smaller frontier). Either side gives the same paths; only what is
    /// read differs. None when the budget was spent, or when one side has no frontier left (it holds all
    /// it can reach, so the search is complete).
    /// </summary>
    public Side? NextSide(PartyShipmentCounts? counts)
    {
        if (Truncated || _forward.Frontier.Count == 0 || _backward.Frontier.Count == 0)
            return null;
        if (counts is null)
            return _forward.Frontier.Count <= _backward.Frontier.Count ? _forward : _backward;
        return EstimateLinks(ToRead(_forward), counts) <= EstimateLinks(ToRead(_backward), counts) ? _forward : _backward;
    }

    /// <summary>The side across from <paramref name="side"/>.</summary>
    public Side Other(Side side) => side == _forward ? _backward : _forward;

    /// <summary>Whether expanding the side brings the two radii up to the most hops: no level follows it.</summary>
    public bool IsLast(Side side) => side.Radius + 1 + Other(side).Radius >= _query.MaxHops;

    /// <summary>
    /// The frontier nodes whose links must be read from the store. Following links both ways, a node
    /// the other side already expanded has all its links known, so it is not read again (a hub
    /// between the two ends is read once).
    /// </summary>
    public IReadOnlyList<string> ToRead(Side side) =>
        _query.Direction == LinkDirection.Both ? [.. side.Frontier.Where(n => !_expandedBothWays.Contains(n))] : side.Frontier;

    /// <summary>
    /// An estimate of the links around nodes: a party's shipments, and two more for the links of other
    /// kinds (or a shipment's sender and receiver).
    /// </summary>
    public static long EstimateLinks(IEnumerable<string> nodes, PartyShipmentCounts counts) =>
        nodes.Sum(node => 2L + counts.Of(node));

    /// <summary>Takes in the links read around a side's frontier; <paramref name="cut"/> when the budget cut them.</summary>
    public void Absorb(Side side, IReadOnlyList<Link> links, bool cut)
    {
        var other = Other(side);
        var last = IsLast(side);
        var frontier = new List<string>();
        if (_query.Direction == LinkDirection.Both)
        {
            foreach (var node in side.Frontier.Where(_expandedBothWays.Contains))
            {
                foreach (var link in _leaving.GetValueOrDefault(node) ?? [])
                    Discover(Head(link, node));
            }
        }

        foreach (var link in links)
        {
            if (link.SourceId == link.TargetId || (last && !(Touches(side, link) && Touches(other, link))))
                continue;
            if (_known.Add((link.Id, link.SourceId, link.TargetId)))
                Index(link);
            if (_query.Direction == LinkDirection.Both)
            {
                Discover(link.SourceId);
                Discover(link.TargetId);
            }
            else
            {
                Discover(Reached(side, link));
            }
        }

        // After the last level a frontier node's links are known only as far as they touch the other ball.
        if (_query.Direction == LinkDirection.Both && !last)
            _expandedBothWays.UnionWith(side.Frontier);
        side.Radius++;
        side.Frontier = frontier;
        Truncated |= cut;

        void Discover(string node)
        {
            if (!side.Distance.TryAdd(node, side.Radius + 1))
                return;
            frontier.Add(node);
            Met |= other.Distance.ContainsKey(node);
        }
    }

    private static bool Touches(Side side, Link link) =>
        side.Distance.ContainsKey(link.SourceId) || side.Distance.ContainsKey(link.TargetId);

    /// <summary>Adds the paths of exactly <paramref name="length"/> links, in order, until the limit.</summary>
    public void Enumerate(int length, CancellationToken cancellationToken)
    {
        if (!Met || Full)
            return;
        ComputeBounds(length);
        // Steps are filtered by the bounds, which change with the length and the links known.
        _steps.Clear();
        _route.Add(_query.FromId);
        _onRoute.Add(_query.FromId);
        Walk(_query.FromId, length, cancellationToken);
        _route.Clear();
        _onRoute.Clear();
        _routeLinks.Clear();
    }

    private void Walk(string node, int remaining, CancellationToken cancellationToken)
    {
        if (++_work > EnumerationBudget)
        {
            Truncated = true;
            return;
        }

        if ((_work & 0xFFF) == 0)
            cancellationToken.ThrowIfCancellationRequested();
        if (remaining == 0)
        {
            if (node == _query.ToId)
                Emit();
            return;
        }

        if (node == _query.ToId)
            return;
        foreach (var step in Steps(node, remaining))
        {
            if (_onRoute.Contains(step.NodeId))
                continue;
            _route.Add(step.NodeId);
            _routeLinks.Add(step.Links);
            _onRoute.Add(step.NodeId);
            Walk(step.NodeId, remaining - 1, cancellationToken);
            _onRoute.Remove(step.NodeId);
            _routeLinks.RemoveAt(_routeLinks.Count - 1);
            _route.RemoveAt(_route.Count - 1);
            if (Full || Truncated)
                return;
        }
    }

    /// <summary>One path per choice among parallel links, in order of their ids.</summary>
    private void Emit()
    {
        var choice = new int[_routeLinks.Count];
        while (!Full)
        {
            _found.Add(new Connection([.. _route], [.. _routeLinks.Select((links, i) => links[choice[i]])]));
            var position = choice.Length - 1;
            while (position >= 0 && ++choice[position] == _routeLinks[position].Length)
                choice[position--] = 0;
            if (position < 0)
                return;
        }
    }

    /// <summary>
    /// A lower bound on each expanded forward node's distance to the end: exact inside the backward
    /// ball, one more than its radius outside it (or unreachable once it holds all that reaches the
    /// end), and through the known links of nodes whose links are all known. Bounds of
    /// <paramref name="length"/> or more all mean "too far" and are kept at that.
    /// </summary>
    private void ComputeBounds(int length)
    {
        _outside = _backward.Frontier.Count == 0 ? Unreachable : _backward.Radius + 1;
        _bounds.Clear();
        var expanded = _forward.Distance
            .Where(d => d.Value < _forward.Radius && !_backward.Distance.ContainsKey(d.Key))
            .OrderByDescending(d => d.Value)
            .Select(d => d.Key)
            .ToList();
        foreach (var node in expanded)
            _bounds[node] = length;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var node in expanded)
            {
                var best = length;
                if (_leaving.TryGetValue(node, out var links))
                {
                    foreach (var link in links)
                        best = Math.Min(best, Bound(Head(link, node)) + 1);
                }

                if (best < _bounds[node])
                {
                    _bounds[node] = best;
                    changed = true;
                }
            }
        }
    }

    private int Bound(string node) =>
        _backward.Distance.TryGetValue(node, out var distance) ? distance
        : _bounds.TryGetValue(node, out var bound) ? bound
        : _outside;

    /// <summary>
    /// The steps from a node whose heads can still reach the end in the links left after them, in order
    /// of the heads' ids. The bound filters before the steps are grouped and sorted: of a hub's tens of
    /// thousands of links only a few lead anywhere near the end.
    /// </summary>
    /// <remarks>
    /// A node with a few links (a shipment, most often) is worked out again on every visit, leaving out
    /// the heads already on the route, and not kept: a hub's ten thousand shipments are each visited once
    /// or twice, and most of them lead only back to the hub.
    /// </remarks>
    private Step[] Steps(string node, int remaining)
    {
        if (!_leaving.TryGetValue(node, out var links))
            return [];
        var few = links.Count <= FewLinks;
        if (!few && _steps.TryGetValue((node, remaining), out var steps))
            return steps;
        // One list serves every call: the steps are copied out of it before the walk goes on.
        _kept.Clear();
        foreach (var link in links)
        {
            var head = Head(link, node);
            if ((!few || !_onRoute.Contains(head)) && Bound(head) <= remaining - 1)
                _kept.Add((head, link));
        }

        steps = _kept.Count == 0 ? [] : Grouped();
        if (!few)
            _steps[(node, remaining)] = steps;
        return steps;
    }

    /// <summary>The kept links as steps: sorted by head, then by link id, source and target, and grouped by head.</summary>
    private Step[] Grouped()
    {
        // No two known links share id, source and target, so the order is total.
        _kept.Sort(static (a, b) =>
            string.CompareOrdinal(a.Head, b.Head) is var byHead and not 0 ? byHead
            : string.CompareOrdinal(a.Link.Id, b.Link.Id) is var byId and not 0 ? byId
            : string.CompareOrdinal(a.Link.SourceId, b.Link.SourceId) is var bySource and not 0 ? bySource
            : string.CompareOrdinal(a.Link.TargetId, b.Link.TargetId));
        var steps = new List<Step>();
        for (var start = 0; start < _kept.Count;)
        {
            var end = start + 1;
            while (end < _kept.Count && string.Equals(_kept[end].Head, _kept[start].Head, StringComparison.Ordinal))
                end++;
            var parallel = new Link[end - start];
            for (var i = start; i < end; i++)
                parallel[i - start] = _kept[i].Link;
            steps.Add(new Step(_kept[start].Head, parallel));
            start = end;
        }

        return [.. steps];
    }

    /// <summary>How many links a node may have for its steps to be worked out on each visit (without the heads on the route) and not kept.</summary>
    private const int FewLinks = 4;

    /// <summary>Indexes a link under the node(s) a path may leave it from.</summary>
    private void Index(Link link)
    {
        if (_query.Direction != LinkDirection.Incoming)
            Leaving(link.SourceId).Add(link);
        if (_query.Direction != LinkDirection.Outgoing)
            Leaving(link.TargetId).Add(link);
    }

    private List<Link> Leaving(string node)
    {
        if (!_leaving.TryGetValue(node, out var links))
            _leaving[node] = links = [];
        return links;
    }

    /// <summary>The node a path reaches through a link it leaves <paramref name="tail"/> by.</summary>
    private string Head(Link link, string tail) => _query.Direction switch
    {
        LinkDirection.Outgoing => link.TargetId,
        LinkDirection.Incoming => link.SourceId,
        _ => link.SourceId == tail ? link.TargetId : link.SourceId,
    };

    /// <summary>The node a side reaches through a link read around its frontier, following links one way.</summary>
    private string Reached(Side side, Link link) =>
        side.IsForward == (_query.Direction == LinkDirection.Outgoing) ? link.TargetId : link.SourceId;

    private static LinkDirection Opposite(LinkDirection direction) => direction switch
    {
        LinkDirection.Outgoing => LinkDirection.Incoming,
        LinkDirection.Incoming => LinkDirection.Outgoing,
        _ => LinkDirection.Both,
    };

    /// <summary>The nodes a path may step to from one node, with the parallel links that join them.</summary>
    private sealed record Step(string NodeId, Link[] Links);

    /// <summary>One end's ball: the distance of every node found from that end, and its unexpanded frontier.</summary>
    internal sealed class Side(string origin, LinkDirection fetch, bool isForward)
    {
        public Dictionary<string, int> Distance { get; } = new(StringComparer.Ordinal) { [origin] = 0 };

        public List<string> Frontier { get; set; } = [origin];

        /// <summary>How many levels have been expanded: nodes nearer than this have all their links known.</summary>
        public int Radius { get; set; }

        /// <summary>Which links to fetch around the frontier.</summary>
        public LinkDirection Fetch { get; } = fetch;

        public bool IsForward { get; } = isForward;
    }
}
