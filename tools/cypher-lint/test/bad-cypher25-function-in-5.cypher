// Neo4j: 2025.11 or later (Cypher 5)
MATCH (p:Party)
RETURN coll.distinct(p.countries) AS countries
LIMIT 10;
