// Merged entities by id; ids the store does not hold are skipped.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.entity IS NOT NULL
RETURN n.entity AS entity
