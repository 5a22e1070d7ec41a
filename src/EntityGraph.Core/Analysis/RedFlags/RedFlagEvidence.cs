namespace EntityGraph.Core.Analysis.RedFlags;

/// <summary>The ids of what a red flag rests on, grouped by kind, so an investigator can open and cite each one.</summary>
public sealed record RedFlagEvidence
{
    /// <summary>Shipments (FtM <c>EconomicActivity</c>), in date order.</summary>
    public IReadOnlyList<string> ShipmentIds { get; init; } = [];

    /// <summary>Parties other than the flagged one: owners, directors, controllers, neighbours, declarants, receivers.</summary>
    public IReadOnlyList<string> PartyIds { get; init; } = [];

    /// <summary>Sanctions in force on the day.</summary>
    public IReadOnlyList<string> SanctionIds { get; init; } = [];

    /// <summary>Addresses.</summary>
    public IReadOnlyList<string> AddressIds { get; init; } = [];

    /// <summary>Links: FtM Ownership, Directorship and Control ids, and address registrations.</summary>
    public IReadOnlyList<string> LinkIds { get; init; } = [];
}
