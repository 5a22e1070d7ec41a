// The shipments of a set of parties as first declarant, filtered, by date (coarser dates first, undated last), then id.
UNWIND $ids AS party
MATCH (s:Shipment {declarantId: party})
WHERE ($from IS NULL OR s.dateLatest >= date($from))
  AND ($to IS NULL OR s.dateEarliest <= date($to))
  AND (NOT $byHsPrefix OR any(prefix IN $hsPrefixes WHERE s.hsCode STARTS WITH prefix))
  AND (size($tiers) = 0 OR s.chplTier IN $tiers)
  AND ($minValueUsd IS NULL OR s.valueUsd >= $minValueUsd)
WITH s ORDER BY s.dateEarliest, s.dateLatest DESC, s.id LIMIT $limit
RETURN s.entity AS entity
