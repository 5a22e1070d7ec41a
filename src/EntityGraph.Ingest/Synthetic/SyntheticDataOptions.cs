namespace EntityGraph.Ingest.Synthetic;

/// <summary>What to generate: the party-side budget, the number of shipments, and the seed.</summary>
public sealed record SyntheticDataOptions
{
    /// <summary>
    /// The party-side entity budget: companies, persons, addresses, ownerships, directorships and
    /// sanctions together (see <see cref="SyntheticDataPlan"/> for the split). At least 100.
    /// </summary>
    public int Parties { get; init; } = 60_000;

    /// <summary>The number of shipments (<c>EconomicActivity</c> entities).</summary>
    public int Shipments { get; init; } = 40_000;

    /// <summary>The same seed gives the same bytes.</summary>
    public int Seed { get; init; } = 1;
}
