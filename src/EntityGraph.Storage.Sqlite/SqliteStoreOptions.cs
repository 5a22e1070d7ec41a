namespace EntityGraph.Storage.Sqlite;

/// <summary>Where the embedded store keeps its file and how much memory SQLite may use for it.</summary>
public sealed record SqliteStoreOptions
{
    /// <summary>The database file; created, with its directory, when it does not exist.</summary>
    public required string Path { get; init; }

    /// <summary>SQLite page cache per connection, in KiB (64 MiB by default).</summary>
    public int CacheSizeKib { get; init; } = 64 * 1024;

    /// <summary>SQLite page cache of the connection that writes a batch, in KiB (256 MiB by default).</summary>
    public int WriteCacheSizeKib { get; init; } = 256 * 1024;

    /// <summary>
    /// The most ids a bulk load keeps track of while the fragments' id index is set aside (about 200 million by
    /// default); a larger load builds that index when it gets there. Smaller in tests, to reach that point.
    /// </summary>
    internal int? BulkLoadMostIds { get; init; }

    /// <summary>How long a statement waits for a lock held by another process before failing.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);
}
