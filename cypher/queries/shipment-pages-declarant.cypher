// For each party, as first declarant: how many shipments pass the filter, and the page of them after the
// cursor ($after: the earliest and latest day and the id of the last shipment of the previous page).
UNWIND $ids AS party
MATCH (s:Shipment {declarantId: party})
WHERE ($from IS NULL OR s.dateLatest >= date($from))
  AND ($to IS NULL OR s.dateEarliest <= date($to))
  AND (NOT $byHsPrefix OR any(prefix IN $hsPrefixes WHERE s.hsCode STARTS WITH prefix))
  AND (size($tiers) = 0 OR s.chplTier IN $tiers)
  AND ($minValueUsd IS NULL OR s.valueUsd >= $minValueUsd)
WITH party, s ORDER BY s.dateEarliest, s.dateLatest DESC, s.id
WITH party, collect(s) AS matching
WITH party, matching, [m IN matching WHERE $after IS NULL
    OR (m.dateEarliest IS NULL AND ($after.earliest IS NOT NULL OR m.id > $after.id))
    OR m.dateEarliest > date($after.earliest)
    OR (m.dateEarliest = date($after.earliest) AND (m.dateLatest < date($after.latest)
      OR (m.dateLatest = date($after.latest) AND m.id > $after.id)))] AS following
RETURN party, size(matching) AS total, [m IN following[..$limit] | m.entity] AS entities
