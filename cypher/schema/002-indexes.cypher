// A trace hop expands the shipments of a set of parties in one role: one index seek per party.
CREATE INDEX shipment_sender IF NOT EXISTS FOR (n:Shipment) ON (n.senderId);
CREATE INDEX shipment_receiver IF NOT EXISTS FOR (n:Shipment) ON (n.receiverId);
CREATE INDEX shipment_declarant IF NOT EXISTS FOR (n:Shipment) ON (n.declarantId);
// Trade flows and ad-hoc questions narrow shipments by date.
CREATE INDEX shipment_date IF NOT EXISTS FOR (n:Shipment) ON (n.dateEarliest);
// Counting the entities held: nodes only referred to by links have no schema.
CREATE INDEX entity_schema IF NOT EXISTS FOR (n:Entity) ON (n.schema);
