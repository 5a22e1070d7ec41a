using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Search;
using EntityGraph.Core.Storage;
using EntityGraph.Storage.Sqlite.Internal;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Each operation takes its own pooled connection,
/// so any number of readers run in parallel; writes take turns behind one lock, as SQLite has a
/// single writer. Fragments (what each dataset says about an entity) are the source of truth; parties,
/// shipments, links and the name index are projections of the merged entities, rewritten in the same
/// transaction as the fragments they come from.
/// </summary>
public sealed class SqliteGraphStore : IGraphStore
{
    private readonly SqliteStoreOptions _options;
    private readonly string _connectionString;
    private readonly string _pragmas;
    private readonly string _writePragmas;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private BulkSession? _bulk;
    private readonly Lock _versionGate = new();
    private SqliteConnection? _versionConnection;
    private EntityCount? _entityCount;

    public SqliteGraphStore(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path);
        _options = options;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = options.Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        }.ToString();
        // A writer touches pages all over the indexes: a larger cache and fewer, larger checkpoints
        // save re-reading and re-writing them between batches.
        _writePragmas = FormattableString.Invariant(
            $"PRAGMA cache_size = -{options.WriteCacheSizeKib}; PRAGMA wal_autocheckpoint = 16384;");
        _pragmas = FormattableString.Invariant(
            $"PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA cache_size = -{options.CacheSizeKib}; PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 1000;");
    }

    /// <summary>The page cache of a bulk load's connection, in KiB: 32 MiB loaded as fast as 256 MiB, in 220 MiB less memory.</summary>
    private const int BulkLoadCacheKib = 32 * 1024;

    /// <summary>The schema version this build writes.</summary>
    public static int SchemaVersion => Migrations.Current;

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (Path.GetDirectoryName(Path.GetFullPath(_options.Path)) is { Length: > 0 } directory)
            Directory.CreateDirectory(directory);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            using var connection = Open();
            using (var wal = connection.CreateCommand())
            {
                // Larger pages mean fewer B-tree splits and page headers for the long text keys; it only
                // takes effect on a new file. WAL lets readers run while the writer writes; the mode is stored in the file.
                wal.CommandText = "PRAGMA page_size = 8192; PRAGMA journal_mode = WAL";
                wal.ExecuteNonQuery();
            }

            Migrations.MigrateTo(connection, Migrations.Current, _options.Path);
            if (BulkLoad.IsPending(connection))
            {
                BulkLoad.CheckIntact(connection, _options.Path);
                BulkLoad.Finish(connection);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public Task<StoreStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var connection = Open();
            var version = Migrations.VersionOf(connection);
            if (version != Migrations.Current)
            {
                var detail = version > Migrations.Current
                    ? $"The file has schema version {version}, newer than the {Migrations.Current} this build knows; upgrade EntityGraph."
                    : $"The file has schema version {version}; this build needs {Migrations.Current}. Initializing the store migrates it.";
                return Task.FromResult(new StoreStatus(true, false, _options.Path, 0, detail));
            }

            return Task.FromResult(new StoreStatus(true, true, _options.Path, CountEntities(connection)));
        }
        catch (SqliteException ex)
        {
            return Task.FromResult(new StoreStatus(false, false, _options.Path, 0, $"SQLite error {ex.SqliteErrorCode}: {ex.Message}"));
        }
    }

    /// <inheritdoc />
    public async Task<IAsyncDisposable> BeginBulkLoadAsync(CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // A load already under way takes this import's batches too, and finishes when it does.
            if (_bulk is not null)
                return NothingToFinish.Instance;
            var connection = Open();
            try
            {
                if (!BulkLoad.TryBegin(connection))
                {
                    connection.Dispose();
                    return NothingToFinish.Instance;
                }

                BulkLoad.TryWriteInPlace(connection, _options.BusyTimeout);
                // The load writes without waiting for the disk; its end makes the whole file durable (BulkLoad.Finish).
                // With the indexes set aside it only appends rows, which needs little cache.
                Execute(connection, _writePragmas + FormattableString.Invariant($" PRAGMA synchronous = OFF; PRAGMA cache_size = -{BulkLoadCacheKib};"));
            }
            catch
            {
                connection.Dispose();
                throw;
            }

            _bulk = new BulkSession(connection, _pragmas, _writeLock, _options.BulkLoadMostIds is { } most ? new LoadedIds(most: most) : new LoadedIds());
            return new BulkLoadScope(this);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private async Task FinishBulkLoadAsync()
    {
        // Runs even when the import was cancelled: the file must not be left without its indexes.
        await _writeLock.WaitAsync(CancellationToken.None);
        try
        {
            var bulk = _bulk;
            _bulk = null;
            ExceptionDispatchInfo? lastCommit = null;
            try
            {
                bulk?.Dispose();
            }
            catch (Exception ex)
            {
                // The indexes are built all the same; then the failure is reported.
                lastCommit = ExceptionDispatchInfo.Capture(ex);
            }

            using var connection = Open();
            Execute(connection, _writePragmas);
            try
            {
                BulkLoad.Finish(connection);
                lastCommit?.Throw();
            }
            finally
            {
                Execute(connection, _pragmas);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<UpsertResult> UpsertAsync(IReadOnlyList<FtmEntity> entities, ImportRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entities);
        ArgumentNullException.ThrowIfNull(run);
        if (entities.Count == 0)
            return UpsertResult.Empty;
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            if (_bulk is { } bulk)
                return bulk.Write(entities, run);
            using var connection = Open();
            Execute(connection, _writePragmas);
            try
            {
                using var transaction = connection.BeginTransaction();
                var result = new BatchWriter(connection, transaction).Write(entities, run);
                transaction.Commit();
                return result;
            }
            finally
            {
                // The connection goes back to the pool to serve reads with the reader's settings.
                Execute(connection, _pragmas);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(id);
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            // Another writer's connection would wait for the load's open group: it is made durable first.
            _bulk?.Commit();
            using var connection = Open();
            using var transaction = connection.BeginTransaction();
            var deleted = new BatchWriter(connection, transaction).Delete(id);
            transaction.Commit();
            return deleted;
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<FtmEntity>> GetEntitiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Read<IReadOnlyList<FtmEntity>>(connection => EntityLookupSql.Entities(connection, ids));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Party>> GetPartiesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Project(ids, p => p.Party);

    /// <inheritdoc />
    public Task<IReadOnlyList<Sanction>> GetSanctionsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Project(ids, p => p.Sanction);

    /// <inheritdoc />
    public Task<IReadOnlyList<Address>> GetAddressesAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Project(ids, p => p.Address);

    /// <inheritdoc />
    public Task<IReadOnlyList<Shipment>> GetShipmentsAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Read<IReadOnlyList<Shipment>>(connection => EntityLookupSql.Shipments(connection, ids));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Link>> GetLinksAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Read(connection => EntityLookupSql.Links(connection, ids));
    }

    /// <inheritdoc />
    public Task<SearchPage> SearchAsync(PartySearch query, CancellationToken cancellationToken)
    {
        var offset = SearchCursor.Offset(query);
        var tokens = SearchText.Tokens(query.Text);
        if (tokens.Count == 0)
            return Task.FromResult(new SearchPage([], false, null, 0));
        return Read(connection => PartySearchSql.Search(connection, query, tokens, offset));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Link>> ExpandAsync(LinkExpansion expansion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (expansion.NodeIds.Count == 0 || expansion.Limit <= 0)
            return Task.FromResult<IReadOnlyList<Link>>([]);
        return Read(connection => LinkExpansionSql.Expand(connection, expansion));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Shipment>> ExpandShipmentsAsync(ShipmentExpansion expansion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (expansion.PartyIds.Count == 0 || expansion.Limit <= 0)
            return Task.FromResult<IReadOnlyList<Shipment>>([]);
        return Read<IReadOnlyList<Shipment>>(connection => ShipmentExpansionSql.Shipments(connection, expansion));
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Trade> StreamTradesAsync(CancellationToken cancellationToken) => TradeStreamSql.ReadAsync(Open, cancellationToken);

    /// <summary>
    /// The entities held now. Counting reads every fragment, and a readiness probe asks often, so the count is
    /// kept until the data version moves.
    /// </summary>
    private long CountEntities(SqliteConnection connection)
    {
        var version = DataVersion();
        if (Volatile.Read(ref _entityCount) is { } known && known.Version == version)
            return known.Entities;
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM (SELECT DISTINCT entity_id FROM fragments)";
        var entities = (long)command.ExecuteScalar()!;
        Volatile.Write(ref _entityCount, new EntityCount(version, entities));
        return entities;
    }

    private sealed record EntityCount(long Version, long Entities);

    /// <inheritdoc />
    public Task<long> GetDataVersionAsync(CancellationToken cancellationToken) => Task.FromResult(DataVersion());

    private long DataVersion()
    {
        // PRAGMA data_version changes when another connection commits, so it is read on a connection kept for it alone.
        lock (_versionGate)
        {
            _versionConnection ??= Open();
            using var command = _versionConnection.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return (long)command.ExecuteScalar()!;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Trade>> ExpandTradesAsync(ShipmentExpansion expansion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (expansion.PartyIds.Count == 0 || expansion.Limit <= 0)
            return Task.FromResult<IReadOnlyList<Trade>>([]);
        return Read<IReadOnlyList<Trade>>(connection => ShipmentExpansionSql.Trades(connection, expansion));
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, ShipmentPage>> GetShipmentPagesAsync(ShipmentPageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.First, nameof(query.First));
        var after = ShipmentPagesSql.After(query);
        return Read<IReadOnlyDictionary<string, ShipmentPage>>(connection => ShipmentPagesSql.Pages(connection, query, after));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TradeFlowBucket>> AggregateShipmentsAsync(TradeFlowQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Read(connection => TradeFlowSql.Aggregate(connection, query, cancellationToken));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FtmEntity> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var fragments in ExportFragmentsAsync(cancellationToken))
            yield return FtmFragments.Merge(fragments);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<IReadOnlyList<StoredFragment>> ExportFragmentsAsync(CancellationToken cancellationToken) =>
        Fragments.ExportAsync(Open, cancellationToken);

    /// <summary>Closes the pooled connections to the file, so that it can be moved or deleted.</summary>
    public ValueTask DisposeAsync()
    {
        // A load not finished keeps what it wrote; the next start builds what it set aside.
        if (_bulk is not null)
        {
            _writeLock.Wait();
            try
            {
                _bulk?.Dispose();
            }
            finally
            {
                _bulk = null;
                _writeLock.Release();
            }
        }

        lock (_versionGate)
        {
            _versionConnection?.Dispose();
            _versionConnection = null;
        }

        using (var connection = new SqliteConnection(_connectionString))
            SqliteConnection.ClearPool(connection);
        _writeLock.Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = _pragmas;
        command.ExecuteNonQuery();
        return connection;
    }

    /// <summary>Runs a read on a connection of its own, as every read does.</summary>
    private Task<T> Read<T>(Func<SqliteConnection, T> read)
    {
        using var connection = Open();
        return Task.FromResult(read(connection));
    }

    private Task<IReadOnlyList<T>> Project<T>(IReadOnlyCollection<string> ids, Func<GraphProjection, T?> select)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Read<IReadOnlyList<T>>(connection => EntityLookupSql.Projected(connection, ids, select));
    }

    private sealed class BulkLoadScope(SqliteGraphStore store) : IAsyncDisposable
    {
        private int _finished;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _finished, 1) == 0)
                await store.FinishBulkLoadAsync();
        }
    }

    private sealed class NothingToFinish : IAsyncDisposable
    {
        public static readonly NothingToFinish Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
