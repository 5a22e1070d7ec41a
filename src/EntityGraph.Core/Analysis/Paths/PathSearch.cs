using System.Runtime.InteropServices;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// The in-memory half of <see cref="PathFinder"/>: the two balls, the links known so far, the distance
/// bounds, and the enumeration of paths of one length.
/// </summary>
/// <remarks>
/// Nodes are numbers. With a trade index that holds role links, a trading party is its number in the
/// index and a shipment is its row, counted on after the parties: the sender, receiver and declarant
/// links around them are taken from the index as numbers whenever they are wanted, and made into
/// <see cref="Link"/>s only for the paths returned. A hub's tens of thousands of shipments then cost a
/// few integers each instead of a link object, its strings and their hashing. Any other node is numbered
/// when first met, and the links the store returns are kept, indexed by the node a path leaves them from.
/// <para>
/// Why enumeration is complete once the forward ball has radius a and the backward ball radius b with
/// a + b ≥ L (or one ball holds everything reachable): on a path of length L, the node at position
/// i &lt; a lies within i &lt; a of the start, so it was expanded and all its links are known; a node
/// at position i ≥ a is followed by one within L − i − 1 ≤ b − 1 of the end, which was expanded from
/// the end, so the link between them is known too. The index's links of a node are known even when the
/// node was not expanded; more real links only add steps that the bounds prune, and lower a bound
/// toward the true distance, never below it.
/// </para>
/// <para>
/// The expansion that brings a + b up to the most hops keeps only the links that touch both balls:
/// a node of its frontier lies at least a from its end, so a path can only go on from it to a node
/// within b of the other end; any other link makes every path through it longer than allowed. At
/// the 1M benchmark's hubs that level meets tens of thousands of links of which a handful touch the
/// other ball. The nodes it leaves undiscovered are farther than the bounds assume only on such paths.
/// The store's links of that level may also be read around the other frontier, or around both at once
/// when only shipment counts are known (see <see cref="PathFinder"/>): every new link it needs joins
/// the two frontiers, since the links of nodes expanded before are all known, so it is found from
/// either end and discovers the same nodes.
/// </para>
/// </remarks>
internal sealed class PathSearch
{
    /// <summary>The most steps of enumeration for one search: a guard against dense graphs where many walks fit the bounds.</summary>
    internal const int EnumerationBudget = 2_000_000;

    private const int Unreachable = int.MaxValue / 2;

    /// <summary>How many links a node may have for its steps to be worked out on each visit (without the heads on the route) and not kept.</summary>
    private const int FewLinks = 4;

    private readonly PathQuery _query;
    private readonly TradeIndex? _index;
    private readonly PartyShipmentCounts? _counts;
    private readonly int _parties;
    private readonly int _indexed;
    private readonly bool _sent;
    private readonly bool _received;
    private readonly bool _declared;
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly Side _forward;
    private readonly Side _backward;
    private readonly List<Link> _links = [];
    private readonly Dictionary<int, List<Edge>> _leaving = [];
    private readonly HashSet<(string Id, string Source, string Target)> _known = [];
    private readonly HashSet<int> _expandedBothWays = [];
    private readonly Dictionary<(int Node, int Remaining), Step[]> _steps = [];
    private readonly List<Edge> _edges = [];
    private readonly List<Edge> _kept = [];
    private readonly Dictionary<int, int> _bounds = [];
    private readonly List<int> _route = [];
    private readonly List<ArraySegment<Edge>> _routeEdges = [];
    private readonly Dictionary<int, Edge[]> _inOrder = [];
    private readonly List<Edge> _keptStored = [];
    private readonly List<Edge> _ahead = [];
    private readonly List<Connection> _found = [];
    private Side? _expanding;
    private bool _lastLevel;
    private List<int> _discovered = [];
    private int _outside;
    private int _work;

    /// <param name="query">What to look for.</param>
    /// <param name="index">A current trade index; its role links are used only if it holds them.</param>
    /// <param name="counts">Current shipment counts, to choose the cheaper side when the index does not hold role links.</param>
    public PathSearch(PathQuery query, TradeIndex? index, PartyShipmentCounts? counts)
    {
        _query = query;
        _index = index is { HoldsRoleLinks: true } ? index : null;
        _counts = _index is null ? counts : null;
        if (_index is not null)
        {
            _parties = _index.PartyCount;
            _indexed = _parties + _index.Count;
        }

        var kinds = query.Kinds is { Count: > 0 } k ? k : null;
        _sent = kinds?.Contains(LinkKind.Sent) ?? true;
        _received = kinds?.Contains(LinkKind.Received) ?? true;
        _declared = kinds?.Contains(LinkKind.Declared) ?? true;
        _forward = new Side(Number(query.FromId), query.Direction, isForward: true);
        _backward = new Side(Number(query.ToId), Opposite(query.Direction), isForward: false);
    }

