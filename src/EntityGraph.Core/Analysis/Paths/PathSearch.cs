using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// The in-memory half of <see cref="PathFinder"/>: the two balls grown level by level from the ends, what
/// each level takes in from the index and the store, and the enumeration of the paths of one length.
/// See docs/paths.md#how-the-bidirectional-search-grows.
/// </summary>
internal sealed class PathSearch
{
    private readonly PathQuery _query;
    private readonly TradeIndex? _index;
    private readonly PartyShipmentCounts? _counts;
    private readonly NodeNumbers _nodes;
    private readonly IndexRoleLinks _roleLinks;
    private readonly KnownLinks _links;
    private readonly PathEnumerator _paths;
    private readonly SearchBall _forward;
    private readonly SearchBall _backward;

    /// <summary>Following links both ways, the nodes whose links were all read: a hub between the two ends is read once.</summary>
    private readonly HashSet<int> _allLinksRead = [];

    private readonly List<Edge> _edgesOfNode = [];
    private SearchBall? _growing;
    private bool _isLastLevel;
    private List<int> _nextFrontier = [];
    private bool _levelCut;

    /// <param name="query">What to look for.</param>
    /// <param name="index">A current trade index; its role links are used only if it holds them.</param>
    /// <param name="counts">Current shipment counts, to choose the cheaper ball to grow when the index does not hold role links.</param>
    public PathSearch(PathQuery query, TradeIndex? index, PartyShipmentCounts? counts)
    {
        _query = query;
        _index = index is { HoldsRoleLinks: true } ? index : null;
        _counts = _index is null ? counts : null;
        _nodes = new NodeNumbers(_index);
        _roleLinks = new IndexRoleLinks(_index, _nodes, query.Kinds is { Count: > 0 } kinds ? kinds : null);
        _links = new KnownLinks(_nodes, _roleLinks, query.Direction);
        _forward = new SearchBall(_nodes.Number(query.FromId), query.Direction, growsFromStart: true);
        _backward = new SearchBall(_nodes.Number(query.ToId), Opposite(query.Direction), growsFromStart: false);
        _paths = new PathEnumerator(_forward, _backward, _nodes, _roleLinks, _links, query.Direction, query.Limit);
    }

    public IReadOnlyList<Connection> Found => _paths.Found;

    /// <summary>Whether the two balls share a node, i.e. a path of length at most the sum of their radii exists.</summary>
    public bool Met { get; private set; }

    /// <summary>Whether the link budget or the enumeration budget cut the search.</summary>
    public bool Truncated => _levelCut || _paths.OverBudget;

    public bool Full => _paths.Full;

    /// <summary>Whether the sender and receiver links around trading parties and the role links of shipments come from the index.</summary>
    public bool IndexHoldsRoleLinks => _index is not null;

    /// <summary>
    /// The ball to grow next, the one with fewer links to read; none when the budget was spent, or when
    /// one ball has no frontier left (it holds all it can reach, so the search is complete).
    /// See docs/paths.md#how-the-ball-to-grow-is-chosen.
    /// </summary>
    public SearchBall? NextBallToGrow()
    {
        if (Truncated || _forward.Frontier.Count == 0 || _backward.Frontier.Count == 0)
            return null;
        if (_index is null && _counts is null)
            return _forward.Frontier.Count <= _backward.Frontier.Count ? _forward : _backward;
        return EstimateLinks(NodesToRead(_forward)) <= EstimateLinks(NodesToRead(_backward)) ? _forward : _backward;
    }

    /// <summary>The ball across from <paramref name="ball"/>.</summary>
    public SearchBall Across(SearchBall ball) => ball == _forward ? _backward : _forward;

    /// <summary>Whether growing the ball brings the two radii up to the most hops: no level follows it.</summary>
    public bool IsLast(SearchBall ball) => ball.Radius + 1 + Across(ball).Radius >= _query.MaxHops;

    /// <summary>
    /// The frontier nodes whose links must be read. Following links both ways, a node the other ball
    /// already grew through has all its links known, so it is not read again.
    /// </summary>
    public IReadOnlyList<int> NodesToRead(SearchBall ball) =>
        _query.Direction == LinkDirection.Both ? [.. ball.Frontier.Where(n => !_allLinksRead.Contains(n))] : ball.Frontier;

    /// <summary>The id of a numbered node.</summary>
    public string Id(int node) => _nodes.Id(node);

    /// <summary>
    /// The nodes whose links, beyond those the index holds, must be read from the store: trading parties
    /// and the shipments that other links touch (their links other than sender, receiver and declarant
    /// links), and every other node (all its links).
    /// </summary>
    public (List<string> Indexed, List<string> Others) StoreReads(IReadOnlyList<int> nodes)
    {
        var (indexed, others) = (new List<string>(), new List<string>());
        foreach (var node in nodes)
        {
            if (node >= _nodes.IndexedCount)
                others.Add(Id(node));
            else if (!_roleLinks.IsPlainShipment(node))
                indexed.Add(Id(node));
        }

        return (indexed, others);
    }

    /// <summary>
    /// An estimate of the links around nodes: a party's shipments, and two more for the links of other
    /// kinds (or a shipment's sender and receiver).
    /// </summary>
    public static long EstimateLinks(IEnumerable<string> nodes, PartyShipmentCounts counts) =>
        nodes.Sum(node => 2L + counts.Of(node));

