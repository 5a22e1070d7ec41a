// Deletes nodes that hold no entity once no link refers to them any more.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
WHERE n.schema IS NULL AND NOT EXISTS { (n)--() }
DELETE n
