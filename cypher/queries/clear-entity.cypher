// Removes an entity's values and labels; the node stays, as an id alone, while other entities' links refer to it.
MATCH (n:Entity {id: $id})
WHERE n.schema IS NOT NULL
REMOVE n:Party:Company:Organization:Person:LegalEntity:Address:Shipment:Sanction:Interval
SET n = {id: $id}
RETURN count(n) AS cleared
