using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Search;
using EntityGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Writes one upsert batch inside one transaction: merges the batch's fragments, reads what the
/// store already holds for those ids in one query, writes each dataset's fragment, and rewrites the
/// projection rows of every touched entity with statements prepared once per batch.
/// </summary>
internal sealed class BatchWriter
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Json _json = new();
    private readonly List<(FtmEntity Fragment, FtmEntity Merged)> _writes = [];
    private readonly List<(string Id, Projected Tables)> _replaced = [];

    private readonly LoadedIds? _loaded;

    /// <summary>During a bulk load, the row of each stored fragment read, by entity and dataset, to update in place.</summary>
    private readonly Dictionary<(string Id, string Dataset), long> _storedRows = [];

    /// <param name="connection">The open connection.</param>
    /// <param name="transaction">The batch's transaction.</param>
    /// <param name="loaded">
    /// During a bulk load into what was an empty store, while the fragments' id index is set aside: where the
    /// fragments written since the load began are. Stored fragments are found through it, not the index.
    /// </param>
    public BatchWriter(SqliteConnection connection, SqliteTransaction transaction, LoadedIds? loaded = null)
    {
        _connection = connection;
        _transaction = transaction;
        _loaded = loaded;
    }

    public UpsertResult Write(IReadOnlyList<FtmEntity> entities, ImportRun run)
    {
        var batch = FragmentBatch.Merge(entities);
        var stored = ReadStoredFragments(batch.Ids);
        var (writes, result) = batch.Resolve(run, id => stored.GetValueOrDefault(id));
        foreach (var write in writes)
        {
            if (write.Stored.Count > 0)
                _replaced.Add((write.Fragment.Id, ProjectedInto(write.Stored)));
            _writes.Add((write.Fragment, write.Merged));
        }

        Flush(run.RunId);
        return result;
    }

    /// <summary>Removes an entity's fragments and projections; false when the store does not hold it.</summary>
    public bool Delete(string id)
    {
        var ids = _json.List([id]);
        if (Execute("DELETE FROM fragments WHERE entity_id IN (SELECT value FROM json_each($rows))", ids) == 0)
            return false;
        DeleteProjections(ids, Projected.Party | Projected.Shipment);
        return true;
    }

    /// <summary>The tables besides links that hold rows of an entity with these fragments: a party's or a shipment's.</summary>
    private static Projected ProjectedInto(IReadOnlyList<StoredFragment> fragments)
    {
        var tables = Projected.None;
        foreach (var fragment in fragments)
        {
            if (FtmProjector.PartyKindOf(fragment.Fragment.Schema) is not null)
                tables |= Projected.Party;
            else if (fragment.Fragment.Schema == "EconomicActivity")
                tables |= Projected.Shipment;
        }

        return tables;
    }

    private Dictionary<string, List<StoredFragment>> ReadStoredFragments(IReadOnlyCollection<string> ids)
    {
        var stored = new Dictionary<string, List<StoredFragment>>(StringComparer.Ordinal);
        if (_loaded is not null)
            return ReadLoadedFragments(ids, _loaded, stored);

        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"SELECT {Fragments.Columns} FROM fragments WHERE entity_id IN (SELECT value FROM json_each($ids)) ORDER BY entity_id, dataset";
        command.Parameters.AddWithValue("$ids", _json.List(ids));
        using var reader = command.ExecuteReader();
        foreach (var fragments in Fragments.ReadStored(reader))
            stored[fragments[0].Fragment.Id] = fragments;

        return stored;
    }

    /// <summary>The stored fragments of the ids, read by the rows the load's table of ids gives; a row of another id, found by a shared hash, is passed over.</summary>
    private Dictionary<string, List<StoredFragment>> ReadLoadedFragments(IReadOnlyCollection<string> ids, LoadedIds loaded, Dictionary<string, List<StoredFragment>> stored)
    {
        var rows = new List<long>();
        foreach (var id in ids)
            loaded.Candidates(id, rows);
        if (rows.Count == 0)
            return stored;

        // The batch's ids are the keys of a dictionary: asked whether it holds an id, it does not build a set first.
        var wanted = ids as ICollection<string> ?? ids.ToHashSet(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = $"SELECT {Fragments.Columns}, pk FROM fragments WHERE pk IN (SELECT value FROM json_each($rows)) ORDER BY entity_id, dataset";
        command.Parameters.AddWithValue("$rows", $"[{string.Join(',', rows)}]");
        using var reader = command.ExecuteReader();
        foreach (var fragments in Fragments.ReadStored(reader, _storedRows, wanted))
            stored[fragments[0].Fragment.Id] = fragments;

        return stored;
    }

    /// <summary>Writes the batch: old projections of replaced entities out, then fragments and projections in.</summary>
    private void Flush(string runId)
    {
        // Only the tables that hold the replaced entities' rows are searched: during a bulk load, an id index is missing
        // and each search reads the whole table.
        if (_replaced.Count > 0)
        {
            foreach (var tables in _replaced.Select(r => r.Tables).Distinct())
                DeleteProjections(_json.List(_replaced.Where(r => r.Tables == tables).Select(r => r.Id)), tables);
        }

        if (_writes.Count == 0)
            return;

        // During a bulk load the fragments have no id index to find a conflict by: a fragment read from the store is
        // updated in its row, any other inserted, and the load's table of ids learns where.
        using var fragments = Prepare(
            _loaded is null
                ? """
                  INSERT INTO fragments (entity_id, dataset, run_id, schema, properties, first_seen, last_seen) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)
                  ON CONFLICT (entity_id, dataset) DO UPDATE SET run_id = excluded.run_id, schema = excluded.schema,
                      properties = excluded.properties, first_seen = excluded.first_seen, last_seen = excluded.last_seen
                  """
                : "INSERT INTO fragments (entity_id, dataset, run_id, schema, properties, first_seen, last_seen) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)",
            7);
        using var update = _loaded is null || _storedRows.Count == 0 ? null : Prepare(
            "UPDATE fragments SET entity_id = $p0, dataset = $p1, run_id = $p2, schema = $p3, properties = $p4, first_seen = $p5, last_seen = $p6 WHERE pk = $p7",
            8);
        using var parties = Prepare("INSERT INTO parties (id, kind, countries, name_key, search_text) VALUES ($p0, $p1, $p2, $p3, $p4)", 5);
        using var shipments = Prepare(
            """
            INSERT INTO shipments (id, date, date_lo, date_hi, sender_id, receiver_id, declarant_id, hs, tier, goods, value_usd,
                origin_country, departure_country, destination_country, trading_country, datasets, first_seen, last_seen,
                year, month, sender_country)
            VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9, $p10, $p11, $p12, $p13, $p14, $p15, $p16, $p17, $p18, $p19, $p20)
            """,
            21);
        using var links = Prepare("INSERT OR IGNORE INTO links (id, kind, source_id, target_id, entity_id, start_lo, end_hi) VALUES ($p0, $p1, $p2, $p3, $p4, $p5, $p6)", 7);

        // The C# side of each row (projection, JSON) is prepared on another thread while SQLite writes the
        // rows already prepared on this one: the two halves of the work overlap on two cores.
        using var rows = new RowPipeline(_writes, _json);
        for (var i = 0; i < _writes.Count; i++)
        {
            var row = rows.Take(i);
            var fragment = row.Fragment;
            var stored = update is not null && _storedRows.TryGetValue((fragment.Id, fragment.Datasets[0]), out var key) ? key : (long?)null;
            var statement = stored is null ? fragments : update!;
            statement.Text(fragment.Id).Text(fragment.Datasets[0]).Text(runId).Text(fragment.Schema).Text(row.PropertiesJson)
                .Number(fragment.FirstSeen!.Value.UtcTicks).Number(fragment.LastSeen!.Value.UtcTicks);
            if (stored is not null)
                statement.Number(stored);
            statement.Execute();
            if (stored is null)
                _loaded?.Add(fragment.Id, fragments.LastRowKey);

            var projection = row.Projection;
            if (projection.Party is { } party)
                parties.Text(party.Id).Number((long)party.Kind).Text(row.CountriesJson).Text(row.NameKey).Text(projection.SearchText ?? string.Empty).Execute();

            if (projection.Shipment is { } s)
            {
                // The first sender, receiver and declarant live in these columns; see ShipmentRoleLinks.
                shipments.Text(s.Id).Text(s.Date?.ToString()).Number(s.Date?.Earliest.DayNumber).Number(s.Date?.Latest.DayNumber)
                    .Text(s.SenderId).Text(s.ReceiverId).Text(s.DeclarantId).Text(s.HsCode?.Digits).Number(s.ChplTier is { } tier ? (long)tier : null)
                    .Text(s.GoodsDescription).Number(s.ValueUsd).Text(s.OriginCountry).Text(s.DepartureCountry).Text(s.DestinationCountry).Text(s.TradingCountry)
                    .Text(row.DatasetsJson).Number(Fragments.Ticks(row.Merged.FirstSeen)).Number(Fragments.Ticks(row.Merged.LastSeen))
                    .Number(s.Date?.Year).Number(s.Date is { Month: > 0 } month ? month.Month : null).Text(TradeFlowQuery.SenderCountryOf(s)).Execute();
            }

            foreach (var link in projection.Links)
            {
                links.Text(link.Id).Number((long)link.Kind).Text(link.SourceId).Text(link.TargetId).Text(row.Merged.Id)
                    .Number(link.StartDate?.Earliest.DayNumber).Number(link.EndDate?.Latest.DayNumber).Execute();
            }
        }
    }

    private PreparedInsert Prepare(string sql, int columns) => new(_connection, sql, columns);

    private void DeleteProjections(string idsJson, Projected tables)
    {
        if (tables.HasFlag(Projected.Party))
            Execute("DELETE FROM parties WHERE id IN (SELECT value FROM json_each($rows))", idsJson);
        if (tables.HasFlag(Projected.Shipment))
            Execute("DELETE FROM shipments WHERE id IN (SELECT value FROM json_each($rows))", idsJson);
        Execute("DELETE FROM links WHERE entity_id IN (SELECT value FROM json_each($rows))", idsJson);
    }

    [Flags]
    private enum Projected
    {
        None = 0,
        Party = 1,
        Shipment = 2,
    }

    private int Execute(string sql, string rows)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$rows", rows);
        return command.ExecuteNonQuery();
    }

    /// <summary>Everything about one entity's rows that can be computed away from the SQLite connection.</summary>
    private sealed record PreparedRow(FtmEntity Fragment, FtmEntity Merged, GraphProjection Projection, byte[] PropertiesJson, byte[]? CountriesJson, string? NameKey, byte[]? DatasetsJson)
    {
        public static PreparedRow From(FtmEntity fragment, FtmEntity merged, Json json)
        {
            // The first sender, receiver and declarant are the shipment's columns, not link rows; see ShipmentRoleLinks.
            var projection = FtmProjector.Project(merged, includeFirstRoleLinks: false);
            var party = projection.Party;
            return new PreparedRow(
                fragment,
                merged,
                projection,
                fragment.EncodedProperties ?? json.Properties(fragment.Properties),
                party is null ? null : json.Utf8List(party.Countries),
                party is null ? null : SearchText.NameKey(party.Name),
                projection.Shipment is null ? null : json.Utf8List(merged.Datasets));
        }
    }

    /// <summary>
    /// Prepares the batch's rows on a worker thread while the writer writes them. A row is claimed by whichever thread
    /// comes to it first: the writer never waits for a row the worker has not started, it prepares that one itself,
    /// and waits only for a row the worker is preparing at that moment. So neither thread idles while the other works.
    /// </summary>
    private sealed class RowPipeline : IDisposable
    {
        private const int Free = 0;
        private const int Claimed = 1;
        private const int Ready = 2;

        private readonly List<(FtmEntity Fragment, FtmEntity Merged)> _writes;
        private readonly PreparedRow[] _rows;
        private readonly int[] _states;
        private readonly Json _json;
        private readonly Task _preparing;
        private volatile bool _stopped;

        /// <param name="writes">The rows to prepare, in the order they are written.</param>
        /// <param name="json">The writing thread's JSON writer, for the rows it prepares itself.</param>
        public RowPipeline(List<(FtmEntity Fragment, FtmEntity Merged)> writes, Json json)
        {
            _writes = writes;
            _json = json;
            _rows = new PreparedRow[writes.Count];
            _states = new int[writes.Count];
            _preparing = Task.Run(() =>
            {
                var own = new Json();
                for (var i = 0; i < _rows.Length && !_stopped; i++)
                {
                    if (Interlocked.CompareExchange(ref _states[i], Claimed, Free) == Free)
                        Prepare(i, own);
                }
            });
        }

        public PreparedRow Take(int index)
        {
            if (Interlocked.CompareExchange(ref _states[index], Claimed, Free) == Free)
                return Prepare(index, _json);
            var spin = default(SpinWait);
            while (Volatile.Read(ref _states[index]) != Ready)
            {
                if (_preparing.IsCompleted)
                {
                    // A failed preparation surfaces here, in the batch's transaction, which then rolls back.
                    _preparing.GetAwaiter().GetResult();
                    if (Volatile.Read(ref _states[index]) != Ready)
                        throw new InvalidOperationException($"Row {index} of the batch was never prepared.");
                }

                // The worker is on this very row: it is ready within microseconds, so the writer spins and never sleeps.
                spin.SpinOnce(sleep1Threshold: -1);
            }

            return _rows[index];
        }

        private PreparedRow Prepare(int index, Json json)
        {
            var row = PreparedRow.From(_writes[index].Fragment, _writes[index].Merged, json);
            _rows[index] = row;
            Volatile.Write(ref _states[index], Ready);
            return row;
        }

        /// <summary>Stops the worker and waits for it, so that no preparation outlives its batch.</summary>
        public void Dispose()
        {
            _stopped = true;
            ((IAsyncResult)_preparing).AsyncWaitHandle.WaitOne();
        }
    }
}
