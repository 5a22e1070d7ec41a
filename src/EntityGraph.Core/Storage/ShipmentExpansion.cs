namespace EntityGraph.Core.Storage;

/// <summary>
/// The shipments in which any of a set of parties plays a role, filtered, in one store call. This
/// is one hop of a trace.
/// </summary>
/// <param name="PartyIds">The parties.</param>
/// <param name="Role">Their role: senders for a downstream hop, receivers for an upstream hop.</param>
/// <param name="Filter">Conditions on the shipments.</param>
/// <param name="Limit">The most shipments to return in all.</param>
public sealed record ShipmentExpansion(
    IReadOnlyCollection<string> PartyIds,
    ShipmentRole Role,
    ShipmentFilter Filter,
    int Limit = 100_000);
