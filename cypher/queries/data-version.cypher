OPTIONAL MATCH (m:StoreMetadata {id: $id})
RETURN coalesce(m.dataVersion, 0) AS dataVersion
