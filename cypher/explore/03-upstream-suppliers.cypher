// Neo4j: 5.26 or later (Cypher 5)
// Question: who supplied this (sanctioned) end user, how many hops back, with which goods? Every
// time-respecting chain of shipments that ends at the end user, traced back towards its suppliers.
//
// Parameters (paste into Neo4j Browser first; null or [] switches a filter off):
// :param endUserId => 'co-ru-radiotekhprom'
// :param maxHops => 4
// :param maxDwellDays => 365
// :param from => null
// :param to => null
// :param hsPrefixes => []
// :param tiers => []
// :param minValueUsd => null
// :param targetCountries => ['cn', 'de', 'jp', 'nl', 'tw', 'us']
// :param maxChains => 10000
//
// Example: with the demo case and the values above, eight routes into АО «Радиотехпром»: the largest
// from Cascade Microdevices (us) through Bright Harbour (hk) and Ак-Шумкар Трейд (kg), 534,500 USD, then
// Nordhalbleiter (de) through Ак-Шумкар Трейд, 410,650 USD, and routes through Степь Технолоджи (kz) from
// Formosa Signal (tw), Nordhalbleiter and Polderchip (nl); the direct 2021 sales of Cascade and
// Nordhalbleiter are one-hop routes. Add :param tiers => ['1', '2'] for critical components only, or
// :param targetCountries => [] for every maximal route.
//
// Semantics (docs/domain.md#tracing): the mirror image of a downstream trace, with the same hop, filter
// and time rules: each earlier shipment into a sender may precede the shipment it feeds (some day of it
// on or before some day of the later one, the later one within maxDwellDays). No party twice. A route
// ends at the first party located in targetCountries; without targetCountries routes are maximal: they
// end at maxHops or where no earlier qualifying shipment into the supplier exists. Restricted parties do
// not stop an upstream route. Each repetition of the quantified pattern is one hop, filtering its shipment
// as it is expanded: {1,6} is one to six hops (raise 6 for longer chains). At most maxChains chains are
// grouped into routes, and at most 100 routes are returned.
MATCH (endUser:Party {id: $endUserId})
MATCH (supplier:Party)
  ((p:Party)-[:SENT]->(s:Shipment)-[:RECEIVED]->(:Party)
    WHERE ($from IS NULL OR s.dateLatest >= date($from))
      AND ($to IS NULL OR s.dateEarliest <= date($to))
      AND (size($hsPrefixes) = 0 OR any(prefix IN $hsPrefixes WHERE s.hsCode STARTS WITH prefix))
      AND (size($tiers) = 0 OR s.chplTier IN $tiers)
      AND ($minValueUsd IS NULL OR s.valueUsd >= $minValueUsd)){1,6}
  (endUser)
WITH endUser, supplier, s, p + [endUser] AS parties
WHERE size(s) <= $maxHops
  // Each shipment may feed the one after it.
  AND all(i IN range(1, size(s) - 1) WHERE s[i].dateLatest >= s[i - 1].dateEarliest
    AND s[i].dateEarliest <= s[i - 1].dateLatest + duration({days: $maxDwellDays}))
  AND all(i IN range(1, size(parties) - 1) WHERE NOT parties[i] IN parties[0..i])
  // With targets: the supplier is the first party in a target country, counting back from the end user.
  AND (size($targetCountries) = 0
    OR (any(c IN coalesce(supplier.countries, []) WHERE c IN $targetCountries)
      AND none(p IN parties[1..size(parties) - 1] WHERE any(c IN coalesce(p.countries, []) WHERE c IN $targetCountries))))
  // Without targets: maximal routes only.
  AND (size($targetCountries) > 0 OR size(s) = $maxHops OR NOT EXISTS {
    MATCH (earlier:Party)-[:SENT]->(x:Shipment)-[:RECEIVED]->(supplier)
    WHERE NOT earlier IN parties
      AND ($from IS NULL OR x.dateLatest >= date($from))
      AND ($to IS NULL OR x.dateEarliest <= date($to))
      AND (size($hsPrefixes) = 0 OR any(prefix IN $hsPrefixes WHERE x.hsCode STARTS WITH prefix))
      AND (size($tiers) = 0 OR x.chplTier IN $tiers)
      AND ($minValueUsd IS NULL OR x.valueUsd >= $minValueUsd)
      AND s[0].dateLatest >= x.dateEarliest
      AND s[0].dateEarliest <= x.dateLatest + duration({days: $maxDwellDays})
  })

WITH s, parties
LIMIT $maxChains

// One row per route, from the supplier to the end user; each hop lists the shipments that take part in
// at least one valid chain.
UNWIND range(0, size(s) - 1) AS hop
WITH parties, hop, collect(DISTINCT s[hop]) AS hopShipments
ORDER BY hop
WITH parties,
  collect({
    hop: hop + 1, from: parties[hop].name, to: parties[hop + 1].name,
    shipments: [x IN hopShipments | x.id],
    hs6: reduce(codes = [], x IN hopShipments | CASE WHEN x.hs6 IN codes THEN codes ELSE codes + x.hs6 END),
    valueUsd: reduce(v = 0.0, x IN hopShipments | v + coalesce(x.valueUsd, 0.0))
  }) AS hops,
  reduce(shipments = [], l IN collect(hopShipments) | shipments + l) AS shipments
RETURN
  parties[0].name AS supplier,
  parties[0].countries AS supplierCountries,
  size(parties) - 1 AS hopsBack,
  [p IN parties | p.name] AS route,
  [p IN parties | p.id] AS routeIds,
  hops,
  reduce(v = 0.0, x IN shipments | v + coalesce(x.valueUsd, 0.0)) AS totalValueUsd,
  reduce(d = null, x IN shipments | CASE WHEN d IS NULL OR x.dateEarliest < d THEN x.dateEarliest ELSE d END) AS firstDate,
  reduce(d = null, x IN shipments | CASE WHEN d IS NULL OR x.dateLatest > d THEN x.dateLatest ELSE d END) AS lastDate
ORDER BY hopsBack, totalValueUsd DESC
LIMIT 100;
