// Writes entity nodes: every property from the row (replacing the previous ones), the dates as
// Neo4j dates, and the labels of the node's kind. Running it again gives the same nodes.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
SET n = row.properties
SET n.firstSeen = datetime(row.firstSeen),
    n.lastSeen = datetime(row.lastSeen),
    n.incorporationEarliest = date(row.incorporationEarliest),
    n.dateEarliest = date(row.dateEarliest),
    n.dateLatest = date(row.dateLatest),
    n.valueUsd = toFloat(row.valueUsd)
REMOVE n:Party:Company:Organization:Person:LegalEntity:Address:Shipment:Sanction:Interval
FOREACH (_ IN CASE WHEN row.label = 'Company' THEN [1] ELSE [] END | SET n:Party:Company)
FOREACH (_ IN CASE WHEN row.label = 'Organization' THEN [1] ELSE [] END | SET n:Party:Organization)
FOREACH (_ IN CASE WHEN row.label = 'Person' THEN [1] ELSE [] END | SET n:Party:Person)
FOREACH (_ IN CASE WHEN row.label = 'LegalEntity' THEN [1] ELSE [] END | SET n:Party:LegalEntity)
FOREACH (_ IN CASE WHEN row.label = 'Address' THEN [1] ELSE [] END | SET n:Address)
FOREACH (_ IN CASE WHEN row.label = 'Shipment' THEN [1] ELSE [] END | SET n:Shipment)
FOREACH (_ IN CASE WHEN row.label = 'Sanction' THEN [1] ELSE [] END | SET n:Sanction)
FOREACH (_ IN CASE WHEN row.label = 'Interval' THEN [1] ELSE [] END | SET n:Interval)