    public IReadOnlyList<Connection> Found => _found;

    /// <summary>Whether the two balls share a node, i.e. a path of length at most the sum of their radii exists.</summary>
    public bool Met { get; private set; }

    public bool Truncated { get; private set; }

    public bool Full => _found.Count >= _query.Limit;

    /// <summary>Whether the sender and receiver links around trading parties and the role links of shipments come from the index.</summary>
    public bool IndexHoldsRoleLinks => _index is not null;

    /// <summary>
    /// The side to expand next: the one with fewer links to read, as far as the index or the counts tell
    /// (without them, the one with the smaller frontier). Either side gives the same paths; only what is
    /// read differs. None when the budget was spent, or when one side has no frontier left (it holds all
    /// it can reach, so the search is complete).
    /// </summary>
    public Side? NextSide()
    {
        if (Truncated || _forward.Frontier.Count == 0 || _backward.Frontier.Count == 0)
            return null;
        if (_index is null && _counts is null)
            return _forward.Frontier.Count <= _backward.Frontier.Count ? _forward : _backward;
        return EstimateLinks(ToRead(_forward)) <= EstimateLinks(ToRead(_backward)) ? _forward : _backward;
    }

    /// <summary>The side across from <paramref name="side"/>.</summary>
    public Side Other(Side side) => side == _forward ? _backward : _forward;

    /// <summary>Whether expanding the side brings the two radii up to the most hops: no level follows it.</summary>
    public bool IsLast(Side side) => side.Radius + 1 + Other(side).Radius >= _query.MaxHops;

    /// <summary>
    /// The frontier nodes whose links must be read. Following links both ways, a node the other side
    /// already expanded has all its links known, so it is not read again (a hub between the two ends is
    /// read once).
    /// </summary>
    public IReadOnlyList<int> ToRead(Side side) =>
        _query.Direction == LinkDirection.Both ? [.. side.Frontier.Where(n => !_expandedBothWays.Contains(n))] : side.Frontier;

    /// <summary>The id of a numbered node.</summary>
    public string Id(int node) =>
        node < _parties ? _index!.Parties[node]
        : node < _indexed ? _index!.Columns.Ids[node - _parties]
        : _ids[node - _indexed];

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
            if (node >= _indexed)
                others.Add(Id(node));
            else if (node < _parties || _index!.HasOtherLinks(node - _parties))
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

    private long EstimateLinks(IReadOnlyList<int> nodes)
    {
        var links = 0L;
        foreach (var node in nodes)
        {
            links += 2;
            if (node < _parties)
                links += _index!.ShipmentCount(node) + _index.DeclaredRows(node).Count + _index.ExtraRolesOfParty(node).Count;
            else if (_counts is not null && node >= _indexed)
                links += _counts.Of(Id(node));
        }

        return links;
    }

    /// <summary>
    /// Starts the expansion of a side's frontier: its nodes that the other side expanded already, whose
    /// links are all known, lead on to their neighbours now.
    /// </summary>
    public void BeginLevel(Side side)
    {
        _expanding = side;
        _lastLevel = IsLast(side);
        _discovered = [];
        if (_query.Direction != LinkDirection.Both)
            return;
        foreach (var node in side.Frontier)
        {
            if (!_expandedBothWays.Contains(node))
                continue;
            _edges.Clear();
            IndexEdges(node, LinkDirection.Both, _edges);
            if (_leaving.TryGetValue(node, out var stored))
                _edges.AddRange(stored);
            foreach (var edge in _edges)
                Discover(edge.Head);
        }
    }

