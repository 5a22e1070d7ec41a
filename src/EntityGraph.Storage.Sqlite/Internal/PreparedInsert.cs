using System.Runtime.InteropServices;
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
/// <remarks>
/// A row's texts are written as UTF-8 into one pinned buffer and bound where they lie, which SQLite reads when the row
/// is stepped: it needs no copy of its own, and no call pays for a safe handle. The buffer is reused from the next row on.
/// </remarks>
internal sealed unsafe partial class PreparedInsert : IDisposable
{
    /// <summary>A row buffer's size to start with, and the largest kept for the next statement.</summary>
    private const int RowBytes = 64 * 1024;

    /// <summary>Row buffers of statements this thread finished, for the next batch's statements: pinned memory is not made anew per batch.</summary>
    [ThreadStatic]
    private static Stack<byte[]>? t_spareRows;

    /// <summary>SQLite's <c>SQLITE_STATIC</c>: the text stays where it is until the statement is stepped.</summary>
    private static readonly IntPtr Static = IntPtr.Zero;

    /// <summary>SQLite's <c>SQLITE_TRANSIENT</c>: SQLite copies the text at once.</summary>
    private static readonly IntPtr Transient = new(-1);

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly IntPtr _handle;
    private readonly int _columns;

    private byte[] _row = t_spareRows is { Count: > 0 } spare ? spare.Pop() : GC.AllocateUninitializedArray<byte>(RowBytes, pinned: true);
    private int _used;
    private int _next;

    public PreparedInsert(SqliteConnection connection, string sql, int columns)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        Check(raw.sqlite3_prepare_v2(_db, sql, out _statement));
        _handle = _statement.DangerousGetHandle();
        _columns = columns;
    }

    public PreparedInsert Text(string? value)
    {
        if (value is null)
            return Null();
        var most = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (Room(most))
            return BindInRow(Encoding.UTF8.GetBytes(value, _row.AsSpan(_used)));
        // Longer than the row's buffer has room for: SQLite copies this one.
        return Bind(Encoding.UTF8.GetBytes(value), Transient);
    }

    /// <summary>Binds text already encoded as UTF-8.</summary>
    public PreparedInsert Text(byte[]? utf8)
    {
        if (utf8 is null)
            return Null();
        if (!Room(utf8.Length))
            return Bind(utf8, Transient);
        utf8.CopyTo(_row.AsSpan(_used));
        return BindInRow(utf8.Length);
    }

    private PreparedInsert Null()
    {
        Check(sqlite3_bind_null(_handle, ++_next));
        return this;
    }

    public PreparedInsert Number(long? value)
    {
        var index = ++_next;
        Check(value is { } v ? sqlite3_bind_int64(_handle, index, v) : sqlite3_bind_null(_handle, index));
        return this;
    }

    public PreparedInsert Number(double? value)
    {
        var index = ++_next;
        Check(value is { } v && double.IsFinite(v) ? sqlite3_bind_double(_handle, index, v) : sqlite3_bind_null(_handle, index));
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
        _used = 0;
        if (result != raw.SQLITE_DONE)
            throw new SqliteException($"SQLite error {result}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", result);
    }

    /// <summary>The key of the row the connection inserted last.</summary>
    public long LastRowKey => raw.sqlite3_last_insert_rowid(_db);

    public void Dispose()
    {
        if (_statement.IsClosed)
            return;
        // SQLite lets go of the texts bound from the buffer when the statement is finalized; only then is it reused.
        _statement.Dispose();
        var spares = t_spareRows ??= new Stack<byte[]>();
        if (_row.Length == RowBytes && spares.Count < 8)
            spares.Push(_row);
    }

    /// <summary>
    /// Whether the row's buffer has room for <paramref name="bytes"/> more. The first value of a row may grow it; a later
    /// one may not, because the values bound before it lie in the buffer.
    /// </summary>
    private bool Room(int bytes)
    {
        if (_used + bytes <= _row.Length)
            return true;
        if (_used > 0 || bytes > 16 * 1024 * 1024)
            return false;
        _row = GC.AllocateUninitializedArray<byte>(Math.Max(bytes, _row.Length * 2), pinned: true);
        return true;
    }

    /// <summary>Binds the <paramref name="length"/> bytes just written at the end of the row's buffer.</summary>
    private PreparedInsert BindInRow(int length)
    {
        fixed (byte* text = &_row[0])
            Check(sqlite3_bind_text(_handle, ++_next, text + _used, length, Static));
        _used += length;
        return this;
    }

    private PreparedInsert Bind(byte[] utf8, IntPtr lifetime)
    {
        fixed (byte* text = utf8)
            Check(sqlite3_bind_text(_handle, ++_next, text, utf8.Length, lifetime));
        return this;
    }

    private void Check(int result)
    {
        if (result != raw.SQLITE_OK)
            throw new SqliteException($"SQLite error {result}: {raw.sqlite3_errmsg(_db).utf8_to_string()}", result);
    }

    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_bind_text(IntPtr statement, int index, byte* text, int length, IntPtr lifetime);

    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_bind_int64(IntPtr statement, int index, long value);

    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_bind_double(IntPtr statement, int index, double value);

    [LibraryImport("e_sqlite3")]
    private static partial int sqlite3_bind_null(IntPtr statement, int index);
}
