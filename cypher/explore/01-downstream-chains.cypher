CYPHER 25
// Neo4j: 2025.08 or later (Cypher 25, for allReduce)
// Question: where did this exporter's goods go? Every time-respecting chain of shipments from the
// exporter, through intermediaries, to the first restricted end user it reaches, grouped by route.
//
// Parameters (paste into Neo4j Browser first; null or [] switches a filter off):
// :param exporterId => 'co-de-nordhalbleiter'
// :param maxHops => 4
// :param maxDwellDays => 365
// :param from => null
// :param to => null
// :param hsPrefixes => []
// :param tiers => []
// :param minValueUsd => null
// :param targetCountries => []
// :param asOf => toString(date())
// :param maxChains => 10000
//
// Example: with the demo case and the values above (asOf 2026-11-27), eight routes. The largest:
// Nordhalbleiter → Ак-Шумкар Трейд → АО «Радиотехпром» (sanctioned by OFAC and the EU; 4 + 3 shipments,
// 410,650 USD, 2022-05-17 … 2023-03-15) and → ООО «Сигнал-Комплект» (blocked: 30% + 25.5% held by
// sanctioned persons); the longest runs four hops through Istanbul, Dubai and Bishkek to the
// export-controlled НИИ «Квазар». One ends at Ararat Electronics, itself sanctioned: no route passes
// through it to its Russian buyer.
//
// Semantics (docs/domain.md#chains): a chain s1..sk has sender(s1) = exporter and
// receiver(si) = sender(si+1), visits no party twice, and each shipment may follow the one before it:
// some day of it is on or after some day of the previous one and within maxDwellDays of it
// (dates are ranges dateEarliest..dateLatest; an undated shipment follows nothing). The filters apply
// to every shipment. A party is restricted when it has a sanction active on asOf, is blocked by the
// OFAC 50% rule, or carries the topic export.control; targetCountries narrows the end users to parties
// located there. allReduce checks both rules hop by hop, so the planner abandons a chain as soon as it
// breaks one instead of expanding it to maxHops (at most 6 here: raise {1,6} for longer chains). At most
// maxChains chains are grouped into routes, and at most 100 routes are returned, so that a hub with millions
// of shipments cannot hold the database.

// Blocked parties on asOf: an active sanction, then, round by round, 50% or more held in aggregate by
// blocked owners (stakes in force on asOf; a blocked owner's stake counts in full and percentages are
// never multiplied; stakes through unblocked companies do not count). Four rounds reach four levels of
// holding companies. Partial dates (2023, 2023-06) are compared at their own precision.
OPTIONAL MATCH (listed:Party)-[:SANCTIONED_BY]->(sanction:Sanction)
WHERE (sanction.endDate IS NULL OR sanction.endDate >= left($asOf, size(sanction.endDate)))
  AND (sanction.startDate IS NULL OR sanction.startDate <= left($asOf, size(sanction.startDate)))
WITH collect(DISTINCT listed.id) AS blocked
OPTIONAL MATCH (owner:Party)-[stake:OWNS]->(held:Party)
WHERE owner.id IN blocked AND NOT held.id IN blocked
  AND (stake.endDate IS NULL OR stake.endDate >= left($asOf, size(stake.endDate)))
  AND (stake.startDate IS NULL OR stake.startDate <= left($asOf, size(stake.startDate)))
WITH blocked, held, sum(toFloatOrNull(trim(replace(toString(stake.percentage), '%', '')))) AS percent
WITH blocked, collect(CASE WHEN percent >= 50 THEN held.id END) AS added
WITH blocked + added AS blocked
OPTIONAL MATCH (owner:Party)-[stake:OWNS]->(held:Party)
WHERE owner.id IN blocked AND NOT held.id IN blocked
  AND (stake.endDate IS NULL OR stake.endDate >= left($asOf, size(stake.endDate)))
  AND (stake.startDate IS NULL OR stake.startDate <= left($asOf, size(stake.startDate)))
WITH blocked, held, sum(toFloatOrNull(trim(replace(toString(stake.percentage), '%', '')))) AS percent
WITH blocked, collect(CASE WHEN percent >= 50 THEN held.id END) AS added
WITH blocked + added AS blocked
OPTIONAL MATCH (owner:Party)-[stake:OWNS]->(held:Party)
WHERE owner.id IN blocked AND NOT held.id IN blocked
  AND (stake.endDate IS NULL OR stake.endDate >= left($asOf, size(stake.endDate)))
  AND (stake.startDate IS NULL OR stake.startDate <= left($asOf, size(stake.startDate)))
