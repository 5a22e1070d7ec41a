// Run in every write transaction that changes data, so that caches can tell the data changed.
MERGE (m:StoreMetadata {id: $id})
SET m.dataVersion = coalesce(m.dataVersion, 0) + 1
