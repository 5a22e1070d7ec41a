using EntityGraph.Core.Model;
using EntityGraph.Ingest.Mapping;

namespace EntityGraph.Ingest.Import.Internal;

/// <summary>
/// Recognises an entity a mapped row gives exactly as the store already took it in this import — same id, schema,
/// values and datasets, as the exporter of a thousand declarations is — so that the importer leaves it out: merging
/// it again would change nothing. The very entity a mapping hands on from an earlier row is recognised by a mark on
/// it, without hashing its id; an equal one made anew, by comparing it with the one taken last under its id, value by
/// value. An entity stops being a repeat when the store takes other values under its id.
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

    /// <summary>True when the entity is exactly the one the store took last under its id for its mapping.</summary>
    public bool IsRepeat(MappedEntity mapped)
    {
        if (!_byMapping.TryGetValue(mapped.MappedAs, out var memory))
            _byMapping[mapped.MappedAs] = memory = new Memory();
        if (memory.Off)
            return false;
        if (++memory.Seen == Trial && memory.Repeats * 20 < Trial)
        {
            // Fewer than one in twenty repeats: remembering costs more than it spares.
            memory.Off = true;
            memory.Forget();
            return false;
        }

        if (!mapped.Stored && (!memory.Entities.TryGetValue(mapped.Entity.Id, out var earlier) || !Same(earlier.Entity, mapped.Entity)))
            return false;
        memory.Repeats++;
        return true;
    }

    /// <summary>Remembers an entity the store took, so that the same one from a later row is recognised.</summary>
    public void Remember(MappedEntity mapped)
    {
        if (!_byMapping.TryGetValue(mapped.MappedAs, out var memory) || memory.Off)
            return;
        if (memory.Entities.Count >= Capacity)
            memory.Forget();
        if (memory.Entities.TryGetValue(mapped.Entity.Id, out var earlier))
            earlier.Stored = false;
        memory.Entities[mapped.Entity.Id] = mapped;
        mapped.Stored = true;
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
        /// <summary>The entity the store took last under each id; the only ones marked <see cref="MappedEntity.Stored"/>.</summary>
        public Dictionary<string, MappedEntity> Entities { get; } = new(StringComparer.Ordinal);

        public long Seen { get; set; }

        public long Repeats { get; set; }

        public bool Off { get; set; }

        public void Forget()
        {
            foreach (var mapped in Entities.Values)
                mapped.Stored = false;
            Entities.Clear();
        }
    }
}
