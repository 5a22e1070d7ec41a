using System.Text;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// <see cref="TradeFlowQuery"/> as one GROUP BY over the shipments table. Every column and expression
/// comes from the fixed table below, never from the query; values travel as parameters. The grouped
/// columns are all in the <c>shipments_by_flow</c> index, so the scan reads the index, not the rows.
/// </summary>
internal static class TradeFlowSql
{
    /// <summary>The SQL expression of each dimension, on a table aliased <c>s</c>.</summary>
    private static readonly IReadOnlyDictionary<TradeFlowDimension, string> Expressions = new Dictionary<TradeFlowDimension, string>
    {
        [TradeFlowDimension.SenderCountry] = "s.sender_country",
        [TradeFlowDimension.ReceiverCountry] = "s.destination_country",
        // As HsCode.Hs6 and Hs4: null when the code has fewer digits.
        [TradeFlowDimension.Hs6] = "CASE WHEN length(s.hs) >= 6 THEN substr(s.hs, 1, 6) END",
        [TradeFlowDimension.Hs4] = "CASE WHEN length(s.hs) >= 4 THEN substr(s.hs, 1, 4) END",
        [TradeFlowDimension.ChplTier] = "s.tier",
    };

    /// <summary>The dimensions in the order of the selected columns 2–6.</summary>
    private static readonly TradeFlowDimension[] Order =
    [
        TradeFlowDimension.SenderCountry,
        TradeFlowDimension.ReceiverCountry,
        TradeFlowDimension.Hs6,
        TradeFlowDimension.Hs4,
        TradeFlowDimension.ChplTier,
    ];

    public static IReadOnlyList<TradeFlowBucket> Aggregate(SqliteConnection connection, TradeFlowQuery query)
    {
        var json = new Json();
        using var command = connection.CreateCommand();
        var conditions = new StringBuilder(ShipmentRows.Conditions(query.Filter, command, json));
        if (query.ChplOnly)
            conditions.Append(" AND s.tier IS NOT NULL");
        if (query.SenderCountries is { Count: > 0 } senders)
        {
            conditions.Append(" AND s.sender_country IN (SELECT value FROM json_each($senders))");
            command.Parameters.AddWithValue("$senders", json.List(senders));
        }

        if (query.ReceiverCountries is { Count: > 0 } receivers)
        {
            conditions.Append(" AND s.destination_country IN (SELECT value FROM json_each($receivers))");
            command.Parameters.AddWithValue("$receivers", json.List(receivers));
        }

        var columns = new List<string> { "s.year", query.ByMonth ? "s.month" : "NULL" };
        var groups = new List<string> { "1" };
        if (query.ByMonth)
            groups.Add("2");
        for (var i = 0; i < Order.Length; i++)
        {
            var grouped = query.GroupBy.Contains(Order[i]);
            columns.Add(grouped ? Expressions[Order[i]] : "NULL");
            if (grouped)
                groups.Add((i + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        command.CommandText =
            $"""
            SELECT {string.Join(", ", columns)}, count(*), total(s.value_usd), count(s.value_usd)
            FROM shipments s
            WHERE 1 = 1{conditions}
            GROUP BY {string.Join(", ", groups)}
            """;
        var buckets = new List<TradeFlowBucket>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            buckets.Add(new TradeFlowBucket(
                reader.IsDBNull(0) ? null : reader.GetInt32(0),
                reader.IsDBNull(1) ? null : reader.GetInt32(1),
                Text(reader, 2),
                Text(reader, 3),
                Text(reader, 4),
                Text(reader, 5),
                reader.IsDBNull(6) ? null : (ChplTier)reader.GetInt32(6),
                reader.GetInt64(7),
                reader.GetDouble(8),
                reader.GetInt64(9)));
        }

        return buckets;
    }

    private static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
