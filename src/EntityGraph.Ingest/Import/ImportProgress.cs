namespace EntityGraph.Ingest.Import;

/// <summary>How far an import has come; reported after every batch the store has written.</summary>
/// <param name="LinesRead">Non-blank lines read and judged so far.</param>
/// <param name="Accepted">Lines the store has written.</param>
/// <param name="Rejected">Lines refused, by validation or by the store.</param>
/// <param name="BytesRead">Bytes of the source read (compressed bytes for gzip).</param>
/// <param name="TotalBytes">The size of the source, when known (not for stdin).</param>
/// <param name="Elapsed">Time since the import started.</param>
public sealed record ImportProgress(long LinesRead, long Accepted, long Rejected, long BytesRead, long? TotalBytes, TimeSpan Elapsed)
{
    /// <summary>Accepted entities per second so far.</summary>
    public double EntitiesPerSecond => Elapsed.TotalSeconds > 0 ? Accepted / Elapsed.TotalSeconds : 0;

    /// <summary>The share of the source read, 0–1, when its size is known.</summary>
    public double? Fraction => TotalBytes is > 0 and var total ? Math.Min(1.0, (double)BytesRead / total) : null;
}
