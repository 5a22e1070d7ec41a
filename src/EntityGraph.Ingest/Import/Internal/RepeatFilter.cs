using EntityGraph.Core.Model;

namespace EntityGraph.Ingest.Import.Internal;

/// <summary>
/// Recognises an entity a mapped row gives exactly as an earlier row gave it — same id, schema, values and datasets,
/// as the exporter of a thousand declarations is — by comparing it with the earlier one, value by value. The importer
/// uses one to leave out fragments the store already took (merging them again would change nothing), and the mapping
/// source one to skip validating an entity already found valid (the verdict would be the same).
/// </summary>
/// <remarks>
/// Memory stays bounded: a mapped entity whose ids rarely repeat (a declaration keyed by its number) stops being
/// remembered after a trial, and the memory of the others is cleared when it reaches <see cref="Capacity"/> ids,
/// after which a repeat is simply treated as new again.
/// </remarks>
internal sealed class RepeatFilter
{
    public const int Capacity = 100_000;
    private const int Trial = 10_000;

    private readonly Dictionary<string, Memory> _byMapping = new(StringComparer.Ordinal);

    /// <summary>True when the entity is exactly the one remembered under its id for its mapping.</summary>
    public bool IsRepeat(string mappedAs, FtmEntity entity)
    {
        if (!_byMapping.TryGetValue(mappedAs, out var memory))
            _byMapping[mappedAs] = memory = new Memory();
        if (memory.Off)
            return false;
        if (++memory.Seen == Trial && memory.Repeats * 20 < Trial)
        {
            // Fewer than one in twenty repeats: remembering costs more than it spares.
            memory.Off = true;
            memory.Entities.Clear();
            memory.Remembered.Clear();
            return false;
        }

        // A mapping hands on the very entity it made for an earlier row with the same cells: recognised by reference,
        // without hashing its id.
        if (!memory.Remembered.Contains(entity) && (!memory.Entities.TryGetValue(entity.Id, out var earlier) || !Same(earlier, entity)))
            return false;
        memory.Repeats++;
        return true;
    }

    /// <summary>Remembers an entity, so that the same one from a later row is recognised.</summary>
    public void Remember(string mappedAs, FtmEntity entity)
    {
        if (!_byMapping.TryGetValue(mappedAs, out var memory) || memory.Off)
            return;
        if (memory.Entities.Count >= Capacity)
        {
            memory.Entities.Clear();
            memory.Remembered.Clear();
        }

        if (memory.Entities.TryGetValue(entity.Id, out var earlier))
            memory.Remembered.Remove(earlier);
        memory.Entities[entity.Id] = entity;
        memory.Remembered.Add(entity);
    }

    private static bool Same(FtmEntity a, FtmEntity b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (!string.Equals(a.Schema, b.Schema, StringComparison.Ordinal) || !a.Datasets.SequenceEqual(b.Datasets, StringComparer.Ordinal)
            || a.Properties.Count != b.Properties.Count)
            return false;
        foreach (var (name, values) in a.Properties)
        {
            if (!b.Properties.TryGetValue(name, out var others) || !values.SequenceEqual(others, StringComparer.Ordinal))
                return false;
        }

        return true;
    }

    private sealed class Memory
    {
        public Dictionary<string, FtmEntity> Entities { get; } = new(StringComparer.Ordinal);

        /// <summary>The entities of <see cref="Entities"/> themselves.</summary>
        public HashSet<FtmEntity> Remembered { get; } = new(ReferenceEqualityComparer.Instance);

        public long Seen { get; set; }

        public long Repeats { get; set; }

        public bool Off { get; set; }
    }
}
