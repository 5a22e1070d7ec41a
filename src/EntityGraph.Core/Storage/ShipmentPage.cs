using EntityGraph.Core.Model;

namespace EntityGraph.Core.Storage;

/// <summary>One page of a party's shipments.</summary>
public sealed record ShipmentPage(IReadOnlyList<Shipment> Shipments, bool HasNextPage, string? EndCursor, int TotalCount);
