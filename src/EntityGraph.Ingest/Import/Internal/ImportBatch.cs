using EntityGraph.Core.Model;

namespace EntityGraph.Ingest.Import.Internal;

/// <summary>
/// One batch on its way from the parsing thread to the store: the valid entities with the lines
/// they came from (kept to report a store refusal with the original text), and the lines that
/// validation already refused in the same stretch of the file.
/// </summary>
internal sealed class ImportBatch(int capacity)
{
    public List<FtmEntity> Entities { get; } = new(capacity);

    public List<long> LineNumbers { get; } = new(capacity);

    public List<ReadOnlyMemory<byte>> Originals { get; } = new(capacity);

    public List<RejectedLine> Rejected { get; } = [];

    public long LinesRead { get; set; }

    public long BytesRead { get; set; }
}
