using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>Nullable column values as the store's rows hold them.</summary>
internal static class ColumnValues
{
    public static string? Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Number(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    /// <summary>A UTC time stored as its ticks.</summary>
    public static DateTimeOffset? Time(SqliteDataReader reader, int ordinal) => Fragments.Time(Number(reader, ordinal));

    /// <summary>Whether the reader's rows have a column of that name.</summary>
    public static bool Has(SqliteDataReader reader, string name)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (string.Equals(reader.GetName(i), name, StringComparison.OrdinalIgnoreCase))
                return true;
        }

        return false;
    }
}
