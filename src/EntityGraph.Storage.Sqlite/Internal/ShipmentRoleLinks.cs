using EntityGraph.Core.Model;
using Microsoft.Data.Sqlite;

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

    /// <summary>
    /// Builds the role links among <paramref name="keys"/> (link id, carrying entity id) from the shipments
    /// table alone, as <see cref="Core.FollowTheMoney.FtmProjector"/> would from the whole entity: a hub
    /// with thousands of shipments then costs one narrow read, not thousands of entity merges. Keys that
    /// are not role links of a stored shipment are left for the caller.
    /// </summary>
    public static Dictionary<(string, string), Link> Read(SqliteConnection connection, IReadOnlyList<(string Id, string EntityId)> keys)
    {
        var links = new Dictionary<(string, string), Link>();
        var roles = new List<(string Id, string Shipment, LinkKind Kind, string Party, bool PartyIsSource)>();
        foreach (var (id, entityId) in keys)
        {
            if (id.Length <= entityId.Length + 1 || !id.StartsWith(entityId, StringComparison.Ordinal) || id[entityId.Length] != ':')
                continue;
            var rest = id.AsSpan(entityId.Length + 1);
            foreach (var (kind, property, _, partyIsSource) in Roles)
            {
                if (rest.Length > property.Length + 1 && rest.StartsWith(property, StringComparison.Ordinal) && rest[property.Length] == ':')
                {
                    roles.Add((id, entityId, kind, rest[(property.Length + 1)..].ToString(), partyIsSource));
                    break;
                }
            }
        }

        if (roles.Count == 0)
            return links;
        var provenance = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT s.id, s.datasets, s.first_seen, s.last_seen FROM shipments s WHERE s.id IN (SELECT value FROM json_each($ids))";
            command.Parameters.AddWithValue("$ids", new Json().List(roles.Select(r => r.Shipment).Distinct(StringComparer.Ordinal)));
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var shipment = reader.GetString(0);
                provenance[shipment] = new Provenance(
                    Json.ReadList(reader.GetString(1)),
                    shipment,
                    Fragments.Time(reader.IsDBNull(2) ? null : reader.GetInt64(2)),
                    Fragments.Time(reader.IsDBNull(3) ? null : reader.GetInt64(3)));
            }
        }

        foreach (var (id, shipment, kind, party, partyIsSource) in roles)
        {
            if (!provenance.TryGetValue(shipment, out var of))
                continue;
            links[(id, shipment)] = new Link
            {
                Id = id,
                Kind = kind,
                SourceId = partyIsSource ? party : shipment,
                TargetId = partyIsSource ? shipment : party,
                Schema = "EconomicActivity",
                Provenance = of,
            };
        }

        return links;
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
