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

    /// <summary>The name of each dimension's column in the result.</summary>
    private static readonly IReadOnlyDictionary<TradeFlowDimension, string> Names = new Dictionary<TradeFlowDimension, string>
    {
        [TradeFlowDimension.SenderCountry] = "sender_country",
        [TradeFlowDimension.ReceiverCountry] = "receiver_country",
        [TradeFlowDimension.Hs6] = "hs6",
        [TradeFlowDimension.Hs4] = "hs4",
        [TradeFlowDimension.ChplTier] = "tier",
    };

    /// <summary>The dimensions in the order of the selected columns 3–7, as GROUP BY numbers them.</summary>
    private static readonly TradeFlowDimension[] Order =
    [
        TradeFlowDimension.SenderCountry,
        TradeFlowDimension.ReceiverCountry,
        TradeFlowDimension.Hs6,
        TradeFlowDimension.Hs4,
        TradeFlowDimension.ChplTier,
    ];

    /// <summary>The buckets of the query; a cancelled request interrupts the scan, which can cover millions of rows.</summary>
    public static IReadOnlyList<TradeFlowBucket> Aggregate(SqliteConnection connection, TradeFlowQuery query, CancellationToken cancellationToken)
    {
        using var interrupt = cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
        try
        {
            return Aggregate(connection, query);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The trade-flow aggregation was cancelled.", ex, cancellationToken);
        }
    }

    private static List<TradeFlowBucket> Aggregate(SqliteConnection connection, TradeFlowQuery query)
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

        var columns = new List<string> { "s.year AS year", query.ByMonth ? "s.month AS month" : "NULL AS month" };
        var groups = new List<string> { "1" };
        if (query.ByMonth)
            groups.Add("2");
        for (var i = 0; i < Order.Length; i++)
        {
            var grouped = query.GroupBy.Contains(Order[i]);
            columns.Add($"{(grouped ? Expressions[Order[i]] : "NULL")} AS {Names[Order[i]]}");
            if (grouped)
                groups.Add((i + 3).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        command.CommandText =
            $"""
            SELECT {string.Join(", ", columns)}, count(*) AS shipments, total(s.value_usd) AS total_value_usd, count(s.value_usd) AS valued
            FROM shipments s
            WHERE 1 = 1{conditions}
            GROUP BY {string.Join(", ", groups)}
            """;
        var buckets = new List<TradeFlowBucket>();
        using var reader = command.ExecuteReader();
        var (year, month, shipments, value, valued) =
            (reader.GetOrdinal("year"), reader.GetOrdinal("month"), reader.GetOrdinal("shipments"), reader.GetOrdinal("total_value_usd"), reader.GetOrdinal("valued"));
        var dimensions = Array.ConvertAll(Order, d => reader.GetOrdinal(Names[d]));
        while (reader.Read())
        {
            buckets.Add(new TradeFlowBucket(
                reader.IsDBNull(year) ? null : reader.GetInt32(year),
                reader.IsDBNull(month) ? null : reader.GetInt32(month),
                ColumnValues.Text(reader, dimensions[0]),
                ColumnValues.Text(reader, dimensions[1]),
                ColumnValues.Text(reader, dimensions[2]),
                ColumnValues.Text(reader, dimensions[3]),
                reader.IsDBNull(dimensions[4]) ? null : (ChplTier)reader.GetInt32(dimensions[4]),
                reader.GetInt64(shipments),
                reader.GetDouble(value),
                reader.GetInt64(valued)));
        }

        return buckets;
    }
}
