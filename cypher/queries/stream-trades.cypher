// Every shipment as a trade, one page at a time in id order.
MATCH (s:Shipment)
WHERE s.id > $after
WITH s ORDER BY s.id LIMIT $limit
RETURN s.id AS id, s.senderId AS senderId, s.receiverId AS receiverId, s.date AS date, s.valueUsd AS valueUsd,
  s.chplTier AS chplTier, s.hsCode AS hsCode
