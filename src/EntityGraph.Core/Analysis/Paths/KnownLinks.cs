using EntityGraph.Core.Model;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// The links read from the store, each taken in once and kept under the node(s) a path may leave it
/// from; and what any edge stands for, a store link or a role link of the index.
/// </summary>
internal sealed class KnownLinks(NodeNumbers nodes, IndexRoleLinks roleLinks, LinkDirection direction)
{
    private readonly List<Link> _links = [];
    private readonly Dictionary<int, List<Edge>> _leaving = [];
    private readonly HashSet<(string Id, string Source, string Target)> _seen = [];

    /// <summary>
    /// Takes in a link read from the store, between the numbered nodes, unless it was taken in before. It is
    /// kept under the node(s) a path may leave it from, unless the index gives that node's links of its kind.
    /// </summary>
    public void Add(Link link, int source, int target)
    {
        if (!_seen.Add((link.Id, link.SourceId, link.TargetId)))
            return;
        var number = _links.Count;
        _links.Add(link);
        if (direction != LinkDirection.Incoming && !HeldByIndex(source, link.Kind))
            Leaving(source).Add(new Edge(target, number));
        if (direction != LinkDirection.Outgoing && !HeldByIndex(target, link.Kind))
            Leaving(target).Add(new Edge(source, number));
    }

    /// <summary>The store's links a path may leave a node by, if any.</summary>
    public bool TryGetLeaving(int node, out List<Edge> edges) => _leaving.TryGetValue(node, out edges!);

    /// <summary>The store's links a path may leave a node by, or null.</summary>
    public List<Edge>? LeavingOrNull(int node) => _leaving.GetValueOrDefault(node);

    /// <summary>The link an edge leaving <paramref name="tail"/> stands for.</summary>
    public Link LinkOf(int tail, Edge edge) => edge.LinkCode >= 0 ? _links[edge.LinkCode] : roleLinks.LinkOf(tail, edge);

    private bool HeldByIndex(int node, LinkKind kind) =>
        node < nodes.IndexedCount && kind is LinkKind.Sent or LinkKind.Received or LinkKind.Declared;

    private List<Edge> Leaving(int node)
    {
        if (!_leaving.TryGetValue(node, out var edges))
            _leaving[node] = edges = [];
        return edges;
    }
}