    /// <summary>
    /// Starts growing a ball: its frontier nodes that the other ball grew through already, whose links
    /// are all known, lead on to their neighbours now.
    /// </summary>
    public void BeginLevel(SearchBall ball)
    {
        _growing = ball;
        _isLastLevel = IsLast(ball);
        _nextFrontier = [];
        if (_query.Direction != LinkDirection.Both)
            return;
        foreach (var node in ball.Frontier)
        {
            if (!_allLinksRead.Contains(node))
                continue;
            _edgesOfNode.Clear();
            _roleLinks.AddEdges(node, LinkDirection.Both, _edgesOfNode);
            if (_links.TryGetLeaving(node, out var stored))
                _edgesOfNode.AddRange(stored);
            foreach (var edge in _edgesOfNode)
                Discover(edge.Head);
        }
    }

    /// <summary>
    /// Takes in the index's links around the nodes being read, at most <paramref name="budget"/> of
    /// them; on the last level only those that touch the other ball. Returns how many were taken, and
    /// whether the budget cut them. See docs/paths.md#the-last-level.
    /// </summary>
    public (int Taken, bool Cut) ReadIndex(IReadOnlyList<int> nodes, int budget)
    {
        var ball = _growing ?? throw new InvalidOperationException("No level was begun.");
        var across = Across(ball);
        var taken = 0;
        foreach (var node in nodes)
        {
            if (node >= _nodes.IndexedCount)
                continue;
            _edgesOfNode.Clear();
            _roleLinks.AddEdges(node, ball.ReadDirection, _edgesOfNode);
            var touchesAcross = across.Distances.ContainsKey(node);
            foreach (var edge in _edgesOfNode)
            {
                if (_isLastLevel && !touchesAcross && !across.Distances.ContainsKey(edge.Head))
                    continue;
                // A link between two nodes read together is counted once, as the store returns it once.
                if (edge.Head < node && _query.Direction == LinkDirection.Both && IsRead(ball, edge.Head))
                    continue;
                if (taken == budget)
                    return (taken, true);
                taken++;
                Discover(edge.Head);
            }
        }

        return (taken, false);
    }

    /// <summary>Takes in links read from the store around the nodes being read. See docs/paths.md#the-last-level.</summary>
    public void AddLinks(IEnumerable<Link> links)
    {
        var ball = _growing ?? throw new InvalidOperationException("No level was begun.");
        var across = Across(ball);
        foreach (var link in links)
        {
            if (link.SourceId == link.TargetId)
                continue;
            var source = _nodes.Number(link.SourceId);
            var target = _nodes.Number(link.TargetId);
            if (_isLastLevel && !(Touches(ball, source, target) && Touches(across, source, target)))
                continue;
            _links.Add(link, source, target);
            if (_query.Direction == LinkDirection.Both)
            {
                Discover(source);
                Discover(target);
            }
            else
            {
                Discover(ball.GrowsFromStart == (_query.Direction == LinkDirection.Outgoing) ? target : source);
            }
        }
    }

    /// <summary>Ends the level begun: the nodes discovered are the ball's new frontier. <paramref name="cut"/> when the budget cut what was read.</summary>
    public void EndLevel(bool cut)
    {
        var ball = _growing ?? throw new InvalidOperationException("No level was begun.");
        // After the last level a frontier node's links are known only as far as they touch the other ball.
        if (_query.Direction == LinkDirection.Both && !_isLastLevel)
            _allLinksRead.UnionWith(ball.Frontier);
        ball.Radius++;
        ball.Frontier = _nextFrontier;
        _levelCut |= cut;
        _growing = null;
    }

    /// <summary>Adds the paths of exactly <paramref name="length"/> links, in order, until the limit.</summary>
    public void Enumerate(int length, CancellationToken cancellationToken)
    {
        if (Met)
            _paths.Enumerate(length, Truncated, cancellationToken);
    }

    private long EstimateLinks(IReadOnlyList<int> nodes)
    {
        var links = 0L;
        foreach (var node in nodes)
        {
            links += 2;
            if (node < _nodes.PartyCount)
                links += _index!.ShipmentCount(node) + _index.DeclaredRows(node).Count + _index.ExtraRolesOfParty(node).Count;
            else if (_counts is not null && node >= _nodes.IndexedCount)
                links += _counts.Of(Id(node));
        }

        return links;
    }

    /// <summary>Whether a node is among those the ball reads at this level: its frontier, less the nodes whose links were all read.</summary>
    private bool IsRead(SearchBall ball, int node) =>
        ball.Distances.TryGetValue(node, out var distance) && distance == ball.Radius && !_allLinksRead.Contains(node);

    private void Discover(int node)
    {
        var ball = _growing!;
        if (!ball.Distances.TryAdd(node, ball.Radius + 1))
            return;
        _nextFrontier.Add(node);
        Met |= Across(ball).Distances.ContainsKey(node);
    }

    private static bool Touches(SearchBall ball, int source, int target) =>
        ball.Distances.ContainsKey(source) || ball.Distances.ContainsKey(target);

    private static LinkDirection Opposite(LinkDirection direction) => direction switch
    {
        LinkDirection.Outgoing => LinkDirection.Incoming,
        LinkDirection.Incoming => LinkDirection.Outgoing,
        _ => LinkDirection.Both,
    };
}
