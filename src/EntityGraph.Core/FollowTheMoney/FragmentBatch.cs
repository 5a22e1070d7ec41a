using EntityGraph.Core.Model;
using EntityGraph.Core.Storage;

namespace EntityGraph.Core.FollowTheMoney;

/// <summary>
/// The rules of an upsert batch, the same for every store: lines with the same id within the batch
/// (and within the run) are fragments of one entity and are merged; the run's dataset's earlier values
/// are replaced; other datasets' values stay; an entity whose schemata cannot be merged is refused.
/// A store merges the batch, reads what it holds for <see cref="Ids"/>, and writes what
/// <see cref="Resolve"/> decides.
/// </summary>
public sealed class FragmentBatch
{
    private readonly Dictionary<string, Pending> _pending;
    private readonly List<EntityRejection> _rejected;
    private readonly int _lines;

    private FragmentBatch(Dictionary<string, Pending> pending, List<EntityRejection> rejected, int lines)
    {
        _pending = pending;
        _rejected = rejected;
        _lines = lines;
    }

    /// <summary>The distinct ids of the batch.</summary>
    public IReadOnlyCollection<string> Ids => _pending.Keys;

    /// <summary>Merges the lines of a batch that share an id; a line whose schema conflicts with an earlier one is refused.</summary>
    public static FragmentBatch Merge(IReadOnlyList<FtmEntity> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var rejected = new List<EntityRejection>();
        var pending = new Dictionary<string, Pending>(entities.Count, StringComparer.Ordinal);
        for (var i = 0; i < entities.Count; i++)
        {
            var entity = entities[i];
            if (!pending.TryGetValue(entity.Id, out var entry))
            {
                pending.Add(entity.Id, new Pending(entity, i));
                continue;
            }

            if (FtmFragments.MostSpecificSchema(entry.Entity.Schema, entity.Schema) is not { } schema)
            {
                rejected.Add(new EntityRejection(i, entity.Id, $"Entity '{entity.Id}' is a {entity.Schema} here but a {entry.Entity.Schema} at line {entry.Lines[0] + 1} of the batch; neither schema is a kind of the other."));
                continue;
            }

            entry.Entity = FtmEntity.Merge(entry.Entity, entity, schema);
            entry.Lines.Add(i);
        }

        return new FragmentBatch(pending, rejected, entities.Count);
    }

    /// <summary>
    /// Decides, against what the store holds, the fragment and merged entity to write for each id, in id
    /// order, and which lines are refused. It may be called again (a retried transaction); it changes nothing.
    /// </summary>
    /// <param name="run">The import run.</param>
    /// <param name="stored">The fragments the store holds for an id of <see cref="Ids"/>, or null for none.</param>
    public (IReadOnlyList<FragmentWrite> Writes, UpsertResult Result) Resolve(ImportRun run, Func<string, IReadOnlyList<StoredFragment>?> stored)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(stored);
        var rejected = new List<EntityRejection>(_rejected);
        var writes = new List<FragmentWrite>(_pending.Count);
        foreach (var entry in _pending.Values.OrderBy(p => p.Entity.Id, StringComparer.Ordinal))
        {
            var incoming = entry.Entity;
            var held = stored(incoming.Id) ?? [];
            var others = new List<FtmEntity>(held.Count + 1);
            StoredFragment? own = null;
            foreach (var fragment in held)
            {
                if (string.Equals(fragment.Dataset, run.Dataset, StringComparison.Ordinal))
                    own = fragment;
                else
                    others.Add(fragment.Fragment);
            }

            var first = incoming.FirstSeen ?? run.StartedAt;
            var last = incoming.LastSeen ?? run.StartedAt;
            var schema = incoming.Schema;
            var properties = incoming.Properties;
            if (own is not null)
            {
                // Provenance survives a re-import: the earliest sighting and the latest one.
                if (own.Fragment.FirstSeen is { } ownFirst && ownFirst < first)
                    first = ownFirst;
                if (own.Fragment.LastSeen is { } ownLast && ownLast > last)
                    last = ownLast;
                if (string.Equals(own.RunId, run.RunId, StringComparison.Ordinal))
                {
                    // Another batch of the same run: the values add up, as fragments within a run do.
                    if (FtmFragments.MostSpecificSchema(own.Fragment.Schema, schema) is not { } specific)
                    {
                        Reject(entry, rejected, $"Entity '{incoming.Id}' is a {schema} here but a {own.Fragment.Schema} earlier in this run of dataset '{run.Dataset}'; neither schema is a kind of the other.");
                        continue;
                    }

                    var union = FtmEntity.Merge(own.Fragment, incoming, specific);
                    (schema, properties) = (union.Schema, union.Properties);
                }
            }

            var conflict = others.Count == 0 ? null : others.FirstOrDefault(o => FtmFragments.MostSpecificSchema(o.Schema, schema) is null);
            if (conflict is not null)
            {
                Reject(entry, rejected, $"Entity '{incoming.Id}' is a {schema} in dataset '{run.Dataset}' but a {conflict.Schema} in dataset '{conflict.Datasets[0]}'; neither schema is a kind of the other.");
                continue;
            }

            var encoded = ReferenceEquals(properties, incoming.Properties) ? incoming.EncodedProperties : null;
            var written = FtmFragments.Fragment(incoming.Id, run.Dataset, schema, properties, Utc(first), Utc(last), encoded);
            others.Add(written);
            others.Sort((a, b) => string.CompareOrdinal(a.Datasets[0], b.Datasets[0]));
            writes.Add(new FragmentWrite(written, others.Count == 1 ? written : FtmFragments.Merge(others), others, held));
        }

        return (writes, new UpsertResult(_lines - rejected.Count, rejected.OrderBy(r => r.Index).ToList()));
    }

    private static DateTimeOffset Utc(DateTimeOffset time) => new(time.UtcTicks, TimeSpan.Zero);

    private static void Reject(Pending entry, List<EntityRejection> rejected, string reason)
    {
        foreach (var line in entry.Lines)
            rejected.Add(new EntityRejection(line, entry.Entity.Id, reason));
    }

    /// <summary>The fragments of one id in the batch, merged, with the lines they came from.</summary>
    private sealed class Pending(FtmEntity entity, int line)
    {
        public FtmEntity Entity { get; set; } = entity;

        public List<int> Lines { get; } = [line];
    }
}
