using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Entities, their projections, shipments and links looked up by id. Entities are merged from their
/// fragments; a link is read from the shipments table when it is a role link, else projected from
/// the entity that carries it.
/// </summary>
internal static class EntityLookupSql
{
    /// <summary>The merged entities of the ids the store holds, in id order.</summary>
    public static List<FtmEntity> Entities(SqliteConnection connection, IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
            return [];
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Fragments.Columns} FROM fragments WHERE entity_id IN (SELECT value FROM json_each($ids)) ORDER BY entity_id, dataset";
        command.Parameters.AddWithValue("$ids", new Json().List(ids));
        using var reader = command.ExecuteReader();
        return Fragments.ReadMerged(reader).ToList();
    }

    /// <summary>One part of the projection of each entity the store holds, where the entity has it.</summary>
    public static List<T> Projected<T>(SqliteConnection connection, IReadOnlyCollection<string> ids, Func<GraphProjection, T?> select)
        where T : class =>
        Entities(connection, ids).Select(e => select(FtmProjector.Project(e, includeSearchText: false))).OfType<T>().ToList();

    /// <summary>The shipments of the ids, in id order.</summary>
    public static List<Shipment> Shipments(SqliteConnection connection, IReadOnlyCollection<string> ids)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ShipmentRows.Columns} FROM shipments s WHERE s.id IN (SELECT value FROM json_each($ids)) ORDER BY s.id";
        command.Parameters.AddWithValue("$ids", new Json().List(ids));
        return ShipmentRowReader.ReadAll(command);
    }

    /// <summary>The links of the ids, in id order, then by carrying entity.</summary>
    public static IReadOnlyList<Link> Links(SqliteConnection connection, IReadOnlyCollection<string> ids)
    {
        using var command = connection.CreateCommand();
        // A link id is its carrying entity's id, or starts with it and a colon: look up every such prefix
        // by the links' primary key, and the shipment roles in the shipments table they are read from.
        command.CommandText =
            $"""
            SELECT id, entity_id FROM (
                SELECT id, entity_id FROM links
                WHERE entity_id IN (SELECT value FROM json_each($prefixes)) AND id IN (SELECT value FROM json_each($ids))
                UNION
                SELECT {ShipmentRoleLinks.IdExpression("(c.value ->> 2)")}, s.id FROM json_each($roles) c
                JOIN shipments s ON s.id = (c.value ->> 0)
                WHERE {ShipmentRoleLinks.PartyColumnExpression("(c.value ->> 2)")} = (c.value ->> 1))
            ORDER BY id, entity_id
            """;
        var json = new Json();
        command.Parameters.AddWithValue("$ids", json.List(ids));
        command.Parameters.AddWithValue("$prefixes", json.List(ids.SelectMany(FtmProjector.CarrierCandidates).Distinct(StringComparer.Ordinal)));
        command.Parameters.AddWithValue("$roles", ShipmentRoleLinks.Candidates(ids));
        return ReadLinks(connection, command);
    }

    /// <summary>Runs a query for (link id, carrying entity id) rows and reads the links from their carrying entities.</summary>
    public static IReadOnlyList<Link> ReadLinks(SqliteConnection connection, SqliteCommand command)
    {
        var keys = new List<(string Id, string EntityId)>();
        var links = new Dictionary<(string, string), Link>();
        using (var reader = command.ExecuteReader())
        {
            var rows = new LinkKeyRowReader(reader);
            while (reader.Read())
            {
                var key = rows.Key();
                keys.Add(key);
                if (rows.RoleLink(key) is { } link)
                    links[key] = link;
            }
        }

        if (keys.Count == 0)
            return [];
        if (links.Count < keys.Count)
        {
            foreach (var (key, link) in ShipmentRoleLinks.Read(connection, [.. keys.Where(k => !links.ContainsKey(k))]))
                links[key] = link;
        }

        var rest = keys.Where(k => !links.ContainsKey(k)).Select(k => k.EntityId).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var entity in Entities(connection, rest))
        {
            foreach (var link in FtmProjector.Project(entity, includeSearchText: false).Links)
                links.TryAdd((link.Id, entity.Id), link);
        }

        return keys.Select(k => links.GetValueOrDefault(k)).OfType<Link>().ToList();
    }
}
