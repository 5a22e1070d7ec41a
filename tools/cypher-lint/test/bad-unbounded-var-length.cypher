// Neo4j: 5.26 or later (Cypher 5)
MATCH path = (:Party {id: 'acme'})-[:SENT|RECEIVED*2..]->(endUser:Party)
RETURN endUser.name AS endUser, length(path) AS links
LIMIT 10;
