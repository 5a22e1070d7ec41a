namespace EntityGraph.Ingest.Synthetic;

/// <summary>What to generate: the number of parties, the number of shipments, and the seed.</summary>
public sealed record SyntheticDataOptions
{
    /// <summary>
    /// The number of parties: companies and persons, with their addresses, ownerships, directorships and
    /// sanctions besides (see <see cref="SyntheticDataPlan"/> for the split). At least <see cref="SyntheticDataPlan.MinimumParties"/>.
    /// </summary>
    public int Parties { get; init; } = 36_000;

    /// <summary>The number of shipments (<c>EconomicActivity</c> entities).</summary>
    public int Shipments { get; init; } = 40_000;

    /// <summary>The same seed gives the same bytes.</summary>
    public int Seed { get; init; } = 1;
}
