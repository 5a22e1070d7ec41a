using System.Runtime.CompilerServices;
using System.Text;
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
    private IdFilter? _bulkLoaded;
    private readonly Lock _versionGate = new();
    private SqliteConnection? _versionConnection;

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
                BulkLoad.Finish(connection);
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

            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM (SELECT DISTINCT entity_id FROM fragments)";
            var entities = (long)command.ExecuteScalar()!;
            return Task.FromResult(new StoreStatus(true, true, _options.Path, entities));
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
            using var connection = Open();
            if (!BulkLoad.TryBegin(connection))
                return NothingToFinish.Instance;
            _bulkLoaded = new IdFilter();
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
            using var connection = Open();
            Execute(connection, _writePragmas);
            try
            {
                _bulkLoaded = null;
                BulkLoad.Finish(connection);
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
            using var connection = Open();
            Execute(connection, _writePragmas);
            try
            {
                using var transaction = connection.BeginTransaction();
                var result = new BatchWriter(connection, transaction, _bulkLoaded).Write(entities, run);
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
        using var connection = Open();
        return Task.FromResult<IReadOnlyList<FtmEntity>>(LoadEntities(connection, ids));
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
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {ShipmentRows.Columns} FROM shipments s WHERE s.id IN (SELECT value FROM json_each($ids)) ORDER BY s.id";
        command.Parameters.AddWithValue("$ids", new Json().List(ids));
        return Task.FromResult<IReadOnlyList<Shipment>>(ReadShipments(command));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Link>> GetLinksAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var connection = Open();
        using var command = connection.CreateCommand();
        // A link id is its carrying entity's id, or starts with it and a colon: look up every such prefix
        // by the links' primary key, and the shipment roles in the shipments table they are read from.
        command.CommandText =
            $"""
            SELECT id, entity_id FROM (
                SELECT id, entity_id FROM links
                WHERE entity_id IN (SELECT value FROM json_each($prefixes)) AND id IN (SELECT value FROM json_each($ids))
                UNION
                SELECT {ShipmentRoleLinks.IdExpression("(c.value ->> 2)")}, s.id FROM json_each($roles) c
                JOIN shipments s ON s.id = (c.value ->> 0)
                WHERE {ShipmentRoleLinks.PartyColumnExpression("(c.value ->> 2)")} = (c.value ->> 1))
            ORDER BY id, entity_id
            """;
        var json = new Json();
        command.Parameters.AddWithValue("$ids", json.List(ids));
        command.Parameters.AddWithValue("$prefixes", json.List(ids.SelectMany(FtmProjector.CarrierCandidates).Distinct(StringComparer.Ordinal)));
        command.Parameters.AddWithValue("$roles", ShipmentRoleLinks.Candidates(ids));
        return Task.FromResult(ReadLinks(connection, command));
    }

    /// <inheritdoc />
    public Task<SearchPage> SearchAsync(PartySearch query, CancellationToken cancellationToken)
    {
        var offset = SearchCursor.Offset(query);

        var tokens = SearchText.Tokens(query.Text);
        if (tokens.Count == 0)
            return Task.FromResult(new SearchPage([], false, null, 0));

        var json = new Json();
        using var connection = Open();
        using var command = connection.CreateCommand();
        var matching = new StringBuilder("FROM party_search JOIN parties p ON p.pk = party_search.rowid WHERE party_search MATCH $match");
        // Every token is required; the last may be the start of a longer word, as it is while someone
        // types. Prefixes of one or two letters would match a large part of the index, so they must be whole.
        // Tokens are [a-z0-9]+, so quoting is enough.
        command.Parameters.AddWithValue("$match", string.Join(' ', tokens.Select((t, i) => i == tokens.Count - 1 && t.Length >= 3 ? $"\"{t}\"*" : $"\"{t}\"")));
        command.Parameters.AddWithValue("$key", SearchText.KeyOf(tokens));
        if (query.Kinds is { Count: > 0 } kinds)
        {
            matching.Append(" AND p.kind IN (SELECT value FROM json_each($kinds))");
            command.Parameters.AddWithValue("$kinds", json.Numbers(kinds.Select(k => (long)k)));
        }

        if (query.Countries is { Count: > 0 } countries)
        {
            matching.Append(" AND EXISTS (SELECT 1 FROM json_each(p.countries) c WHERE c.value IN (SELECT value FROM json_each($countries)))");
            command.Parameters.AddWithValue("$countries", json.List(countries.Select(c => c.Trim().ToLowerInvariant())));
        }

        command.CommandText =
            $"""
            WITH hits AS MATERIALIZED (
                SELECT p.id AS id, -bm25(party_search) + CASE WHEN p.name_key = $key THEN 100.0 ELSE 0.0 END AS score
                {matching}
            )
            SELECT id, score, count(*) OVER () AS total FROM hits
            ORDER BY score DESC, id
            LIMIT $limit OFFSET $offset
            """;
        command.Parameters.AddWithValue("$limit", query.First + 1);
        command.Parameters.AddWithValue("$offset", offset);

        var found = new List<(string Id, double Score)>();
        var total = 0;
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                found.Add((reader.GetString(0), reader.GetDouble(1)));
                total = reader.GetInt32(2);
            }
        }

        if (found.Count == 0 && offset > 0)
        {
            // Past the last hit the window count has no row to ride on.
            command.CommandText = $"SELECT count(*) {matching}";
            total = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }

        var hasNext = found.Count > query.First;
        if (hasNext)
            found.RemoveAt(found.Count - 1);
        var parties = LoadEntities(connection, found.Select(f => f.Id).ToArray())
            .Select(e => FtmProjector.Project(e, includeSearchText: false).Party)
            .OfType<Party>()
            .ToDictionary(p => p.Id, StringComparer.Ordinal);
        var hits = new List<SearchHit>(found.Count);
        for (var i = 0; i < found.Count; i++)
        {
            if (parties.TryGetValue(found[i].Id, out var party))
                hits.Add(new SearchHit(party, SearchCursor.After(offset + i + 1), found[i].Score));
        }

        return Task.FromResult(new SearchPage(hits, hasNext, hits.Count > 0 ? hits[^1].Cursor : query.After, total));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Link>> ExpandAsync(LinkExpansion expansion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (expansion.NodeIds.Count == 0 || expansion.Limit <= 0)
            return Task.FromResult<IReadOnlyList<Link>>([]);
        var json = new Json();
        using var connection = Open();
        using var command = connection.CreateCommand();
        var filters = new StringBuilder();
        if (expansion.Kinds is { Count: > 0 } kinds)
        {
            filters.Append(" AND l.kind IN (SELECT value FROM json_each($kinds))");
            command.Parameters.AddWithValue("$kinds", json.Numbers(kinds.Select(k => (long)k)));
        }

        // A link without a start or end date is open on that side.
        DateFilterSql.Append(filters, command, expansion.ActiveFrom, expansion.ActiveTo, "l.start_lo", "l.end_hi", openEnded: true);

        // One indexed lookup per direction; UNION drops a link seen from both of its ends.
        // Link rows carry no provenance columns (their links are projected from their entity); role links do.
        var outgoing = $"SELECT l.id, l.entity_id, NULL, NULL, NULL FROM links l WHERE l.source_id IN (SELECT value FROM json_each($ids)){filters}";
        var incoming = $"SELECT l.id, l.entity_id, NULL, NULL, NULL FROM links l WHERE l.target_id IN (SELECT value FROM json_each($ids)){filters}";
        var around = expansion.Direction switch
        {
            LinkDirection.Outgoing => outgoing,
            LinkDirection.Incoming => incoming,
            _ => $"{outgoing} UNION {incoming}",
        };
        foreach (var roleQuery in ShipmentRoleLinks.Around(expansion.Kinds, expansion.Direction))
            around += $" UNION {roleQuery}";
        command.CommandText = $"SELECT * FROM ({around}) ORDER BY 1, 2 LIMIT $limit";
        command.Parameters.AddWithValue("$ids", json.List(expansion.NodeIds));
        command.Parameters.AddWithValue("$limit", expansion.Limit);
        return Task.FromResult(ReadLinks(connection, command));
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Shipment>> ExpandShipmentsAsync(ShipmentExpansion expansion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (expansion.PartyIds.Count == 0 || expansion.Limit <= 0)
            return Task.FromResult<IReadOnlyList<Shipment>>([]);
        using var connection = Open();
        using var command = connection.CreateCommand();
        Expansion(command, expansion, ShipmentRows.Columns);
        return Task.FromResult<IReadOnlyList<Shipment>>(ReadShipments(command));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Trade> StreamTradesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var connection = Open();
        // The three reads see the same data: one read transaction around them.
        using var transaction = connection.BeginTransaction(deferred: true);
        var others = OtherRoles(transaction);
        var linked = LinkedShipments(transaction);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {TradeColumns}, s.datasets, s.first_seen, s.last_seen, s.declarant_id FROM shipments s";
        using var reader = command.ExecuteReader();
        // Shipments share a handful of dataset lists; each is read once.
        var datasets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trade = ReadTrade(reader);
            var list = reader.GetString(7);
            if (!datasets.TryGetValue(list, out var read))
                datasets[list] = read = Json.ReadList(list);
            var roles = others.GetValueOrDefault(trade.ShipmentId);
            IReadOnlyList<string> declarants = reader.IsDBNull(10) ? [] : [reader.GetString(10)];
            if (roles.Declarants is { } more)
                declarants = [.. declarants, .. more];
            yield return trade with
            {
                Links = new TradeLinks(
                    read,
                    Fragments.Time(reader.IsDBNull(8) ? null : reader.GetInt64(8)),
                    Fragments.Time(reader.IsDBNull(9) ? null : reader.GetInt64(9)),
                    roles.Senders ?? [],
                    roles.Receivers ?? [],
                    declarants,
                    linked.Contains(trade.ShipmentId)),
            };
        }
    }

    /// <summary>
    /// The senders, receivers and declarants after each shipment's first, which are kept as link rows, by
    /// shipment, in link id order.
    /// </summary>
    private static Dictionary<string, (List<string>? Senders, List<string>? Receivers, List<string>? Declarants)> OtherRoles(SqliteTransaction transaction)
    {
        var others = new Dictionary<string, (List<string>? Senders, List<string>? Receivers, List<string>? Declarants)>(StringComparer.Ordinal);
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT l.entity_id, l.kind, l.source_id, l.target_id FROM links l WHERE l.kind IN ($sent, $received, $declared) ORDER BY l.entity_id, l.id";
        command.Parameters.AddWithValue("$sent", (long)LinkKind.Sent);
        command.Parameters.AddWithValue("$received", (long)LinkKind.Received);
        command.Parameters.AddWithValue("$declared", (long)LinkKind.Declared);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var shipment = reader.GetString(0);
            var (senders, receivers, declarants) = others.GetValueOrDefault(shipment);
            // A receiver is the target of its link; a sender or declarant the source.
            switch ((LinkKind)reader.GetInt32(1))
            {
                case LinkKind.Sent:
                    (senders ??= []).Add(reader.GetString(2));
                    break;
                case LinkKind.Received:
                    (receivers ??= []).Add(reader.GetString(3));
                    break;
                default:
                    (declarants ??= []).Add(reader.GetString(2));
                    break;
            }

            others[shipment] = (senders, receivers, declarants);
        }

        return others;
    }

    /// <summary>The shipments that links other than their role links start or end at (rare: shipments are linked through their roles).</summary>
    private static HashSet<string> LinkedShipments(SqliteTransaction transaction)
    {
        var linked = new HashSet<string>(StringComparer.Ordinal);
        using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            """
            SELECT l.source_id FROM links l JOIN shipments s ON s.id = l.source_id WHERE l.kind NOT IN ($sent, $received, $declared)
            UNION
            SELECT l.target_id FROM links l JOIN shipments s ON s.id = l.target_id WHERE l.kind NOT IN ($sent, $received, $declared)
            """;
        command.Parameters.AddWithValue("$sent", (long)LinkKind.Sent);
        command.Parameters.AddWithValue("$received", (long)LinkKind.Received);
        command.Parameters.AddWithValue("$declared", (long)LinkKind.Declared);
        using var reader = command.ExecuteReader();
        while (reader.Read())
            linked.Add(reader.GetString(0));
        return linked;
    }

    /// <inheritdoc />
    public Task<long> GetDataVersionAsync(CancellationToken cancellationToken)
    {
        // PRAGMA data_version changes when another connection commits, so it is read on a connection kept for it alone.
        lock (_versionGate)
        {
            _versionConnection ??= Open();
            using var command = _versionConnection.CreateCommand();
            command.CommandText = "PRAGMA data_version";
            return Task.FromResult((long)command.ExecuteScalar()!);
        }
    }

    /// <summary>The columns <see cref="ReadTrade"/> expects, in order.</summary>
    private const string TradeColumns = "s.id, s.sender_id, s.receiver_id, s.date, s.value_usd, s.tier, s.hs";

    /// <summary>The query of a shipment expansion, in store order, for the given columns.</summary>
    private static void Expansion(SqliteCommand command, ShipmentExpansion expansion, string columns)
    {
        var json = new Json();
        var conditions = ShipmentRows.Conditions(expansion.Filter ?? ShipmentFilter.None, command, json);
        command.CommandText =
            $"""
            SELECT {columns} FROM shipments s
            WHERE {ShipmentRows.RoleColumn(expansion.Role)} IN (SELECT value FROM json_each($ids)){conditions}
            ORDER BY {ShipmentRows.DayKey}, {ShipmentRows.SpanKey}, s.id
            LIMIT $limit
            """;
        command.Parameters.AddWithValue("$ids", json.List(expansion.PartyIds.Distinct(StringComparer.Ordinal)));
        command.Parameters.AddWithValue("$limit", expansion.Limit);
    }

    private static Trade ReadTrade(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.IsDBNull(1) ? null : reader.GetString(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.IsDBNull(3) ? null : PartialDate.Parse(reader.GetString(3)),
        reader.IsDBNull(4) ? null : reader.GetDouble(4),
        reader.IsDBNull(5) ? null : (ChplTier)reader.GetInt32(5),
        reader.IsDBNull(6) ? null : HsCode.Normalize(reader.GetString(6)));

    /// <inheritdoc />
    public Task<IReadOnlyList<Trade>> ExpandTradesAsync(ShipmentExpansion expansion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expansion);
        if (expansion.PartyIds.Count == 0 || expansion.Limit <= 0)
            return Task.FromResult<IReadOnlyList<Trade>>([]);
        using var connection = Open();
        using var command = connection.CreateCommand();
        Expansion(command, expansion, TradeColumns);
        var trades = new List<Trade>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            trades.Add(ReadTrade(reader));

        return Task.FromResult<IReadOnlyList<Trade>>(trades);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, ShipmentPage>> GetShipmentPagesAsync(ShipmentPageQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.First, nameof(query.First));
        var after = query.After is { } cursor ? PageCursor.Decode<ShipmentPosition>(cursor, nameof(query.After)) : null;
        if (after is { Id: null })
            throw new ArgumentException($"The cursor '{query.After}' is not a cursor this store issued.", nameof(query.After));

        var json = new Json();
        var partyIds = query.PartyIds.Distinct(StringComparer.Ordinal).ToArray();
        var totals = new Dictionary<string, int>(StringComparer.Ordinal);
        using var connection = Open();
        using var command = connection.CreateCommand();
        var conditions = ShipmentRows.Conditions(query.Filter ?? ShipmentFilter.None, command, json);
        var isAfter = after is null ? "1" : "(m.day, m.span, m.id) > ($day, $span, $id)";
        command.CommandText =
            $"""
            WITH matching AS (
                SELECT p.value AS party, {ShipmentRows.DayKey} AS day, {ShipmentRows.SpanKey} AS span, {ShipmentRows.Columns}
                FROM json_each($ids) p JOIN shipments s ON {ShipmentRows.RoleColumn(query.Role)} = p.value
                WHERE 1 = 1{conditions}
            ),
            counted AS (
                SELECT m.*, count(*) OVER (PARTITION BY m.party) AS total, {isAfter} AS after FROM matching m
            ),
            ranked AS (
                SELECT c.*, row_number() OVER (PARTITION BY c.party, c.after ORDER BY c.day, c.span, c.id) AS position FROM counted c
            )
            SELECT r.id, r.date, r.sender_id, r.receiver_id, r.declarant_id, r.hs, r.tier, r.goods, r.value_usd,
                r.origin_country, r.departure_country, r.destination_country, r.trading_country, r.datasets, r.first_seen, r.last_seen,
                r.party, r.total, r.after, r.day, r.span
            FROM ranked r
            WHERE r.after AND r.position <= $limit OR r.position = 1
            ORDER BY r.party, r.after, r.position
            """;
        command.Parameters.AddWithValue("$ids", json.List(partyIds));
        command.Parameters.AddWithValue("$limit", query.First + 1);
        if (after is not null)
        {
            command.Parameters.AddWithValue("$day", after.Day);
            command.Parameters.AddWithValue("$span", after.Span);
            command.Parameters.AddWithValue("$id", after.Id);
        }

        var rows = partyIds.ToDictionary(id => id, _ => new List<(Shipment Shipment, ShipmentPosition Key)>(), StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var party = reader.GetString(16);
                totals[party] = reader.GetInt32(17);
                // Rows before the cursor only come so that a party whose shipments all precede it still reports its total.
                if (reader.GetInt64(18) != 0)
                    rows[party].Add((ShipmentRows.Read(reader), new ShipmentPosition(reader.GetInt64(19), reader.GetInt64(20), reader.GetString(0))));
            }
        }

        var result = new Dictionary<string, ShipmentPage>(StringComparer.Ordinal);
        foreach (var (party, page) in rows)
        {
            var hasNext = page.Count > query.First;
            if (hasNext)
                page.RemoveAt(page.Count - 1);
            var end = page.Count > 0 ? PageCursor.Encode(page[^1].Key) : query.After;
            result[party] = new ShipmentPage(page.Select(p => p.Shipment).ToList(), hasNext, end, totals.GetValueOrDefault(party));
        }

        return Task.FromResult<IReadOnlyDictionary<string, ShipmentPage>>(result);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TradeFlowBucket>> AggregateShipmentsAsync(TradeFlowQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var connection = Open();
        // A scan over millions of rows: let a cancelled request interrupt it.
        using var interrupt = cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(connection.Handle));
        try
        {
            return Task.FromResult(TradeFlowSql.Aggregate(connection, query));
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("The trade-flow aggregation was cancelled.", ex, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<FtmEntity> ExportAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var fragments in ExportFragmentsAsync(cancellationToken))
            yield return FtmFragments.Merge(fragments);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<IReadOnlyList<StoredFragment>> ExportFragmentsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Fragments.Columns} FROM fragments ORDER BY entity_id, dataset";
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        foreach (var fragments in Fragments.ReadStored(reader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return fragments;
        }
    }

    /// <summary>Closes the pooled connections to the file, so that it can be moved or deleted.</summary>
    public ValueTask DisposeAsync()
    {
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

    private static List<FtmEntity> LoadEntities(SqliteConnection connection, IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0)
            return [];
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Fragments.Columns} FROM fragments WHERE entity_id IN (SELECT value FROM json_each($ids)) ORDER BY entity_id, dataset";
        command.Parameters.AddWithValue("$ids", new Json().List(ids));
        using var reader = command.ExecuteReader();
        return Fragments.ReadMerged(reader).ToList();
    }

    private Task<IReadOnlyList<T>> Project<T>(IReadOnlyCollection<string> ids, Func<GraphProjection, T?> select)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var connection = Open();
        var items = LoadEntities(connection, ids).Select(e => select(FtmProjector.Project(e, includeSearchText: false))).OfType<T>().ToList();
        return Task.FromResult<IReadOnlyList<T>>(items);
    }

    private static List<Shipment> ReadShipments(SqliteCommand command)
    {
        var shipments = new List<Shipment>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            shipments.Add(ShipmentRows.Read(reader));
        return shipments;
    }

    /// <summary>Runs a query for (link id, carrying entity id) rows and reads the links from their carrying entities.</summary>
    private static IReadOnlyList<Link> ReadLinks(SqliteConnection connection, SqliteCommand command)
    {
        var keys = new List<(string Id, string EntityId)>();
        var links = new Dictionary<(string, string), Link>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var key = (reader.GetString(0), reader.GetString(1));
                keys.Add(key);
                if (ShipmentRoleLinks.FromRow(reader) is { } link)
                    links[key] = link;
            }
        }

        if (keys.Count == 0)
            return [];
        if (links.Count < keys.Count)
        {
            foreach (var (key, link) in ShipmentRoleLinks.Read(connection, [.. keys.Where(k => !links.ContainsKey(k))]))
                links[key] = link;
        }

        var rest = keys.Where(k => !links.ContainsKey(k)).Select(k => k.EntityId).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var entity in LoadEntities(connection, rest))
        {
            foreach (var link in FtmProjector.Project(entity, includeSearchText: false).Links)
                links.TryAdd((link.Id, entity.Id), link);
        }

        return keys.Select(k => links.GetValueOrDefault(k)).OfType<Link>().ToList();
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
