// The schema version the store was initialized with and the data version every write moves: one node, read by its unique id.
OPTIONAL MATCH (m:StoreMetadata {id: $id})
RETURN m.schemaVersion AS schemaVersion, coalesce(m.dataVersion, 0) AS dataVersion
