// Every entity's fragments (each dataset's values), one page at a time in id order; a node
// imported merged only has none, and its merged entity stands in for them.
MATCH (n:Entity)
WHERE n.id > $after AND n.entity IS NOT NULL
WITH n ORDER BY n.id LIMIT $limit
RETURN n.id AS id, n.entity AS entity, n.fragments AS fragments
