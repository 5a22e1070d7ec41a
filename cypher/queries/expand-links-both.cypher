// FtM dates (2019, 2019-06, 2019-06-30) compare with a day cut to their precision: a stake that ended in
// 2019-06 still held on 2019-06-30, one that started in 2020 may have held on 2020-01-01.
// The relationships around a set of nodes (both), by type and the days they held, in id order.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r]-(:Entity)
WHERE (size($types) = 0 OR type(r) IN $types)
  AND ($activeFrom IS NULL OR r.endDate IS NULL OR r.endDate >= left($activeFrom, size(r.endDate)))
  AND ($activeTo IS NULL OR r.startDate IS NULL OR r.startDate <= left($activeTo, size(r.startDate)))
WITH DISTINCT r
WITH r ORDER BY r.id, r.sourceId LIMIT $limit
RETURN r.id AS id, r.sourceId AS entity, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target,
  r.schema AS schema, r.datasets AS datasets, r.firstSeen AS firstSeen, r.lastSeen AS lastSeen
