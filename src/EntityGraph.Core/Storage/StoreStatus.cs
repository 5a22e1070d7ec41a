namespace EntityGraph.Core.Storage;

/// <summary>What a store reports about itself for health checks and the start-up log.</summary>
/// <param name="Reachable">Whether the store answered.</param>
/// <param name="SchemaCurrent">Whether its schema is at the version this build expects.</param>
/// <param name="Description">Where the data lives (a file path or a server URI without credentials).</param>
/// <param name="Entities">How many entities it holds.</param>
/// <param name="Detail">Why it is not ready, when it is not.</param>
public sealed record StoreStatus(bool Reachable, bool SchemaCurrent, string Description, long Entities, string? Detail = null)
{
    public bool Ready => Reachable && SchemaCurrent;
}
