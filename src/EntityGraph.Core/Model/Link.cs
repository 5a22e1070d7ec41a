namespace EntityGraph.Core.Model;

/// <summary>
/// A directed relationship between two nodes: from an FtM interval entity (<c>Ownership</c>,
/// <c>Directorship</c>, …) or from a reference property (an address, a sanction, a shipment role).
/// </summary>
public sealed record Link
{
    /// <summary>
    /// The FtM id for interval entities; for links read from a property, the carrying entity's id,
    /// the property and the target (<c>shipment-1:sender:acme</c>).
    /// </summary>
    public required string Id { get; init; }

    public required LinkKind Kind { get; init; }

    public required string SourceId { get; init; }

    public required string TargetId { get; init; }

    /// <summary>The FtM schema of the entity the link was read from.</summary>
    public required string Schema { get; init; }

    public PartialDate? StartDate { get; init; }

    public PartialDate? EndDate { get; init; }

    /// <summary>For <see cref="LinkKind.Owns"/>: the stake as the source wrote it and as a number.</summary>
    public OwnershipShare? Share { get; init; }

    /// <summary>Role, relationship or control type text.</summary>
    public string? Role { get; init; }

    public string? Status { get; init; }

    public required Provenance Provenance { get; init; }

    /// <summary>The FtM properties of the entity the link was read from (empty for property links).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Properties { get; init; } =
        System.Collections.Frozen.FrozenDictionary<string, IReadOnlyList<string>>.Empty;

    /// <summary>Whether the link holds on a day: it has not ended before it nor started after it.</summary>
    public bool IsActiveOn(DateOnly day) =>
        (EndDate is not { } end || end.Latest >= day) && (StartDate is not { } start || start.Earliest <= day);
}
