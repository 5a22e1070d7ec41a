using EntityGraph.Core.FollowTheMoney;
using EntityGraph.Core.Model;
using EntityGraph.Core.Search;
using EntityGraph.Core.Storage;
using Microsoft.Data.Sqlite;

namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>
/// Writes one upsert batch inside one transaction: merges the batch's fragments, reads what the
/// store already holds for those ids in one query, writes each dataset's fragment, and rewrites the
/// projection rows of every touched entity. Commands are prepared once and reused for every row.
/// </summary>
internal sealed class BatchWriter : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;
    private readonly Json _json = new();
    private readonly List<SqliteCommand> _commands = [];

    private readonly SqliteCommand _upsertFragment;
    private readonly SqliteCommand _deleteParty;
    private readonly SqliteCommand _deleteShipment;
    private readonly SqliteCommand _deleteLinks;
    private readonly SqliteCommand _insertParty;
    private readonly SqliteCommand _insertShipment;
    private readonly SqliteCommand _insertLink;

    public BatchWriter(SqliteConnection connection, SqliteTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
        _upsertFragment = Prepare(
            """
            INSERT INTO fragments (entity_id, dataset, run_id, schema, properties, first_seen, last_seen)
            VALUES ($1, $2, $3, $4, $5, $6, $7)
            ON CONFLICT (entity_id, dataset) DO UPDATE SET run_id = excluded.run_id, schema = excluded.schema,
                properties = excluded.properties, first_seen = excluded.first_seen, last_seen = excluded.last_seen
            """,
            7);
        _deleteParty = Prepare("DELETE FROM parties WHERE id = $1", 1);
        _deleteShipment = Prepare("DELETE FROM shipments WHERE id = $1", 1);
        _deleteLinks = Prepare("DELETE FROM links WHERE entity_id = $1", 1);
        _insertParty = Prepare("INSERT INTO parties (id, kind, countries, name_key, search_text) VALUES ($1, $2, $3, $4, $5)", 5);
        _insertShipment = Prepare(
            """
            INSERT INTO shipments (id, date, date_lo, date_hi, sender_id, receiver_id, declarant_id, hs, tier, goods, value_usd,
                origin_country, departure_country, destination_country, trading_country, datasets, first_seen, last_seen)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
            """,
            18);
        _insertLink = Prepare("INSERT OR IGNORE INTO links (id, kind, source_id, target_id, entity_id, start_lo, end_hi) VALUES ($1, $2, $3, $4, $5, $6, $7)", 7);
    }

    public UpsertResult Write(IReadOnlyList<FtmEntity> entities, ImportRun run)
    {
        var rejected = new List<EntityRejection>();
        var pending = MergeWithinBatch(entities, rejected);
        var stored = ReadStoredFragments(pending.Keys);
        var startedAt = run.StartedAt.UtcTicks;

        // Writing in key order keeps the B-tree pages being touched few and hot.
        foreach (var entry in pending.Values.OrderBy(p => p.Entity.Id, StringComparer.Ordinal))
        {
            var incoming = entry.Entity;
            var others = new List<FtmEntity>();
            FtmEntity? own = null;
            string? ownRun = null;
            if (stored.TryGetValue(incoming.Id, out var fragments))
            {
                foreach (var (held, runId) in fragments)
                {
                    if (string.Equals(held.Datasets[0], run.Dataset, StringComparison.Ordinal))
                        (own, ownRun) = (held, runId);
                    else
                        others.Add(held);
                }
            }

            var first = incoming.FirstSeen?.UtcTicks ?? startedAt;
            var last = incoming.LastSeen?.UtcTicks ?? startedAt;
            var schema = incoming.Schema;
            var properties = incoming.Properties;
            if (own is not null)
            {
                // Provenance survives a re-import: the earliest sighting and the latest one.
                first = Math.Min(first, own.FirstSeen!.Value.UtcTicks);
                last = Math.Max(last, own.LastSeen!.Value.UtcTicks);
                if (string.Equals(ownRun, run.RunId, StringComparison.Ordinal))
                {
                    // Another batch of the same run: the values add up, as fragments within a run do.
                    if (Schemata.MostSpecific(own.Schema, schema) is not { } specific)
                    {
                        Reject(entry, rejected, $"Entity '{incoming.Id}' is a {schema} here but a {own.Schema} earlier in this run of dataset '{run.Dataset}'; neither schema is a kind of the other.");
                        continue;
                    }

                    var union = FtmEntity.Merge(own, incoming, specific);
                    (schema, properties) = (union.Schema, union.Properties);
                }
            }

            var conflict = others.FirstOrDefault(o => Schemata.MostSpecific(o.Schema, schema) is null);
            if (conflict is not null)
            {
                Reject(entry, rejected, $"Entity '{incoming.Id}' is a {schema} in dataset '{run.Dataset}' but a {conflict.Schema} in dataset '{conflict.Datasets[0]}'; neither schema is a kind of the other.");
                continue;
            }

            var fragment = Fragments.Fragment(incoming.Id, run.Dataset, schema, properties, first, last);
            WriteFragment(fragment, run.RunId);
            others.Add(fragment);
            others.Sort((a, b) => string.CompareOrdinal(a.Datasets[0], b.Datasets[0]));
            var merged = Fragments.Merge(others);
            if (fragments is not null)
                DeleteProjections(incoming.Id);
            WriteProjections(merged);
        }

        var refusedLines = rejected.Count;
        return new UpsertResult(entities.Count - refusedLines, rejected.OrderBy(r => r.Index).ToList());
    }

    /// <summary>Removes an entity's fragments and projections; false when the store does not hold it.</summary>
    public bool Delete(string id)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "DELETE FROM fragments WHERE entity_id = $id";
        command.Parameters.AddWithValue("$id", id);
        if (command.ExecuteNonQuery() == 0)
            return false;
        DeleteProjections(id);
        return true;
    }

    public void Dispose()
    {
        foreach (var command in _commands)
            command.Dispose();
    }

    private static Dictionary<string, Pending> MergeWithinBatch(IReadOnlyList<FtmEntity> entities, List<EntityRejection> rejected)
    {
        var pending = new Dictionary<string, Pending>(entities.Count, StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            if (!pending.TryGetValue(entity.Id, out var entry))
            {
                pending.Add(entity.Id, new Pending(entity, i));
                continue;
            }

            if (Schemata.MostSpecific(entry.Entity.Schema, entity.Schema) is not { } schema)
            {
                rejected.Add(new EntityRejection(i, entity.Id, $"Entity '{entity.Id}' is a {entity.Schema} here but a {entry.Entity.Schema} at line {entry.Lines[0] + 1} of the batch; neither schema is a kind of the other."));
                continue;
            }

            entry.Entity = FtmEntity.Merge(entry.Entity, entity, schema);
            entry.Lines.Add(i);
        }

        return pending;
    }

    private static void Reject(Pending entry, List<EntityRejection> rejected, string reason)
    {
        foreach (var line in entry.Lines)
            rejected.Add(new EntityRejection(line, entry.Entity.Id, reason));
    }

    private Dictionary<string, List<(FtmEntity Fragment, string RunId)>> ReadStoredFragments(IEnumerable<string> ids)
    {
        var stored = new Dictionary<string, List<(FtmEntity, string)>>(StringComparer.Ordinal);
        using var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = "SELECT entity_id, dataset, run_id, schema, properties, first_seen, last_seen FROM fragments WHERE entity_id IN (SELECT value FROM json_each($ids))";
        command.Parameters.AddWithValue("$ids", _json.List(ids));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var fragment = Fragments.Fragment(id, reader.GetString(1), reader.GetString(3), Json.ReadProperties(reader.GetString(4)), reader.GetInt64(5), reader.GetInt64(6));
            if (!stored.TryGetValue(id, out var list))
                stored[id] = list = new List<(FtmEntity, string)>(1);
            list.Add((fragment, reader.GetString(2)));
        }

        return stored;
    }

    private void WriteFragment(FtmEntity fragment, string runId)
    {
        Run(_upsertFragment, fragment.Id, fragment.Datasets[0], runId, fragment.Schema, _json.Properties(fragment.Properties), fragment.FirstSeen!.Value.UtcTicks, fragment.LastSeen!.Value.UtcTicks);
    }

    private void DeleteProjections(string id)
    {
        Run(_deleteParty, id);
        Run(_deleteShipment, id);
        Run(_deleteLinks, id);
    }

    private void WriteProjections(FtmEntity merged)
    {
        var projection = FtmProjector.Project(merged);
        if (projection.Party is { } party)
        {
            var nameKey = string.Join(' ', SearchText.Tokens(party.Name).Order(StringComparer.Ordinal));
            Run(_insertParty, party.Id, (int)party.Kind, _json.List(party.Countries), nameKey, projection.SearchText ?? string.Empty);
        }

        if (projection.Shipment is { } s)
        {
            Run(
                _insertShipment,
                s.Id,
                s.Date?.ToString(),
                s.Date?.Earliest.DayNumber,
                s.Date?.Latest.DayNumber,
                s.SenderId,
                s.ReceiverId,
                s.DeclarantId,
                s.HsCode?.Digits,
                s.ChplTier is { } tier ? (int)tier : null,
                s.GoodsDescription,
                s.ValueUsd,
                s.OriginCountry,
                s.DepartureCountry,
                s.DestinationCountry,
                s.TradingCountry,
                _json.List(merged.Datasets),
                Fragments.Ticks(merged.FirstSeen),
                Fragments.Ticks(merged.LastSeen));
        }

        foreach (var link in projection.Links)
            Run(_insertLink, link.Id, (int)link.Kind, link.SourceId, link.TargetId, merged.Id, link.StartDate?.Earliest.DayNumber, link.EndDate?.Latest.DayNumber);
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
            command.Parameters.Add(new SqliteParameter("$" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null));
        command.Prepare();
        _commands.Add(command);
        return command;
    }

    private static void Run(SqliteCommand command, params ReadOnlySpan<object?> values)
    {
        for (var i = 0; i < values.Length; i++)
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        command.ExecuteNonQuery();
    }

    /// <summary>The fragments of one id in the batch, merged, with the lines they came from.</summary>
    private sealed class Pending(FtmEntity entity, int line)
    {
        public FtmEntity Entity { get; set; } = entity;

        public List<int> Lines { get; } = [line];
    }
}
