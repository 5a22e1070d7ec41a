using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// A bulk load into an empty store: the secondary indexes (the fragments' id index and the id indexes of the
/// projection tables among them) and the name index are dropped while the rows go in and built once at the end,
/// which sorts instead of inserting at random into large B-trees. Meanwhile, an id's stored fragments are found
/// through the load's own table of ids (<see cref="LoadedIds"/>), and replacing an entity's projections scans the
/// table that holds them; within one load that happens only for an id seen in an earlier batch. A <c>bulk_load</c> row marks the file meanwhile, so a load cut short (a crash, a kill)
/// is finished by the next start. Only an empty store does this: rebuilding over rows already there
/// would cost more than it saves.
/// </summary>
internal static class BulkLoad
{
    /// <summary>The structures of the current schema that a bulk load sets aside: how to drop and how to build each.</summary>
    private static readonly (string Drop, string Create)[] Deferred =
    [
        (DropFragmentIndex, CreateFragmentIndex),
        ("DROP INDEX IF EXISTS parties_by_id", "CREATE UNIQUE INDEX IF NOT EXISTS parties_by_id ON parties (id)"),
        ("DROP INDEX IF EXISTS shipments_by_id", "CREATE UNIQUE INDEX IF NOT EXISTS shipments_by_id ON shipments (id)"),
        ("DROP INDEX IF EXISTS links_by_source", "CREATE INDEX IF NOT EXISTS links_by_source ON links (source_id, kind)"),
        ("DROP INDEX IF EXISTS links_by_target", "CREATE INDEX IF NOT EXISTS links_by_target ON links (target_id, kind)"),
        ("DROP INDEX IF EXISTS shipments_by_sender", "CREATE INDEX IF NOT EXISTS shipments_by_sender ON shipments (sender_id, date_lo)"),
        ("DROP INDEX IF EXISTS shipments_by_receiver", "CREATE INDEX IF NOT EXISTS shipments_by_receiver ON shipments (receiver_id, date_lo)"),
        (
            "DROP INDEX IF EXISTS shipments_by_flow",
            "CREATE INDEX IF NOT EXISTS shipments_by_flow ON shipments (year, sender_country, destination_country, month, tier, hs, value_usd, date_lo, date_hi)"
        ),
        ("DROP INDEX IF EXISTS shipments_by_declarant", "CREATE INDEX IF NOT EXISTS shipments_by_declarant ON shipments (declarant_id) WHERE declarant_id IS NOT NULL"),
        (
            "DROP TRIGGER IF EXISTS parties_indexed",
            """
            CREATE TRIGGER IF NOT EXISTS parties_indexed AFTER INSERT ON parties BEGIN
                INSERT INTO party_search (rowid, search_text) VALUES (new.pk, new.search_text);
            END
            """
        ),
        (
            "DROP TRIGGER IF EXISTS parties_unindexed",
            """
            CREATE TRIGGER IF NOT EXISTS parties_unindexed AFTER DELETE ON parties BEGIN
                INSERT INTO party_search (party_search, rowid, search_text) VALUES ('delete', old.pk, old.search_text);
            END
            """
        ),
    ];

    private const string DropFragmentIndex = "DROP INDEX IF EXISTS fragments_by_entity";
    private const string CreateFragmentIndex = "CREATE UNIQUE INDEX IF NOT EXISTS fragments_by_entity ON fragments (entity_id, dataset)";

    /// <summary>
    /// Builds the fragments' id index before the end of the load, for a load too large for its table of ids
    /// (<see cref="LoadedIds"/>): from then on its fragments are found, and their conflicts resolved, by the index.
    /// </summary>
    public static void BuildFragmentIndex(SqliteConnection connection, SqliteTransaction transaction) =>
        Run(connection, transaction, CreateFragmentIndex);

    /// <summary>Starts a bulk load when the store is empty; false (and nothing changed) otherwise.</summary>
    public static bool TryBegin(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction();
        if (Scalar(connection, transaction, "SELECT EXISTS (SELECT 1 FROM fragments)") != 0)
            return false;
        Run(connection, transaction, "CREATE TABLE IF NOT EXISTS bulk_load (started_at TEXT NOT NULL)");
        Run(connection, transaction, $"INSERT INTO bulk_load (started_at) VALUES ('{DateTimeOffset.UtcNow:O}')");
        foreach (var (drop, _) in Deferred)
            Run(connection, transaction, drop);
        transaction.Commit();
        return true;
    }

