// A relationship type the model does not have.
MATCH (o:Party)-[:OWNED_BY]->(c:Company)
RETURN o.name;
