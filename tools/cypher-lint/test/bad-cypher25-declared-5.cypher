// Neo4j: 5.26 or later (Cypher 5)
CYPHER 25
MATCH (p:Party)
RETURN p.name AS name
LIMIT 10;
