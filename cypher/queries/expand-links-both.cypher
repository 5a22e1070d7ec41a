// The relationships around a set of nodes (both), by type and the days they held, in id order.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-(:Entity)
WHERE (size($types) = 0 OR type(r) IN $types)
  AND ($activeFrom IS NULL OR r.endLatest IS NULL OR r.endLatest >= date($activeFrom))
  AND ($activeTo IS NULL OR r.startEarliest IS NULL OR r.startEarliest <= date($activeTo))
WITH DISTINCT r
WITH r ORDER BY r.id, r.sourceId LIMIT $limit
RETURN r.id AS id, r.sourceId AS entity, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
  r.schema AS schema, r.datasets AS datasets, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
