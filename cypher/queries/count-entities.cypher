// How many entities the store holds; nodes only referred to by links have no schema.
MATCH (n:Entity)
WHERE n.schema IS NOT NULL
RETURN count(n) AS entities
