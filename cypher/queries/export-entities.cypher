// Every merged entity, one page at a time in id order.
MATCH (n:Entity)
WHERE n.id > $after AND n.entity IS NOT NULL
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, n.entity AS entity
