namespace EntityGraph.Storage.Sqlite.Internal;

/// <summary>Where a search page ends: the number of hits before the next one.</summary>
internal sealed record SearchPosition(int Offset);

/// <summary>Where a shipment page ends: the sort key of its last shipment.</summary>
internal sealed record ShipmentPosition(long Day, long Span, string Id);
