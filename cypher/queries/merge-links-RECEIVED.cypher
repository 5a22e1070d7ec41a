// Writes RECEIVED relationships read from entities. An end the store holds no entity for yet becomes a
// node with its id alone, which its entity fills in when it arrives.
UNWIND $rows AS row
MERGE (source:Entity {id: row.source})
MERGE (target:Entity {id: row.target})
MERGE (source)-[r:RECEIVED {id: row.id, sourceId: row.entity}]->(target)
SET r = row.properties
SET r.firstSeen = datetime(row.firstSeen),
    r.lastSeen = datetime(row.lastSeen),
    r.percentage = toFloat(row.percentage)
