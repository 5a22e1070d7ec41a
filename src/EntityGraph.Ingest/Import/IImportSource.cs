using System.Text.Json;
using EntityGraph.Core.Model;
using EntityGraph.Ingest.Mapping;
using EntityGraph.Ingest.Validation;

namespace EntityGraph.Ingest.Import;

/// <summary>
/// What an import reads: FtM JSON lines, or the rows of tables run through a mapping. It hands over units — a line, a
/// row — each with the valid entities it gives or the reasons it is refused, in source order.
/// </summary>
public interface IImportSource
{
    /// <summary>Bytes of the source read so far (compressed bytes for gzip), for progress.</summary>
    long BytesRead { get; }

    /// <summary>The size of the source, when known.</summary>
    long? TotalBytes { get; }

    /// <summary>The units of the source, judged by <paramref name="validator"/>; can be enumerated once.</summary>
    IEnumerable<ImportUnit> Units(FtmEntityValidator validator);
}

/// <summary>One unit of a source: the entities it gives, or, when <see cref="Reasons"/> is not empty, why it is refused whole.</summary>
/// <param name="Origin">Where it came from and what it said, as the rejects file shows it.</param>
/// <param name="Entities">The valid entities, each with what a mapping made it as (null for an FtM line).</param>
/// <param name="Reasons">Why the unit is refused; empty when it is not.</param>
public sealed record ImportUnit(IRecordOrigin Origin, IReadOnlyList<(FtmEntity Entity, MappedEntity? Mapped)> Entities, IReadOnlyList<string> Reasons);

/// <summary>Where a unit came from, written into the rejects file beside the reasons so that nothing refused is lost.</summary>
public interface IRecordOrigin
{
    /// <summary>The position in the source (line or row), which orders the rejects.</summary>
    long Position { get; }

    /// <summary>Writes where the unit is: <c>"line": N</c>, or <c>"source": "file.csv", "row": N</c>.</summary>
    void WriteLocation(Utf8JsonWriter json);

    /// <summary>Writes what the unit said, as read: <c>"original": "…"</c>, or <c>"fields": [ … ]</c>.</summary>
    void WriteOriginal(Utf8JsonWriter json);
}
