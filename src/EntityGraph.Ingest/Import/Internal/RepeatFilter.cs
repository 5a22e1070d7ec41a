using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using EntityGraph.Core.Model;

namespace EntityGraph.Ingest.Import.Internal;

/// <summary>
/// Recognises an entity a mapped row gives exactly as an earlier row of the same run gave it and the store took —
/// same id, schema, values and datasets, as the exporter of a thousand declarations is. Merging such a fragment into
/// the run's changes nothing, so the import sends it once and spares the store a read and a rewrite per row. Only what
/// the store accepted is remembered, so a refused fragment is sent (and refused, and reported) again.
/// </summary>
/// <remarks>
/// Memory stays bounded: a mapped entity whose ids rarely repeat (a declaration keyed by its number) stops being
/// remembered after a trial, and the memory of the others is cleared when it reaches <see cref="Capacity"/> ids,
/// after which a repeat is simply sent again.
/// </remarks>
internal sealed class RepeatFilter
{
    public const int Capacity = 200_000;
    private const int Trial = 10_000;

    private readonly Dictionary<string, Memory> _byMapping = new(StringComparer.Ordinal);

    /// <summary>
    /// True when the entity is exactly one already sent in this run; otherwise <paramref name="fingerprint"/> is what to
    /// <see cref="Remember"/> once the entity is sent (null when its mapping is not worth remembering).
    /// </summary>
    public bool IsRepeat(string mappedAs, FtmEntity entity, out UInt128? fingerprint)
    {
        fingerprint = null;
        if (!_byMapping.TryGetValue(mappedAs, out var memory))
            _byMapping[mappedAs] = memory = new Memory();
        if (memory.Off)
            return false;
        var print = Fingerprint(entity);
        if (++memory.Seen == Trial && memory.Repeats * 20 < Trial)
        {
            // Fewer than one in twenty repeats: remembering costs more than it spares.
            memory.Off = true;
            memory.Fingerprints.Clear();
            return false;
        }

        if (memory.Fingerprints.TryGetValue(entity.Id, out var earlier) && earlier == print)
        {
            memory.Repeats++;
            return true;
        }

        fingerprint = print;
        return false;
    }

    /// <summary>Remembers an entity that was sent, so that the same one from a later row is recognised.</summary>
    public void Remember(string mappedAs, string id, UInt128 fingerprint)
    {
        var memory = _byMapping[mappedAs];
        if (memory.Off)
            return;
        if (memory.Fingerprints.Count >= Capacity)
            memory.Fingerprints.Clear();
        memory.Fingerprints[id] = fingerprint;
    }

    private static UInt128 Fingerprint(FtmEntity entity)
    {
        var text = new StringBuilder(256).Append(entity.Schema).Append('\u0001');
        foreach (var (name, values) in entity.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('\u0002');
            foreach (var value in values)
                text.Append(value).Append('\u0003');
        }

        foreach (var dataset in entity.Datasets)
            text.Append(dataset).Append('\u0004');
        return XxHash128.HashToUInt128(MemoryMarshal.AsBytes(text.ToString().AsSpan()));
    }

    private sealed class Memory
    {
        public Dictionary<string, UInt128> Fingerprints { get; } = new(StringComparer.Ordinal);

        public long Seen { get; set; }

        public long Repeats { get; set; }

        public bool Off { get; set; }
    }
}
