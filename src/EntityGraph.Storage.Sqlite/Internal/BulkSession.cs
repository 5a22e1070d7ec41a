using System.Runtime.ExceptionServices;
using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// The writing side of a bulk load: one connection held from start to finish, so that its page cache stays
/// warm, and batches committed in groups, since every commit writes each page it changed to the write-ahead
/// log, the table's last pages and the B-trees' upper levels again each time. It keeps where each id's fragments
/// are (<see cref="Loaded"/>) while their index is set aside. (A savepoint per batch, so that a failed batch
/// takes back only its own rows, would copy every page a batch touches first: it cost more than the groups saved.)
/// </summary>
/// <remarks>
/// A batch is durable when its group commits: at <see cref="GroupSize"/> entities, when the group is
/// <see cref="GroupAge"/> old, after <see cref="IdleCommit"/> without a batch, before any other write of this
/// store and at the end of the load. A writer in another process waits for the group in progress, never
/// much longer than those times. A load cut short loses the group in progress and keeps the groups before it;
/// a batch that fails takes its group back with it.
/// </remarks>
internal sealed class BulkSession : IDisposable
{
    /// <summary>At most this many entities are written between commits.</summary>
    public const int GroupSize = 100_000;

    /// <summary>A group this old is committed with the batch that ends it.</summary>
    public static readonly TimeSpan GroupAge = TimeSpan.FromSeconds(2);

    /// <summary>A group that has had no batch for this long is committed.</summary>
    public static readonly TimeSpan IdleCommit = TimeSpan.FromSeconds(1);

    private readonly SqliteConnection _connection;
    private readonly string _afterwards;
    private readonly SemaphoreSlim _writeLock;
    private readonly Timer _idle;
    private SqliteTransaction? _group;
    private string? _groupRun;
    private long _groupStarted;
    private int _pending;
    private bool _disposed;
    private ExceptionDispatchInfo? _idleFailure;

    /// <param name="connection">The open connection, set up for writing; the session owns it.</param>
    /// <param name="afterwards">The settings the connection gets back before it returns to the pool.</param>
    /// <param name="writeLock">The store's write lock, which every call but the idle commit is made under.</param>
    /// <param name="loaded">The table of ids the load keeps.</param>
    public BulkSession(SqliteConnection connection, string afterwards, SemaphoreSlim writeLock, LoadedIds loaded)
    {
        Loaded = loaded;
        _connection = connection;
        _afterwards = afterwards;
        _writeLock = writeLock;
        _idle = new Timer(_ => CommitWhenIdle());
    }

    /// <summary>Where the fragments written since the load began are, while their id index is set aside.</summary>
    public LoadedIds? Loaded { get; private set; }

    public UpsertResult Write(IReadOnlyList<FtmEntity> entities, ImportRun run)
    {
        _idleFailure?.Throw();
        if (Loaded is { } loaded && loaded.Count + entities.Count > loaded.Most)
        {
            // Too many ids to keep track of: the index is built now, in a commit of its own, and the rest of the load
            // goes through it.
            Commit();
            using var transaction = _connection.BeginTransaction();
            BulkLoad.BuildFragmentIndex(_connection, transaction);
            transaction.Commit();
            Loaded = null;
        }

        // A group holds the batches of one run only, so that a batch that fails takes back its own run's rows alone.
        if (_group is not null && !string.Equals(_groupRun, run.RunId, StringComparison.Ordinal))
            Commit();
        if (_group is null)
        {
            _group = _connection.BeginTransaction();
            _groupRun = run.RunId;
            _groupStarted = Environment.TickCount64;
        }

        UpsertResult result;
        try
        {
            result = new BatchWriter(_connection, _group, Loaded).Write(entities, run);
        }
        catch (Exception ex)
        {
            var lost = _pending;
            _group.Rollback();
            _group.Dispose();
            _group = null;
            _pending = 0;
            if (lost == 0)
                throw;
            var message = $"{ex.Message} The batch was taken back, and with it the {lost:N0} entities of this import written before it since the load last committed; run the import again to store them.";
            // Callers that report a store's errors as such (the command line does) still recognise it.
            if (ex is SqliteException sqlite)
                throw new SqliteException(message, sqlite.SqliteErrorCode, sqlite.SqliteExtendedErrorCode);
            throw new InvalidOperationException(message, ex);
        }

        _pending += entities.Count;
        if (_pending >= GroupSize || Environment.TickCount64 - _groupStarted >= (long)GroupAge.TotalMilliseconds)
            Commit();
        else
            _idle.Change(IdleCommit, Timeout.InfiniteTimeSpan);
        return result;
    }

    private void CommitWhenIdle()
    {
        try
        {
            if (_disposed || !_writeLock.Wait(0))
            {
                // Someone else holds the lock: try again later, unless the load has ended.
                if (!_disposed)
                    _idle.Change(IdleCommit, Timeout.InfiniteTimeSpan);
                return;
            }
        }
        catch (ObjectDisposedException)
        {
            // The store was closed after the load ended and before this late tick: nothing is left to commit.
            return;
        }

        try
        {
            if (!_disposed)
                Commit();
        }
        catch (Exception ex)
        {
            // Not on a timer thread, where it would end the process: the next batch, or the end of the load, reports it.
            _idleFailure = ExceptionDispatchInfo.Capture(ex);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Makes every batch written so far durable.</summary>
    public void Commit()
    {
        if (_group is null)
            return;
        try
        {
            _group.Commit();
        }
        finally
        {
            // Committed or not, the transaction is over: the next batch begins a new one.
            _group.Dispose();
            _group = null;
            _pending = 0;
        }
    }

    /// <summary>Commits what is pending and gives the connection back.</summary>
    public void Dispose()
    {
        _disposed = true;
        _idle.Dispose();
        try
        {
            _idleFailure?.Throw();
            Commit();
        }
        finally
        {
            _group?.Dispose();
            using (var command = _connection.CreateCommand())
            {
                command.CommandText = _afterwards;
                command.ExecuteNonQuery();
            }

            _connection.Dispose();
        }
    }
}
