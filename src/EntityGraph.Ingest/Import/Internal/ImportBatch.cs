using EntityGraph.Core.Model;
using EntityGraph.Ingest.Mapping;

namespace EntityGraph.Ingest.Import.Internal;

/// <summary>
/// One batch on its way from the reading thread to the store: the valid entities with the units they came from (kept
/// to report a store refusal with the original), and the units that validation already refused in the same stretch.
/// </summary>
internal sealed class ImportBatch(int capacity)
{
    public List<FtmEntity> Entities { get; } = new(capacity);

    public List<IRecordOrigin> Origins { get; } = new(capacity);

    /// <summary>What a mapping made each entity as; null for an FtM line.</summary>
    public List<MappedEntity?> Mapped { get; } = new(capacity);

    public List<RejectedLine> Rejected { get; } = [];

    public long LinesRead { get; set; }

    public long BytesRead { get; set; }
}
