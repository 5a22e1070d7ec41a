// Run first in every write transaction that reads what it replaces (an upsert, a deletion). Neo4j reads
// committed data without locking it, so two writers of the same entity could each read its fragments
// before the other commits and one dataset's values would be lost. A SET that reads the property it
// writes takes the node's write lock before reading: writers wait here, one after the other, and each
// reads the fragments its predecessor committed. The value does not change.
MERGE (m:StoreMetadata {id: $id})
SET m.dataVersion = coalesce(m.dataVersion, 0)
