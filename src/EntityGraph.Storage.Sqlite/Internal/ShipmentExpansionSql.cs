using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// The shipments a set of parties sent, received or declared, in store order (see
/// <see cref="ShipmentRows"/>), read by the role's index: as whole shipments or as trades.
/// </summary>
internal static class ShipmentExpansionSql
{
    /// <summary>The shipments of the expansion (at least one party, a positive limit).</summary>
    public static List<Shipment> Shipments(SqliteConnection connection, ShipmentExpansion expansion)
    {
        using var command = connection.CreateCommand();
        Expansion(command, expansion, ShipmentRows.Columns);
        return ShipmentRowReader.ReadAll(command);
    }

    /// <summary>The trades of the expansion (at least one party, a positive limit).</summary>
    public static List<Trade> Trades(SqliteConnection connection, ShipmentExpansion expansion)
    {
        using var command = connection.CreateCommand();
        Expansion(command, expansion, TradeRowReader.Columns);
        var trades = new List<Trade>();
        using var reader = command.ExecuteReader();
        var rows = new TradeRowReader(reader);
        while (reader.Read())
            trades.Add(rows.Read());
        return trades;
    }

    /// <summary>The query of a shipment expansion, in store order, for the given columns.</summary>
    private static void Expansion(SqliteCommand command, ShipmentExpansion expansion, string columns)
    {
        var json = new Json();
        var conditions = ShipmentRows.Conditions(expansion.Filter ?? ShipmentFilter.None, command, json);
        command.CommandText =
            $"""
            SELECT {columns} FROM shipments s
            WHERE {ShipmentRows.RoleColumn(expansion.Role)} IN (SELECT value FROM json_each($ids)){conditions}
            ORDER BY {ShipmentRows.DayKey}, {ShipmentRows.SpanKey}, s.id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$ids", json.List(expansion.PartyIds.Distinct(StringComparer.Ordinal)));
        command.Parameters.AddWithValue("$limit", expansion.Limit);
    }
}
