using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// One page of shipments for each of a set of parties, in store order, with each party's total, in
/// one query: window functions number each party's shipments on either side of the cursor.
/// </summary>
internal static class ShipmentPagesSql
{
    /// <summary>Where the query's cursor says the pages start; null for the first pages.</summary>
    public static ShipmentPosition? After(ShipmentPageQuery query)
    {
        var after = query.After is { } cursor ? PageCursor.Decode<ShipmentPosition>(cursor, nameof(query.After)) : null;
        if (after is { Id: null })
            throw new ArgumentException($"The cursor '{query.After}' is not a cursor this store issued.", nameof(query.After));
        return after;
    }

    /// <summary>The page of each party of the query, after <paramref name="after"/>.</summary>
    public static Dictionary<string, ShipmentPage> Pages(SqliteConnection connection, ShipmentPageQuery query, ShipmentPosition? after)
    {
        var partyIds = query.PartyIds.Distinct(StringComparer.Ordinal).ToArray();
        using var command = connection.CreateCommand();
        Prepare(command, query, partyIds, after);
        var (rows, totals) = ReadRows(command, partyIds);

        var result = new Dictionary<string, ShipmentPage>(StringComparer.Ordinal);
        foreach (var (party, page) in rows)
        {
            var hasNext = page.Count > query.First;
            if (hasNext)
                page.RemoveAt(page.Count - 1);
            var end = page.Count > 0 ? PageCursor.Encode(page[^1].Key) : query.After;
            result[party] = new ShipmentPage(page.Select(p => p.Shipment).ToList(), hasNext, end, totals.GetValueOrDefault(party));
        }

        return result;
    }

    private static void Prepare(SqliteCommand command, ShipmentPageQuery query, string[] partyIds, ShipmentPosition? after)
    {
        var json = new Json();
        var conditions = ShipmentRows.Conditions(query.Filter ?? ShipmentFilter.None, command, json);
        var isAfter = after is null ? "1" : "(m.day, m.span, m.id) > ($day, $span, $id)";
        command.CommandText =
            $"""
            WITH matching AS (
                SELECT p.value AS party, {ShipmentRows.DayKey} AS day, {ShipmentRows.SpanKey} AS span, {ShipmentRows.Columns}
                FROM json_each($ids) p JOIN shipments s ON {ShipmentRows.RoleColumn(query.Role)} = p.value
                WHERE 1 = 1{conditions}
            ),
            counted AS (
                SELECT m.*, count(*) OVER (PARTITION BY m.party) AS total, {isAfter} AS after FROM matching m
            ),
            ranked AS (
                SELECT c.*, row_number() OVER (PARTITION BY c.party, c.after ORDER BY c.day, c.span, c.id) AS position FROM counted c
            )
            SELECT r.id, r.date, r.sender_id, r.receiver_id, r.declarant_id, r.hs, r.tier, r.goods, r.value_usd,
                r.origin_country, r.departure_country, r.destination_country, r.trading_country, r.datasets, r.first_seen, r.last_seen,
                r.party, r.total, r.after, r.day, r.span
            FROM ranked r
            WHERE r.after AND r.position <= $limit OR r.position = 1
            ORDER BY r.party, r.after, r.position
            """;
        command.Parameters.AddWithValue("$ids", json.List(partyIds));
        command.Parameters.AddWithValue("$limit", query.First + 1);
        if (after is not null)
        {
            command.Parameters.AddWithValue("$day", after.Day);
            command.Parameters.AddWithValue("$span", after.Span);
            command.Parameters.AddWithValue("$id", after.Id);
        }
    }

    /// <summary>Each party's shipments after the cursor (one more than a page when there is a next page), and each party's total.</summary>
    private static (Dictionary<string, List<(Shipment Shipment, ShipmentPosition Key)>> Rows, Dictionary<string, int> Totals) ReadRows(SqliteCommand command, string[] partyIds)
    {
        var rows = partyIds.ToDictionary(id => id, _ => new List<(Shipment Shipment, ShipmentPosition Key)>(), StringComparer.Ordinal);
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = command.ExecuteReader();
        var shipments = new ShipmentRowReader(reader);
        var (party, total, isAfter, day, span, id) = (
            reader.GetOrdinal("party"), reader.GetOrdinal("total"), reader.GetOrdinal("after"), reader.GetOrdinal("day"), reader.GetOrdinal("span"), reader.GetOrdinal("id"));
        while (reader.Read())
        {
            var of = reader.GetString(party);
            totals[of] = reader.GetInt32(total);
            // Rows before the cursor only come so that a party whose shipments all precede it still reports its total.
            if (reader.GetInt64(isAfter) != 0)
                rows[of].Add((shipments.Read(), new ShipmentPosition(reader.GetInt64(day), reader.GetInt64(span), reader.GetString(id))));
        }

        return (rows, totals);
    }
}
