MERGE (m:StoreMetadata {id: $id})
SET m.schemaVersion = $schemaVersion
