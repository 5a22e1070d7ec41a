// Question: which parties are there?
MATCH (p:Party)
RETURN p.name AS name
LIMIT 10;