    /// <summary>
    /// Takes in the index's links around the nodes being read, at most <paramref name="budget"/> of
    /// them; on the last level only those that touch the other ball. Returns how many were taken, and
    /// whether the budget cut them.
    /// </summary>
    public (int Taken, bool Cut) ReadIndex(IReadOnlyList<int> nodes, int budget)
    {
        var side = _expanding ?? throw new InvalidOperationException("No level was begun.");
        var other = Other(side);
        var taken = 0;
        foreach (var node in nodes)
        {
            if (node >= _indexed)
                continue;
            _edges.Clear();
            IndexEdges(node, side.Fetch, _edges);
            var touchesOther = other.Distance.ContainsKey(node);
            foreach (var edge in _edges)
            {
                if (_lastLevel && !touchesOther && !other.Distance.ContainsKey(edge.Head))
                    continue;
                // A link between two nodes read together is counted once, as the store returns it once.
                if (edge.Head < node && _query.Direction == LinkDirection.Both && IsRead(side, edge.Head))
                    continue;
                if (taken == budget)
                    return (taken, true);
                taken++;
                Discover(edge.Head);
            }
        }

        return (taken, false);
    }

    /// <summary>Whether a node is among those the side reads at this level: its frontier, less the nodes the other side expanded.</summary>
    private bool IsRead(Side side, int node) =>
        side.Distance.TryGetValue(node, out var distance) && distance == side.Radius && !_expandedBothWays.Contains(node);

    /// <summary>Takes in links read from the store around the nodes being read.</summary>
    public void AddLinks(IEnumerable<Link> links)
    {
        var side = _expanding ?? throw new InvalidOperationException("No level was begun.");
        var other = Other(side);
        foreach (var link in links)
        {
            if (link.SourceId == link.TargetId)
                continue;
            var source = Number(link.SourceId);
            var target = Number(link.TargetId);
            if (_lastLevel && !(Touches(side, source, target) && Touches(other, source, target)))
                continue;
            if (_known.Add((link.Id, link.SourceId, link.TargetId)))
                Index(link, source, target);
            if (_query.Direction == LinkDirection.Both)
            {
                Discover(source);
                Discover(target);
            }
            else
            {
                Discover(side.IsForward == (_query.Direction == LinkDirection.Outgoing) ? target : source);
            }
        }
    }

    /// <summary>Ends the expansion begun: the nodes discovered are the side's new frontier. <paramref name="cut"/> when the budget cut what was read.</summary>
    public void EndLevel(bool cut)
    {
        var side = _expanding ?? throw new InvalidOperationException("No level was begun.");
        // After the last level a frontier node's links are known only as far as they touch the other ball.
        if (_query.Direction == LinkDirection.Both && !_lastLevel)
            _expandedBothWays.UnionWith(side.Frontier);
        side.Radius++;
        side.Frontier = _discovered;
        Truncated |= cut;
        _expanding = null;
    }

    private void Discover(int node)
    {
        var side = _expanding!;
        if (!side.Distance.TryAdd(node, side.Radius + 1))
            return;
        _discovered.Add(node);
        Met |= Other(side).Distance.ContainsKey(node);
    }

    private static bool Touches(Side side, int source, int target) =>
        side.Distance.ContainsKey(source) || side.Distance.ContainsKey(target);

    /// <summary>Adds the paths of exactly <paramref name="length"/> links, in order, until the limit.</summary>
    public void Enumerate(int length, CancellationToken cancellationToken)
    {
        if (!Met || Full)
            return;
        ComputeBounds(length);
        // Steps are filtered by the bounds, which change with the length and the links known.
        _steps.Clear();
        _route.Add(_forward.Origin);
        Walk(_forward.Origin, length, cancellationToken);
        _route.Clear();
        _routeEdges.Clear();
    }

