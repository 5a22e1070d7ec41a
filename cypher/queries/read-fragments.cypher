// The fragments (each dataset's values) held for the ids of an upsert batch or a deletion.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.fragments IS NOT NULL
RETURN n.id AS id, n.fragments AS fragments