    /// <summary>
    /// Has the load write its pages into the file itself, once: in rollback-journal mode a page appended to the file
    /// needs no copy in the journal, where write-ahead logging writes every page to the log and copies it again at
    /// each checkpoint. SQLite leaves write-ahead logging only for a connection alone on the file, so the store's idle
    /// connections are closed first; with a reader still open, the load stays in WAL mode. <see cref="Finish"/> goes
    /// back to WAL, as does the next start of a load that was cut short.
    /// </summary>
    /// <returns>Whether the mode changed.</returns>
    public static bool TryWriteInPlace(SqliteConnection connection, TimeSpan busyTimeout)
    {
        SqliteConnection.ClearPool(connection);
        // Asked once, without waiting: another connection on the file answers "busy" at once, and would still be there.
        var db = connection.Handle!;
        raw.sqlite3_busy_timeout(db, 0);
        try
        {
            if (raw.sqlite3_prepare_v2(db, "PRAGMA journal_mode = TRUNCATE", out var statement) != raw.SQLITE_OK)
                return false;
            using (statement)
                return raw.sqlite3_step(statement) == raw.SQLITE_ROW && raw.sqlite3_column_text(statement, 0).utf8_to_string() == "truncate";
        }
        finally
        {
            raw.sqlite3_busy_timeout(db, (int)busyTimeout.TotalMilliseconds);
        }
    }

    /// <summary>Whether a bulk load was started and not finished (the file was left mid-load).</summary>
    public static bool IsPending(SqliteConnection connection) =>
        Scalar(connection, null, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'bulk_load'") != 0
        && Scalar(connection, null, "SELECT EXISTS (SELECT 1 FROM bulk_load)") != 0;

    /// <summary>Builds the structures set aside and the name index from the parties table, in one transaction.</summary>
    public static void Finish(SqliteConnection connection)
    {
        // The index builds sort their rows; SQLite may use a helper thread per core for that. A sort keeps runs of
        // the page cache's size in memory and merges them from temporary files, so a small cache keeps a load of any
        // size in bounded memory, and is faster too: 8 MiB runs merged on two threads built the shipments' indexes
        // of 5,000,000 rows in half the time 256 MiB runs took, in a tenth of the memory, and 2 MiB runs a tenth
        // faster again (the trade-flow index of 5,000,000 rows in 6.9-7.0 s against 7.1-8.8 s).
        Run(connection, null, $"PRAGMA threads = {Math.Min(Environment.ProcessorCount, 8)}");
        Run(connection, null, "PRAGMA temp_store = FILE");
        Run(connection, null, "PRAGMA cache_size = -2048");
        using var transaction = connection.BeginTransaction();
        foreach (var (_, create) in Deferred)
        {
            try
            {
                Run(connection, transaction, create);
            }
            catch (SqliteException ex) when (ex.SqliteErrorCode == 19)
            {
                // A unique id index found a doubled row: without the index, a writer in another process
                // could have added one. The newest wins, as it would have with the index in place.
                Run(connection, transaction, "DELETE FROM fragments WHERE pk NOT IN (SELECT max(pk) FROM fragments GROUP BY entity_id, dataset)");
                Run(connection, transaction, "DELETE FROM parties WHERE pk NOT IN (SELECT max(pk) FROM parties GROUP BY id)");
                Run(connection, transaction, "DELETE FROM shipments WHERE pk NOT IN (SELECT max(pk) FROM shipments GROUP BY id)");
                Run(connection, transaction, create);
            }
        }

        Run(connection, transaction, "INSERT INTO party_search (party_search) VALUES ('rebuild')");
        Run(connection, transaction, "DELETE FROM bulk_load");
        transaction.Commit();
        // The load wrote without waiting for the disk (synchronous = OFF). This checkpoint runs with the store's
        // usual setting, so it syncs what it copies; FULL waits (up to the busy timeout) only for readers still on an
        // older snapshot, not for every reader to leave. From here on, everything the load wrote survives a power cut.
        // Readers of the store block until then: the mode changes when none holds the file (SQLite waits up to the busy timeout).
        if (JournalMode(connection, "WAL") != "wal")
            throw new InvalidOperationException($"The database '{connection.DataSource}' could not go back to write-ahead logging after the import; it is whole, and the next start of EntityGraph sets the mode.");
        Run(connection, null, "PRAGMA synchronous = NORMAL");
        Run(connection, null, "PRAGMA wal_checkpoint(FULL)");
        // A checkpoint that readers held back syncs nothing, so the file is synced here in any case.
        using var file = new FileStream(connection.DataSource, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        file.Flush(flushToDisk: true);
    }

    /// <summary>
    /// Checks a file left mid-load before finishing it. A load writes without waiting for the disk, so a process
    /// that dies leaves a sound file, but a machine that loses power may not; such a file is refused, not repaired.
    /// </summary>
    /// <exception cref="InvalidOperationException">The file is damaged.</exception>
    public static void CheckIntact(SqliteConnection connection, string description)
    {
        using var command = connection.CreateCommand();
        // integrity_check, not quick_check: it also finds an index that lost rows its table has.
        command.CommandText = "PRAGMA integrity_check(1)";
        var verdict = command.ExecuteScalar() as string;
        if (!string.Equals(verdict, "ok", StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The database '{description}' was left in the middle of an import into an empty database, and it is damaged ({verdict}); "
                + "the machine probably stopped during the import. Delete the file and run the import again.");
        }
    }

    /// <summary>Sets the journal mode; returns the mode the file is in afterwards, which is the old one when SQLite could not change it.</summary>
    private static string? JournalMode(SqliteConnection connection, string mode)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA journal_mode = {mode}";
        return (command.ExecuteScalar() as string)?.ToLowerInvariant();
    }

    private static void Run(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
