using System.Text;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// A date filter as SQL: the rows whose span of days (two day-number columns) meets
/// <c>[$from, $to]</c>, each bound binding its parameter only when it is given.
/// </summary>
internal static class DateFilterSql
{
    /// <summary>Appends the conditions (each starting with AND) and binds <c>$from</c> and <c>$to</c>.</summary>
    /// <param name="sql">The conditions so far.</param>
    /// <param name="command">The command that takes the parameters.</param>
    /// <param name="from">The first day the row must reach, if any.</param>
    /// <param name="to">The last day the row may start on, if any.</param>
    /// <param name="startColumn">The column of the row's earliest day.</param>
    /// <param name="endColumn">The column of the row's latest day.</param>
    /// <param name="openEnded">Whether a row without a bound (NULL) is open on that side and so passes.</param>
    public static void Append(StringBuilder sql, SqliteCommand command, DateOnly? from, DateOnly? to, string startColumn, string endColumn, bool openEnded)
    {
        if (from is { } first)
        {
            sql.Append(" AND ").Append(Bound(endColumn, ">=", "$from", openEnded));
            command.Parameters.AddWithValue("$from", first.DayNumber);
        }

        if (to is { } last)
        {
            sql.Append(" AND ").Append(Bound(startColumn, "<=", "$to", openEnded));
            command.Parameters.AddWithValue("$to", last.DayNumber);
        }
    }

    private static string Bound(string column, string comparison, string parameter, bool openEnded) =>
        openEnded ? $"({column} IS NULL OR {column} {comparison} {parameter})" : $"{column} {comparison} {parameter}";
}
