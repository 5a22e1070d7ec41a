using EntityGraph.Core.Model;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// The SENT, RECEIVED and DECLARED links of a shipment are read from the shipments table's sender,
/// receiver and declarant columns rather than stored as link rows: a shipment is half of all entities
/// on the import path, and three link rows with their indexes each would double its cost. Only a
/// second or later sender, receiver or declarant (rare in customs data) is stored as a link row.
/// Ids follow <see cref="Core.FollowTheMoney.FtmProjector"/>: <c>{shipment}:{property}:{party}</c>.
/// </summary>
internal static class ShipmentRoleLinks
{
    private static readonly (LinkKind Kind, string Property, string Column, bool PartyIsSource)[] Roles =
    [
        (LinkKind.Sent, "sender", "s.sender_id", true),
        (LinkKind.Received, "receiver", "s.receiver_id", false),
        (LinkKind.Declared, "declarant", "s.declarant_id", true),
    ];

    /// <summary>Whether a projected link is carried by the shipments table's columns.</summary>
    public static bool IsCarriedByColumns(Link link, Shipment shipment) => link.Kind switch
    {
        LinkKind.Sent => link.SourceId == shipment.SenderId,
        LinkKind.Received => link.TargetId == shipment.ReceiverId,
        LinkKind.Declared => link.SourceId == shipment.DeclarantId,
        _ => false,
    };

    /// <summary>Queries for (link id, shipment id) rows of the role links around the nodes in <c>$ids</c>.</summary>
    public static IEnumerable<string> Around(IReadOnlyCollection<LinkKind>? kinds, LinkDirection direction)
    {
        foreach (var (kind, property, column, partyIsSource) in Roles)
        {
            if (kinds is { Count: > 0 } && !kinds.Contains(kind))
                continue;
            var id = $"s.id || ':{property}:' || {column}";
            var fromParty = $"SELECT {id}, s.id FROM shipments s WHERE {column} IN (SELECT value FROM json_each($ids))";
            var fromShipment = $"SELECT {id}, s.id FROM shipments s WHERE s.id IN (SELECT value FROM json_each($ids)) AND {column} IS NOT NULL";
            // The party is the source of SENT and DECLARED, the target of RECEIVED.
            var (outgoing, incoming) = partyIsSource ? (fromParty, fromShipment) : (fromShipment, fromParty);
            if (direction is LinkDirection.Outgoing or LinkDirection.Both)
                yield return outgoing;
            if (direction is LinkDirection.Incoming or LinkDirection.Both)
                yield return incoming;
        }
    }

    /// <summary>SQL for a role link's id, given an SQL expression naming the property.</summary>
    public static string IdExpression(string property) =>
        $"s.id || ':' || {property} || ':' || {PartyColumnExpression(property)}";

    /// <summary>SQL for the party column of a role, given an SQL expression naming the property.</summary>
    public static string PartyColumnExpression(string property) =>
        $"CASE {property} WHEN 'sender' THEN s.sender_id WHEN 'receiver' THEN s.receiver_id ELSE s.declarant_id END";

    /// <summary>
    /// Every way the given ids can be read as <c>{shipment}:{property}:{party}</c>, as a JSON array of
    /// [shipment, party, property] triples.
    /// </summary>
    public static string Candidates(IEnumerable<string> ids)
    {
        var candidates = new List<string>();
        foreach (var id in ids)
        {
            foreach (var (_, property, _, _) in Roles)
            {
                var marker = $":{property}:";
                for (var at = id.IndexOf(marker, StringComparison.Ordinal); at > 0; at = id.IndexOf(marker, at + 1, StringComparison.Ordinal))
                    candidates.Add(System.Text.Json.JsonSerializer.Serialize(new[] { id[..at], id[(at + marker.Length)..], property }));
            }
        }

        return $"[{string.Join(',', candidates)}]";
    }
}
