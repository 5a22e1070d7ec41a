namespace EntityGraph.Core.Storage;

/// <summary>
/// A page of each party's shipments, ordered by date then id, for a set of parties in one store call.
/// </summary>
/// <param name="PartyIds">The parties.</param>
/// <param name="Role">The role they play in the shipments.</param>
/// <param name="Filter">Conditions on the shipments.</param>
/// <param name="First">Page size per party.</param>
/// <param name="After">An opaque cursor from <see cref="ShipmentPage.EndCursor"/>: start after it.</param>
public sealed record ShipmentPageQuery(
    IReadOnlyCollection<string> PartyIds,
    ShipmentRole Role,
    ShipmentFilter Filter,
    int First,
    string? After = null);
