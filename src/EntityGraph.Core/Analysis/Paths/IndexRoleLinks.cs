using System.Runtime.InteropServices;
using EntityGraph.Core.Indexing;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.Analysis.Paths;

/// <summary>
/// The trade index's sender, receiver and declarant links around parties and shipments, of the kinds a
/// query allows, as edges between node numbers: a hub's tens of thousands of shipments cost a few
/// integers each, and only the links of the paths returned are made into <see cref="Link"/>s.
/// </summary>
internal sealed class IndexRoleLinks
{
    private static readonly int SentLink = RoleCode(ShipmentRole.Sender);
    private static readonly int ReceivedLink = RoleCode(ShipmentRole.Receiver);
    private static readonly int DeclaredLink = RoleCode(ShipmentRole.Declarant);

    private readonly TradeIndex? _index;
    private readonly NodeNumbers _nodes;
    private readonly int _parties;
    private readonly int _indexed;
    private readonly bool _sent;
    private readonly bool _received;
    private readonly bool _declared;

    /// <param name="index">A trade index that holds role links, or null (then no node has any here).</param>
    /// <param name="nodes">The numbering of the search.</param>
    /// <param name="kinds">The link kinds a path may use; null allows all.</param>
    public IndexRoleLinks(TradeIndex? index, NodeNumbers nodes, IReadOnlyCollection<LinkKind>? kinds)
    {
        _index = index;
        _nodes = nodes;
        _parties = nodes.PartyCount;
        _indexed = nodes.IndexedCount;
        _sent = kinds?.Contains(LinkKind.Sent) ?? true;
        _received = kinds?.Contains(LinkKind.Received) ?? true;
        _declared = kinds?.Contains(LinkKind.Declared) ?? true;
    }

    /// <summary>Whether a node is a shipment of the index that no link of another kind touches: all its links are here.</summary>
    public bool IsPlainShipment(int node) =>
        node >= _parties && node < _indexed && !_index!.HasOtherLinks(node - _parties);

    /// <summary>
    /// Adds the role links around a party or shipment in a direction, as edges to the node at their other
    /// end: a party is the source of its sender and declarant links and the target of its receiver links;
    /// a shipment is the target of its senders' and declarants' links and the source of its receivers'.
    /// </summary>
    public void AddEdges(int node, LinkDirection direction, List<Edge> into)
    {
        if (node >= _indexed)
            return;
        var outgoing = direction != LinkDirection.Incoming;
        var incoming = direction != LinkDirection.Outgoing;
        if (node < _parties)
            AddPartyEdges(node, _sent && outgoing, _received && incoming, _declared && outgoing, into);
        else
            AddShipmentEdges(node - _parties, _sent && incoming, _received && outgoing, _declared && incoming, into);
    }

    /// <summary>The place of an indexed party among parties, or of an indexed shipment among shipments, by id.</summary>
    public int Rank(int node) => node < _parties ? _index!.PartyRank(node) : _index!.ShipmentRank(node - _parties);

    /// <summary>The link a role edge leaving <paramref name="tail"/> stands for.</summary>
    public Link LinkOf(int tail, Edge edge)
    {
        var (party, shipment) = tail < _parties ? (tail, edge.Head) : (edge.Head, tail);
        return _index!.RoleLink(shipment - _parties, _nodes.Id(party), (ShipmentRole)~edge.LinkCode);
    }

    private void AddPartyEdges(int party, bool sent, bool received, bool declared, List<Edge> into)
    {
        var index = _index!;
        if (sent)
            AddShipments(index.Rows(party, ShipmentRole.Sender), SentLink, into);
        if (received)
            AddShipments(index.Rows(party, ShipmentRole.Receiver), ReceivedLink, into);
        if (declared)
            AddShipments(index.DeclaredRows(party), DeclaredLink, into);

        foreach (var extra in index.ExtraRolesOfParty(party))
        {
            if (extra.Role switch { ShipmentRole.Sender => sent, ShipmentRole.Receiver => received, _ => declared })
                into.Add(new Edge(_parties + extra.Row, RoleCode(extra.Role)));
        }
    }

    private void AddShipmentEdges(int shipment, bool sent, bool received, bool declared, List<Edge> into)
    {
        var index = _index!;
        var columns = index.Columns;
        if (sent && columns.Senders[shipment] is var sender and >= 0)
            into.Add(new Edge(sender, SentLink));
        if (received && columns.Receivers[shipment] is var receiver and >= 0)
            into.Add(new Edge(receiver, ReceivedLink));
        if (declared && columns.DeclarantOf(shipment) is var declarant and >= 0)
            into.Add(new Edge(declarant, DeclaredLink));
        foreach (var extra in index.ExtraRolesOfRow(shipment))
        {
            if (extra.Role switch { ShipmentRole.Sender => sent, ShipmentRole.Receiver => received, _ => declared })
                into.Add(new Edge(extra.Party, RoleCode(extra.Role)));
        }
    }

    /// <summary>Adds edges to the shipments in the rows, all at once: a hub has tens of thousands.</summary>
    private void AddShipments(ArraySegment<int> rows, int linkCode, List<Edge> into)
    {
        var start = into.Count;
        CollectionsMarshal.SetCount(into, start + rows.Count);
        var edges = CollectionsMarshal.AsSpan(into)[start..];
        var from = rows.AsSpan();
        for (var i = 0; i < from.Length; i++)
            edges[i] = new Edge(_parties + from[i], linkCode);
    }

    /// <summary>How an edge names a role link of the index: a negative number (store links are 0 and up).</summary>
    private static int RoleCode(ShipmentRole role) => ~(int)role;
}
