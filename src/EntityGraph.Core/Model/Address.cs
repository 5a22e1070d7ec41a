namespace EntityGraph.Core.Model;

/// <summary>A postal address that parties are registered at.</summary>
public sealed record Address
{
    public required string Id { get; init; }

    /// <summary>The full address as one line.</summary>
    public required string Full { get; init; }

    public IReadOnlyList<string> Countries { get; init; } = [];

    public string? City { get; init; }

    public required Provenance Provenance { get; init; }
}
