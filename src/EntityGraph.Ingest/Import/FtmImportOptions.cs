namespace EntityGraph.Ingest.Import;

/// <summary>How an FtM JSON-lines import runs.</summary>
public sealed record FtmImportOptions
{
    /// <summary>The default number of entities written per store transaction.</summary>
    public const int DefaultBatchSize = 5_000;

    /// <summary>The dataset the run belongs to; by default the file name without its extensions (<c>stdin</c> for standard input).</summary>
    public string? Dataset { get; init; }

    /// <summary>Where rejected lines go; by default <c>&lt;FILE&gt;.rejects.jsonl</c>, or <c>./stdin.rejects.jsonl</c> for standard input.</summary>
    public string? RejectsPath { get; init; }

    /// <summary>Entities per store transaction: larger batches write faster, smaller ones report progress sooner.</summary>
    public int BatchSize { get; init; } = DefaultBatchSize;
}
