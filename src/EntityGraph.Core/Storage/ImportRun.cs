namespace EntityGraph.Core.Storage;

/// <summary>
/// One import of one dataset. Lines with the same id within a run are fragments of one entity and
/// are merged; a later run of the same dataset replaces that dataset's values for the entities it
/// carries, and leaves other datasets' values alone.
/// </summary>
/// <param name="Dataset">The dataset the run belongs to (by default named after the file).</param>
/// <param name="RunId">Unique per run.</param>
/// <param name="StartedAt">When the run started; the provenance time of entities that carry none.</param>
public sealed record ImportRun(string Dataset, string RunId, DateTimeOffset StartedAt)
{
    public static ImportRun Start(string dataset) => new(dataset, Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow);
}
