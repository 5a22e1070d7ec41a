namespace EntityGraph.Ingest.Import;

/// <summary>How an FtM JSON-lines import runs.</summary>
public sealed record FtmImportOptions
{
    /// <summary>
    /// The default number of entities per batch. Batches in flight are what the reading and the writing thread hold
    /// between them; at this size they mostly die young, which keeps the collector's work small.
    /// </summary>
    public const int DefaultBatchSize = 2_000;

    /// <summary>The dataset the run belongs to; by default the file name without its extensions (<c>stdin</c> for standard input).</summary>
    public string? Dataset { get; init; }

    /// <summary>Where rejected lines go; by default <c>&lt;FILE&gt;.rejects.jsonl</c>, or <c>./stdin.rejects.jsonl</c> for standard input.</summary>
    public string? RejectsPath { get; init; }

    /// <summary>
    /// Entities per batch, which the store writes in one transaction (a bulk load into an empty store commits several
    /// batches at a time).
    /// </summary>
    public int BatchSize { get; init; } = DefaultBatchSize;
}
