// The same shipments as expand-shipments-sender, in the same order, with only what a trace needs.
UNWIND $ids AS party
MATCH (s:Shipment {senderId: party})
WHERE ($from IS NULL OR s.dateLatest >= date($from))
  AND ($to IS NULL OR s.dateEarliest <= date($to))
  AND (NOT $byHsPrefix OR any(prefix IN $hsPrefixes WHERE s.hsCode STARTS WITH prefix))
  AND (size($tiers) = 0 OR s.chplTier IN $tiers)
  AND ($minValueUsd IS NULL OR s.valueUsd >= $minValueUsd)
WITH s ORDER BY s.dateEarliest, s.dateLatest DESC, s.id LIMIT $limit
RETURN s.id AS id, s.senderId AS senderId, s.receiverId AS receiverId, s.date AS date, s.valueUsd AS valueUsd,
  s.chplTier AS chplTier, s.hsCode AS hsCode