WITH blocked, held, sum(toFloatOrNull(trim(replace(toString(stake.percentage), '%', '')))) AS percent
WITH blocked, collect(CASE WHEN percent >= 50 THEN held.id END) AS added
WITH blocked + added AS blocked
OPTIONAL MATCH (owner:Party)-[stake:OWNS]->(held:Party)
WHERE owner.id IN blocked AND NOT held.id IN blocked
  AND (stake.endDate IS NULL OR stake.endDate >= left($asOf, size(stake.endDate)))
  AND (stake.startDate IS NULL OR stake.startDate <= left($asOf, size(stake.startDate)))
WITH blocked, held, sum(toFloatOrNull(trim(replace(toString(stake.percentage), '%', '')))) AS percent
WITH blocked, collect(CASE WHEN percent >= 50 THEN held.id END) AS added
WITH blocked + added AS blocked

MATCH (exporter:Party {id: $exporterId})
MATCH (exporter)
  ((a:Party)-[:SENT]->(s:Shipment)-[:RECEIVED]->(b:Party)
    WHERE ($from IS NULL OR s.dateLatest >= date($from))
      AND ($to IS NULL OR s.dateEarliest <= date($to))
      AND (size($hsPrefixes) = 0 OR any(prefix IN $hsPrefixes WHERE s.hsCode STARTS WITH prefix))
      AND (size($tiers) = 0 OR s.chplTier IN $tiers)
      AND ($minValueUsd IS NULL OR s.valueUsd >= $minValueUsd)){1,6}
  (endUser:Party)
WHERE size(s) <= $maxHops
  // Time-respecting: each shipment may follow the one before it.
  AND allReduce(
    previous = {first: true, earliest: null, latest: null, ok: true},
    x IN s |
      {first: false, earliest: x.dateEarliest, latest: x.dateLatest,
       ok: previous.first OR coalesce(x.dateLatest >= previous.earliest
             AND x.dateEarliest <= previous.latest + duration({days: $maxDwellDays}), false)},
    previous.ok)
  // No party twice, and no hop out of a restricted end user.
  AND allReduce(
    route = {ids: [exporter.id], ended: false, ok: true},
    p IN b |
      {ids: route.ids + p.id,
       ended: (p.id IN blocked OR 'export.control' IN coalesce(p.topics, []))
         AND (size($targetCountries) = 0 OR any(c IN coalesce(p.countries, []) WHERE c IN $targetCountries)),
       ok: NOT route.ended AND NOT p.id IN route.ids},
    route.ok)
  AND (endUser.id IN blocked OR 'export.control' IN coalesce(endUser.topics, []))
  AND (size($targetCountries) = 0 OR any(c IN coalesce(endUser.countries, []) WHERE c IN $targetCountries))

WITH blocked, exporter, b, s
LIMIT $maxChains

// One row per route; each hop lists the shipments that take part in at least one valid chain.
WITH blocked, [exporter] + b AS parties, s
UNWIND range(0, size(s) - 1) AS hop
WITH blocked, parties, hop, collect(DISTINCT s[hop]) AS hopShipments
ORDER BY hop
WITH blocked, parties,
  collect({
    hop: hop + 1, from: parties[hop].name, to: parties[hop + 1].name,
    shipments: [x IN hopShipments | x.id],
    valueUsd: reduce(v = 0.0, x IN hopShipments | v + coalesce(x.valueUsd, 0.0))
  }) AS hops,
  reduce(shipments = [], l IN collect(hopShipments) | shipments + l) AS shipments
WITH blocked, parties, hops, shipments, parties[size(parties) - 1] AS endUser
RETURN
  [p IN parties | p.name] AS route,
  [p IN parties | p.id] AS routeIds,
  hops,
  reduce(v = 0.0, x IN shipments | v + coalesce(x.valueUsd, 0.0)) AS totalValueUsd,
  reduce(d = null, x IN shipments | CASE WHEN d IS NULL OR x.dateEarliest < d THEN x.dateEarliest ELSE d END) AS firstDate,
  reduce(d = null, x IN shipments | CASE WHEN d IS NULL OR x.dateLatest > d THEN x.dateLatest ELSE d END) AS lastDate,
  [(endUser)-[:SANCTIONED_BY]->(x:Sanction)
    WHERE (x.endDate IS NULL OR x.endDate >= left($asOf, size(x.endDate)))
      AND (x.startDate IS NULL OR x.startDate <= left($asOf, size(x.startDate)))
    | {authority: x.authority, program: x.program, startDate: x.startDate}] AS endUserSanctions,
  [(o:Party)-[r:OWNS]->(endUser)
    WHERE o.id IN blocked
      AND (r.endDate IS NULL OR r.endDate >= left($asOf, size(r.endDate)))
      AND (r.startDate IS NULL OR r.startDate <= left($asOf, size(r.startDate)))
    | {owner: o.name, ownerId: o.id, percentage: r.percentage}] AS endUserBlockedOwners,
  'export.control' IN coalesce(endUser.topics, []) AS endUserExportControlListed
ORDER BY totalValueUsd DESC
LIMIT 100;
