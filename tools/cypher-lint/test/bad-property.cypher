// Shipments have valueUsd, not value.
MATCH (s:Shipment)
RETURN s.value;
