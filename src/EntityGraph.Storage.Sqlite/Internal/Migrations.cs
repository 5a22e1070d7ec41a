using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// The ordered schema migrations. A file records the last one applied in <c>schema_version</c>;
/// migrations are only ever appended, so an old file can always be brought forward.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<string> Steps =
    [
        // 1: fragments are the source of truth; the other tables are projections of the merged entities.
        // Links are clustered by the entity they are read from, which is how they are rewritten.
        """
        CREATE TABLE fragments (
            pk INTEGER PRIMARY KEY,
            entity_id TEXT NOT NULL,
            dataset TEXT NOT NULL,
            run_id TEXT NOT NULL,
            schema TEXT NOT NULL,
            properties TEXT NOT NULL,
            first_seen INTEGER,
            last_seen INTEGER,
            UNIQUE (entity_id, dataset)
        );

        CREATE TABLE parties (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            countries TEXT NOT NULL,
            name_key TEXT NOT NULL,
            search_text TEXT NOT NULL
        );

        CREATE TABLE shipments (
            pk INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            date TEXT,
            date_lo INTEGER,
            date_hi INTEGER,
            sender_id TEXT,
            receiver_id TEXT,
            declarant_id TEXT,
            hs TEXT,
            tier INTEGER,
            goods TEXT,
            value_usd REAL,
            origin_country TEXT,
            departure_country TEXT,
            destination_country TEXT,
            trading_country TEXT,
            datasets TEXT NOT NULL,
            first_seen INTEGER,
            last_seen INTEGER
        );
        CREATE UNIQUE INDEX parties_by_id ON parties (id);
        CREATE UNIQUE INDEX shipments_by_id ON shipments (id);
        CREATE INDEX shipments_by_sender ON shipments (sender_id, date_lo);
        CREATE INDEX shipments_by_receiver ON shipments (receiver_id, date_lo);
        CREATE INDEX shipments_by_declarant ON shipments (declarant_id) WHERE declarant_id IS NOT NULL;

        CREATE TABLE links (
            id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            source_id TEXT NOT NULL,
            target_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            start_lo INTEGER,
            end_hi INTEGER,
            PRIMARY KEY (entity_id, id)
        ) WITHOUT ROWID;
        CREATE INDEX links_by_source ON links (source_id, kind);
        CREATE INDEX links_by_target ON links (target_id, kind);
        """,

        // 2: the name index over parties, kept in step with the parties table by triggers.
        """
        CREATE VIRTUAL TABLE party_search USING fts5 (search_text, content = 'parties', content_rowid = 'pk', tokenize = 'ascii');
        CREATE TRIGGER parties_indexed AFTER INSERT ON parties BEGIN
            INSERT INTO party_search (rowid, search_text) VALUES (new.pk, new.search_text);
        END;
        CREATE TRIGGER parties_unindexed AFTER DELETE ON parties BEGIN
            INSERT INTO party_search (party_search, rowid, search_text) VALUES ('delete', old.pk, old.search_text);
        END;
        INSERT INTO party_search (party_search) VALUES ('rebuild');
        """,

        // 3: trade flows. The period and the sender country are stored as the shipment is written, so the
        // aggregation reads them from one covering index instead of every row of the table.
        """
        ALTER TABLE shipments ADD COLUMN year INTEGER;
        ALTER TABLE shipments ADD COLUMN month INTEGER;
        ALTER TABLE shipments ADD COLUMN sender_country TEXT;
        UPDATE shipments SET
            year = CAST(substr(date, 1, 4) AS INTEGER),
            month = CASE WHEN length(date) >= 7 THEN CAST(substr(date, 6, 2) AS INTEGER) END,
            sender_country = coalesce(departure_country, origin_country);
        CREATE INDEX shipments_by_flow ON shipments (year, sender_country, destination_country, month, tier, hs, value_usd, date_lo, date_hi);
        """,

        // 4: one fragment per entity and dataset, kept by a named index instead of the table's constraint, so that a
        // bulk load into an empty store can set it aside and build it once at the end, as it does the other indexes.
        """
        CREATE TABLE fragments_rebuilt (
            pk INTEGER PRIMARY KEY,
            entity_id TEXT NOT NULL,
            dataset TEXT NOT NULL,
            run_id TEXT NOT NULL,
            schema TEXT NOT NULL,
            properties TEXT NOT NULL,
            first_seen INTEGER,
            last_seen INTEGER
        );
        INSERT INTO fragments_rebuilt (pk, entity_id, dataset, run_id, schema, properties, first_seen, last_seen)
            SELECT pk, entity_id, dataset, run_id, schema, properties, first_seen, last_seen FROM fragments;
        DROP TABLE fragments;
        ALTER TABLE fragments_rebuilt RENAME TO fragments;
        CREATE UNIQUE INDEX fragments_by_entity ON fragments (entity_id, dataset);
        """,
    ];

    /// <summary>The schema version this build writes.</summary>
    public static int Current => Steps.Count;

    /// <summary>The version recorded in the file; 0 for a file without a schema yet.</summary>
    public static int VersionOf(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
        if (Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
            return 0;
        command.CommandText = "SELECT max(version) FROM schema_version";
        return command.ExecuteScalar() is long version ? (int)version : 0;
    }

    /// <summary>Applies the pending migrations up to <paramref name="target"/> in one transaction.</summary>
    public static void MigrateTo(SqliteConnection connection, int target, string description)
    {
        var version = VersionOf(connection);
        if (version > Current)
        {
            throw new InvalidOperationException(
                $"The database '{description}' has schema version {version}, written by a newer EntityGraph; "
                + $"this build knows versions up to {Current}. Upgrade EntityGraph or use another file.");
        }

        if (version >= target)
            return;
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, applied_at TEXT NOT NULL)";
        command.ExecuteNonQuery();
        for (var step = version + 1; step <= target; step++)
        {
            command.CommandText = Steps[step - 1];
            command.ExecuteNonQuery();
        }

        command.CommandText = "DELETE FROM schema_version; INSERT INTO schema_version (version, applied_at) VALUES ($version, $at)";
        command.Parameters.AddWithValue("$version", target);
        command.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}
