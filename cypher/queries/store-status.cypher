// The schema version the store was initialized with, and how many entities it holds.
OPTIONAL MATCH (m:StoreMetadata {id: $id})
RETURN m.schemaVersion AS schemaVersion, COUNT { MATCH (n:Entity) WHERE n.schema IS NOT NULL } AS entities
