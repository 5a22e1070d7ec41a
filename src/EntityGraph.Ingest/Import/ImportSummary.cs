namespace EntityGraph.Ingest.Import;

/// <summary>What an import did.</summary>
/// <param name="Source">The file imported, or <c>-</c> for standard input.</param>
/// <param name="Dataset">The dataset the values were stored under.</param>
/// <param name="Lines">Non-blank lines read.</param>
/// <param name="Accepted">Lines written to the store (fragments of one entity count once each).</param>
/// <param name="Rejected">Lines refused, by validation or by the store; each is in the rejects file.</param>
/// <param name="BySchema">Accepted lines per FtM schema, sorted by schema name.</param>
/// <param name="Elapsed">Wall-clock time of the whole import.</param>
/// <param name="RejectsPath">The rejects file, or null when nothing was rejected (and no file was written).</param>
public sealed record ImportSummary(
    string Source,
    string Dataset,
    long Lines,
    long Accepted,
    long Rejected,
    IReadOnlyDictionary<string, long> BySchema,
    TimeSpan Elapsed,
    string? RejectsPath)
{
    /// <summary>
    /// Entities of mapped rows left out because the store had already taken them in this run exactly so (same id,
    /// schema and values): the exporter of a thousand declarations is written once. Not counted in <see cref="Accepted"/>.
    /// </summary>
    public long Repeated { get; init; }

    /// <summary>Accepted entities per second over the whole import.</summary>
    public double EntitiesPerSecond => Elapsed.TotalSeconds > 0 ? Accepted / Elapsed.TotalSeconds : 0;

    /// <summary>True when every line was accepted.</summary>
    public bool Complete => Rejected == 0;
}
