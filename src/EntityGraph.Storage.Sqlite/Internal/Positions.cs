namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>Where a shipment page ends: the sort key of its last shipment.</summary>
internal sealed record ShipmentPosition(long Day, long Span, string Id);
