CYPHER 25
// Neo4j: 2025.06 or later (Cypher 25)
MATCH (:Party {id: 'acme'}) ((:Party)-[:SENT]->(s:Shipment)-[:RECEIVED]->(:Party)){1,4} (endUser:Party)
WHERE allReduce(total = 0.0, x IN s | total + coalesce(x.valueUsd, 0.0), total < 1000000.0)
RETURN endUser.name AS endUser
LIMIT 10;
