using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// One INSERT statement compiled once per batch and run per row through SQLite's own API, binding
/// values by position. ADO.NET's per-command overhead (name lookups, re-binding, readers) costs more
/// than SQLite's B-tree work on the import path, so the hot loop goes around it. The statement runs
/// on the connection's open transaction.
/// </summary>
internal sealed class PreparedInsert : IDisposable
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly int _columns;
    private byte[] _utf8 = new byte[256];
    private int _next;

    public PreparedInsert(SqliteConnection connection, string sql, int columns)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _columns = columns;
    }

    public PreparedInsert Text(string? value)
    {
        if (value is null)
            return Null();
        // SQLite copies a bound text, so one buffer serves every value.
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (length > _utf8.Length)
            _utf8 = new byte[Math.Max(length, _utf8.Length * 2)];
        var written = Encoding.UTF8.GetBytes(value, _utf8);
        Check(raw.sqlite3_bind_text(_statement, ++_next, _utf8.AsSpan(0, written)));
        return this;
    }

    /// <summary>Binds text already encoded as UTF-8.</summary>
    public PreparedInsert Text(byte[]? utf8)
    {
        if (utf8 is null)
            return Null();
        Check(raw.sqlite3_bind_text(_statement, ++_next, utf8));
        return this;
    }

    private PreparedInsert Null()
    {
        Check(raw.sqlite3_bind_null(_statement, ++_next));
        return this;
    }

    public PreparedInsert Number(long? value)
    {
        var index = ++_next;
        Check(value is { } v ? raw.sqlite3_bind_int64(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    public PreparedInsert Number(double? value)
    {
        var index = ++_next;
        Check(value is { } v && double.IsFinite(v) ? raw.sqlite3_bind_double(_statement, index, v) : raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Runs the statement with the values bound since the last row.</summary>
    public void Execute()
    {
        if (_next != _columns)
            throw new InvalidOperationException($"The statement takes {_columns} values; {_next} were given.");
        var result = raw.sqlite3_step(_statement);
        raw.sqlite3_reset(_statement);
        _next = 0;
        if (result != raw.SQLITE_DONE)
            throw new SqliteException($"SQLite error {result}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", result);
    }

    /// <summary>The key of the row the connection inserted last.</summary>
    public long LastRowKey => raw.sqlite3_last_insert_rowid(_db);

    public void Dispose() => _statement.Dispose();

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
            throw new SqliteException($"SQLite error {result}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", result);
    }
}
