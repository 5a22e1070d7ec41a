using System.Text;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// The links around a set of nodes: the link rows from the links table's source and target indexes,
/// and the role links of shipments from the shipments table's role columns, in link id order.
/// </summary>
internal static class LinkExpansionSql
{
    /// <summary>The links of the expansion (at least one node, a positive limit).</summary>
    public static IReadOnlyList<Link> Expand(SqliteConnection connection, LinkExpansion expansion)
    {
        var json = new Json();
        using var command = connection.CreateCommand();
        var filters = new StringBuilder();
        if (expansion.Kinds is { Count: > 0 } kinds)
        {
            filters.Append(" AND l.kind IN (SELECT value FROM json_each($kinds))");
            command.Parameters.AddWithValue("$kinds", json.Numbers(kinds.Select(k => (long)k)));
        }

        // A link without a start or end date is open on that side.
        DateFilterSql.Append(filters, command, expansion.ActiveFrom, expansion.ActiveTo, "l.start_lo", "l.end_hi", openEnded: true);

        // One indexed lookup per direction; UNION drops a link seen from both of its ends.
        // Link rows carry no provenance columns (their links are projected from their entity); role links do.
        var outgoing = $"SELECT l.id, l.entity_id, NULL AS datasets, NULL AS first_seen, NULL AS last_seen FROM links l WHERE l.source_id IN (SELECT value FROM json_each($ids)){filters}";
        var incoming = $"SELECT l.id, l.entity_id, NULL AS datasets, NULL AS first_seen, NULL AS last_seen FROM links l WHERE l.target_id IN (SELECT value FROM json_each($ids)){filters}";
        var around = expansion.Direction switch
        {
            LinkDirection.Outgoing => outgoing,
            LinkDirection.Incoming => incoming,
            _ => $"{outgoing} UNION {incoming}",
        };
        foreach (var roleQuery in ShipmentRoleLinks.Around(expansion.Kinds, expansion.Direction))
            around += $" UNION {roleQuery}";
        command.CommandText = $"SELECT * FROM ({around}) ORDER BY 1, 2 LIMIT $limit";
        command.Parameters.AddWithValue("$ids", json.List(expansion.NodeIds));
        command.Parameters.AddWithValue("$limit", expansion.Limit);
        return EntityLookupSql.ReadLinks(connection, command);
    }
}
