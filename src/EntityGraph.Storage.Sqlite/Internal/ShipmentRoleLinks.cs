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

    /// <summary>Queries for (link id, shipment id, datasets, first seen, last seen) rows of the role links around the nodes in <c>$ids</c>.</summary>
    public static IEnumerable<string> Around(IReadOnlyCollection<LinkKind>? kinds, LinkDirection direction)
    {
        foreach (var (kind, property, column, partyIsSource) in Roles)
        {
            if (kinds is { Count: > 0 } && !kinds.Contains(kind))
                continue;
            // The shipment's provenance comes along, so that the links are built from these rows alone.
            var id = $"s.id || ':{property}:' || {column}, s.id, s.datasets, s.first_seen, s.last_seen";
            var fromParty = $"SELECT {id} FROM shipments s WHERE {column} IN (SELECT value FROM json_each($ids))";
            var fromShipment = $"SELECT {id} FROM shipments s WHERE s.id IN (SELECT value FROM json_each($ids)) AND {column} IS NOT NULL";
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
        var roles = new List<Role>();
        foreach (var (id, entityId) in keys)
        {
            if (Parse(id, entityId) is { } role)
                roles.Add(role);
        }

        if (roles.Count == 0)
            return links;
        var provenance = new Dictionary<string, Provenance>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT s.id, s.datasets, s.first_seen, s.last_seen FROM shipments s WHERE s.id IN (SELECT value FROM json_each($ids))";
            command.Parameters.AddWithValue("$ids", new Json().List(roles.Select(r => r.Shipment).Distinct(StringComparer.Ordinal)));
            using var reader = command.ExecuteReader();
            var columns = ProvenanceColumns.Of(reader, "id");
            while (reader.Read())
            {
                var of = columns.Read(reader);
                provenance[of.SourceId] = of;
            }
        }

        foreach (var role in roles)
        {
            if (provenance.TryGetValue(role.Shipment, out var of))
                links[(role.Id, role.Shipment)] = role.ToLink(of);
        }

        return links;
    }

    /// <summary>The role link with that id of the shipment, its provenance read from the current row; null for an id that is not one.</summary>
    public static Link? Of(string id, string shipmentId, SqliteDataReader reader, ProvenanceColumns provenance) =>
        Parse(id, shipmentId) is { } role ? role.ToLink(provenance.Read(reader)) : null;

    /// <summary>A link id read as <c>{shipment}:{property}:{party}</c> of the carrying shipment, or null.</summary>
    private static Role? Parse(string id, string entityId)
    {
        if (id.Length <= entityId.Length + 1 || !id.StartsWith(entityId, StringComparison.Ordinal) || id[entityId.Length] != ':')
            return null;
        var rest = id.AsSpan(entityId.Length + 1);
        foreach (var (kind, property, _, partyIsSource) in Roles)
        {
            if (rest.Length > property.Length + 1 && rest.StartsWith(property, StringComparison.Ordinal) && rest[property.Length] == ':')
                return new Role(id, entityId, kind, rest[(property.Length + 1)..].ToString(), partyIsSource);
        }

        return null;
    }

    private sealed record Role(string Id, string Shipment, LinkKind Kind, string Party, bool PartyIsSource)
    {
        public Link ToLink(Provenance provenance) => new()
        {
            Id = Id,
            Kind = Kind,
            SourceId = PartyIsSource ? Party : Shipment,
            TargetId = PartyIsSource ? Shipment : Party,
            Schema = "EconomicActivity",
            Provenance = provenance,
        };
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
