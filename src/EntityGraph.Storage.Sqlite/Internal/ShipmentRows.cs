using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Shipments as rows: the columns read back into a <see cref="Shipment"/>, the sort order
/// (date, coarser dates first, undated last, then id) and <see cref="ShipmentFilter"/> as SQL.
/// </summary>
internal static class ShipmentRows
{
    /// <summary>The columns <see cref="ShipmentRowReader"/> reads, from a table aliased <c>s</c>.</summary>
    public const string Columns =
        "s.id, s.date, s.sender_id, s.receiver_id, s.declarant_id, s.hs, s.tier, s.goods, s.value_usd, "
        + "s.origin_country, s.departure_country, s.destination_country, s.trading_country, s.datasets, s.first_seen, s.last_seen";

    /// <summary>The first sort key: the earliest day, undated shipments last.</summary>
    public const string DayKey = "ifnull(s.date_lo, 2147483647)";

    /// <summary>The second sort key: of shipments starting the same day, the coarser date first (as <see cref="PartialDate.CompareTo"/>).</summary>
    public const string SpanKey = "-ifnull(s.date_hi, 0)";

    public static string RoleColumn(ShipmentRole role) => role switch
    {
        ShipmentRole.Sender => "s.sender_id",
        ShipmentRole.Receiver => "s.receiver_id",
        ShipmentRole.Declarant => "s.declarant_id",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown shipment role."),
    };

    /// <summary>
    /// Appends the filter's conditions (each starting with AND) and binds their parameters; the
    /// semantics are those of <see cref="ShipmentFilter.Matches(Shipment)"/>.
    /// </summary>
    public static string Conditions(ShipmentFilter filter, SqliteCommand command, Json json)
    {
        var sql = new System.Text.StringBuilder();
        // An undated shipment meets no date range.
        DateFilterSql.Append(sql, command, filter.From, filter.To, "s.date_lo", "s.date_hi", openEnded: false);

        if (filter.HsPrefixes is { Count: > 0 } prefixes)
        {
            // A prefix without digits matches nothing, as in HsCode.StartsWith.
            var digits = prefixes.Select(HsCode.Normalize).OfType<HsCode>().Select(h => h.Digits).Distinct(StringComparer.Ordinal);
            sql.Append(" AND EXISTS (SELECT 1 FROM json_each($hs) p WHERE substr(s.hs, 1, length(p.value)) = p.value)");
            command.Parameters.AddWithValue("$hs", json.List(digits));
        }

        if (filter.Tiers is { Count: > 0 } tiers)
        {
            sql.Append(" AND s.tier IN (SELECT value FROM json_each($tiers))");
            command.Parameters.AddWithValue("$tiers", json.Numbers(tiers.Select(t => (long)t)));
        }

        if (filter.MinValueUsd is { } min)
        {
            sql.Append(" AND s.value_usd >= $min");
            command.Parameters.AddWithValue("$min", min);
        }

        return sql.ToString();
    }
}