    private void Walk(int node, int remaining, CancellationToken cancellationToken)
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
            if (node == _backward.Origin)
                Emit();
            return;
        }

        if (node == _backward.Origin)
            return;
        foreach (var step in Steps(node, remaining))
        {
            if (_route.Contains(step.Head))
                continue;
            _route.Add(step.Head);
            _routeEdges.Add(step.Edges);
            Walk(step.Head, remaining - 1, cancellationToken);
            _routeEdges.RemoveAt(_routeEdges.Count - 1);
            _route.RemoveAt(_route.Count - 1);
            if (Full || Truncated)
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
                links[i] = LinkOf(_route[i], _routeEdges[i][choice[i]]);
            _found.Add(new Connection([.. _route.Select(Id)], links));
            var position = choice.Length - 1;
            while (position >= 0 && ++choice[position] == _routeEdges[position].Count)
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
        // Farthest first, so that most bounds are settled in the first pass.
        var expanded = new List<int>();
        for (var distance = _forward.Radius - 1; distance >= 0; distance--)
        {
            foreach (var (node, at) in _forward.Distance)
            {
                if (at == distance && !_backward.Distance.ContainsKey(node))
                    expanded.Add(node);
            }
        }

        foreach (var node in expanded)
            _bounds[node] = length;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var node in expanded)
            {
                var best = length;
                foreach (var edge in IndexEdgesInOrder(node))
                    best = Math.Min(best, Bound(edge.Head) + 1);
                foreach (var edge in _leaving.GetValueOrDefault(node) ?? [])
                    best = Math.Min(best, Bound(edge.Head) + 1);
                if (best < _bounds[node])
                {
                    _bounds[node] = best;
                    changed = true;
                }
            }
        }
    }

    private int Bound(int node) =>
        _backward.Distance.TryGetValue(node, out var distance) ? distance
        : _bounds.TryGetValue(node, out var bound) ? bound
        : _outside;

    /// <summary>
    /// The steps from a node whose heads can still reach the end in the links left after them, in order
    /// of the heads' ids. The index's edges come in order; the bound filters them before the store's few
    /// are merged in and the steps grouped: of a hub's tens of thousands of links only a few lead
    /// anywhere near the end.
    /// </summary>
    /// <remarks>
    /// A node with a few links (a shipment, most often) is worked out again on every visit, leaving out
    /// the heads already on the route, and not kept: a hub's ten thousand shipments are each visited once
    /// or twice, and most of them lead only back to the hub.
    /// </remarks>
    private Step[] Steps(int node, int remaining)
    {
        if (_steps.TryGetValue((node, remaining), out var steps))
            return steps;
        var fromIndex = IndexEdgesInOrder(node);
        _leaving.TryGetValue(node, out var stored);
        var few = fromIndex.Length + (stored?.Count ?? 0) <= FewLinks;
        // One list serves every call: the steps are copied out of it before the walk goes on.
        _kept.Clear();
        foreach (var edge in fromIndex)
        {
            if (Leads(node, edge, few, remaining))
                _kept.Add(edge);
        }

        if (stored is not null)
            MergeStored(node, stored, few, remaining);
        steps = _kept.Count == 0 ? [] : Grouped();
        if (!few)
            _steps[(node, remaining)] = steps;
        return steps;
    }

    /// <summary>
    /// Whether a path may go on from <paramref name="tail"/> through the edge's head with
    /// <paramref name="remaining"/> links left, counting the one to it.
    /// </summary>
    /// <remarks>
    /// A shipment that no other link touches has all its links in the index, so it leads on only if one
    /// of them reaches, other than back to the tail, a node near enough to the end: a hub's tens of
    /// thousands of shipments are weighed here, where the hub's steps are worked out once, instead of
    /// each being visited by the walk to find it leads nowhere.
    /// </remarks>
    private bool Leads(int tail, Edge edge, bool few, int remaining)
    {
        if ((few && _route.Contains(edge.Head)) || Bound(edge.Head) > remaining - 1)
            return false;
        if (remaining == 1 || edge.Head < _parties || edge.Head >= _indexed || _index!.HasOtherLinks(edge.Head - _parties))
            return true;
        _ahead.Clear();
        IndexEdges(edge.Head, _query.Direction, _ahead);
        foreach (var next in _ahead)
        {
            if (next.Head != tail && Bound(next.Head) <= remaining - 2)
                return true;
        }

        return false;
    }

    /// <summary>
    /// The index's edges of a node sorted by their heads' ids, then their links. They all lead to shipments
    /// (from a party) or all to parties (from a shipment), so the index's ranks of the ids order them. A node
    /// with many is sorted once per search: a hub's order serves every length and every visit.
    /// </summary>
    private ReadOnlySpan<Edge> IndexEdgesInOrder(int node)
    {
        if (node >= _indexed)
            return [];
        if (_inOrder.TryGetValue(node, out var sorted))
            return sorted;
        _edges.Clear();
        IndexEdges(node, _query.Direction, _edges);
        if (_edges.Count <= FewLinks)
        {
            // An insertion sort of a handful, without a comparison delegate: shipments are visited by the ten thousand.
            var few = CollectionsMarshal.AsSpan(_edges);
            for (var i = 1; i < few.Length; i++)
            {
                for (var j = i; j > 0 && CompareInIndex(node, few[j - 1], few[j]) > 0; j--)
                    (few[j - 1], few[j]) = (few[j], few[j - 1]);
            }

            return few;
        }

        // Sorting numbers, the rank above the edge's place, is several times faster than sorting edges by a comparison.
        var keys = new long[_edges.Count];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = ((long)Rank(_edges[i].Head) << 32) | (uint)i;
        Array.Sort(keys);
        sorted = new Edge[keys.Length];
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

        _inOrder[node] = sorted;
        return sorted;
    }

    /// <summary>Merges the store's links of a node that lead on into the kept index edges, in order.</summary>
    private void MergeStored(int tail, List<Edge> stored, bool few, int remaining)
    {
        _keptStored.Clear();
        foreach (var edge in stored)
        {
            if (Leads(tail, edge, few, remaining))
                _keptStored.Add(edge);
        }

        if (_keptStored.Count == 0)
            return;
        _keptStored.Sort((a, b) => Compare(tail, a, b));
        var fromIndex = _kept.Count;
        _kept.AddRange(_keptStored);
        if (fromIndex == 0)
            return;
        var merged = new List<Edge>(_kept.Count);
        var (i, j) = (0, fromIndex);
        while (i < fromIndex || j < _kept.Count)
            merged.Add(j == _kept.Count || (i < fromIndex && Compare(tail, _kept[i], _kept[j]) <= 0) ? _kept[i++] : _kept[j++]);
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

    /// <summary>The order of two of the index's edges leaving a node: by the rank of their heads, then by their links.</summary>
    private int CompareInIndex(int tail, Edge a, Edge b) =>
        a.Head != b.Head ? Rank(a.Head).CompareTo(Rank(b.Head)) : CompareLinks(tail, a, b);

    /// <summary>The order of two edges leaving a node: by the id of their heads, then by their links.</summary>
    private int Compare(int tail, Edge a, Edge b) =>
        a.Head != b.Head ? string.CompareOrdinal(Id(a.Head), Id(b.Head)) : CompareLinks(tail, a, b);

    /// <summary>The order of two links leaving a node: by id, source and target (no two known links share all three).</summary>
    private int CompareLinks(int tail, Edge a, Edge b)
    {
        if (a.Link == b.Link)
            return 0;
        var (x, y) = (LinkOf(tail, a), LinkOf(tail, b));
        return string.CompareOrdinal(x.Id, y.Id) is var byId and not 0 ? byId
            : string.CompareOrdinal(x.SourceId, y.SourceId) is var bySource and not 0 ? bySource
            : string.CompareOrdinal(x.TargetId, y.TargetId);
    }

    /// <summary>The place of an indexed party among parties, or of an indexed shipment among shipments, by id.</summary>
    private int Rank(int node) => node < _parties ? _index!.PartyRank(node) : _index!.ShipmentRank(node - _parties);

    /// <summary>
    /// The index's role links around a party or shipment in a direction, as edges to the node at their other
    /// end: a party is the source of its sender and declarant links and the target of its receiver links;
    /// a shipment is the target of its senders' and declarants' links and the source of its receivers'.
    /// </summary>
    private void IndexEdges(int node, LinkDirection direction, List<Edge> into)
    {
        if (node >= _indexed)
            return;
        var index = _index!;
        var outgoing = direction != LinkDirection.Incoming;
        var incoming = direction != LinkDirection.Outgoing;
        var (sent, received, declared) = node < _parties
            ? (_sent && outgoing, _received && incoming, _declared && outgoing)
            : (_sent && incoming, _received && outgoing, _declared && incoming);
        if (node < _parties)
        {
            if (sent)
                AddShipments(index.Rows(node, ShipmentRole.Sender), SentLink, into);
            if (received)
                AddShipments(index.Rows(node, ShipmentRole.Receiver), ReceivedLink, into);
            if (declared)
                AddShipments(index.DeclaredRows(node), RoleCode(ShipmentRole.Declarant), into);

            foreach (var extra in index.ExtraRolesOfParty(node))
            {
                if (extra.Role switch { ShipmentRole.Sender => sent, ShipmentRole.Receiver => received, _ => declared })
                    into.Add(new Edge(_parties + extra.Row, RoleCode(extra.Role)));
            }

            return;
        }

        var shipment = node - _parties;
        var columns = index.Columns;
        if (sent && columns.Senders[shipment] is var sender and >= 0)
            into.Add(new Edge(sender, SentLink));
        if (received && columns.Receivers[shipment] is var receiver and >= 0)
            into.Add(new Edge(receiver, ReceivedLink));
        if (declared && columns.DeclarantOf(shipment) is var declarant and >= 0)
            into.Add(new Edge(declarant, RoleCode(ShipmentRole.Declarant)));
        foreach (var extra in index.ExtraRolesOfRow(shipment))
        {
            if (extra.Role switch { ShipmentRole.Sender => sent, ShipmentRole.Receiver => received, _ => declared })
                into.Add(new Edge(extra.Party, RoleCode(extra.Role)));
        }
    }

    /// <summary>Adds edges to the shipments in the rows, all at once: a hub has tens of thousands.</summary>
    private void AddShipments(ArraySegment<int> rows, int link, List<Edge> into)
    {
        var start = into.Count;
        CollectionsMarshal.SetCount(into, start + rows.Count);
        var edges = CollectionsMarshal.AsSpan(into)[start..];
        var from = rows.AsSpan();
        for (var i = 0; i < from.Length; i++)
            edges[i] = new Edge(_parties + from[i], link);
    }

    private static readonly int SentLink = RoleCode(ShipmentRole.Sender);
    private static readonly int ReceivedLink = RoleCode(ShipmentRole.Receiver);

    /// <summary>How an edge names a role link of the index: a negative number (store links are 0 and up).</summary>
    private static int RoleCode(ShipmentRole role) => ~(int)role;

    /// <summary>The link an edge leaving <paramref name="tail"/> stands for.</summary>
    private Link LinkOf(int tail, Edge edge)
    {
        if (edge.Link >= 0)
            return _links[edge.Link];
        var (party, shipment) = tail < _parties ? (tail, edge.Head) : (edge.Head, tail);
        return _index!.RoleLink(shipment - _parties, Id(party), (ShipmentRole)~edge.Link);
    }

    /// <summary>
    /// Keeps a link read from the store under the node(s) a path may leave it from, unless the index
    /// gives that node's links of its kind.
    /// </summary>
    private void Index(Link link, int source, int target)
    {
        var number = _links.Count;
        _links.Add(link);
        if (_query.Direction != LinkDirection.Incoming && !FromIndex(source, link.Kind))
            Leaving(source).Add(new Edge(target, number));
        if (_query.Direction != LinkDirection.Outgoing && !FromIndex(target, link.Kind))
            Leaving(target).Add(new Edge(source, number));
    }

    private bool FromIndex(int node, LinkKind kind) =>
        node < _indexed && kind is LinkKind.Sent or LinkKind.Received or LinkKind.Declared;

    private List<Edge> Leaving(int node)
    {
        if (!_leaving.TryGetValue(node, out var edges))
            _leaving[node] = edges = [];
        return edges;
    }

    /// <summary>A node's number: the index's for its parties and shipments, else one given when the node is first met.</summary>
    private int Number(string id)
    {
        if (_index is not null)
        {
            if (_index.TryGetParty(id, out var party))
                return party;
            if (_index.TryGetShipment(id, out var row))
                return _parties + row;
        }

        if (!_numbers.TryGetValue(id, out var number))
        {
            _numbers[id] = number = _indexed + _ids.Count;
            _ids.Add(id);
        }

        return number;
    }

    private static LinkDirection Opposite(LinkDirection direction) => direction switch
    {
        LinkDirection.Outgoing => LinkDirection.Incoming,
        LinkDirection.Incoming => LinkDirection.Outgoing,
        _ => LinkDirection.Both,
    };

    /// <summary>
    /// A link as a path leaving a node sees it: the node at its other end, and which link it is: a store
    /// link's place in the list of those read, or (negative) the role of an index link.
    /// </summary>
    private readonly record struct Edge(int Head, int Link);

    /// <summary>A node a path may step to from one node, with the parallel links that join them.</summary>
    private readonly record struct Step(int Head, ArraySegment<Edge> Edges);

    /// <summary>One end's ball: the distance of every node found from that end, and its unexpanded frontier.</summary>
    internal sealed class Side(int origin, LinkDirection fetch, bool isForward)
    {
        public int Origin { get; } = origin;

        public Dictionary<int, int> Distance { get; } = new() { [origin] = 0 };

        public List<int> Frontier { get; set; } = [origin];

        /// <summary>How many levels have been expanded: nodes nearer than this have all their links known.</summary>
        public int Radius { get; set; }

        /// <summary>Which links to fetch around the frontier.</summary>
        public LinkDirection Fetch { get; } = fetch;

        public bool IsForward { get; } = isForward;
    }
}
