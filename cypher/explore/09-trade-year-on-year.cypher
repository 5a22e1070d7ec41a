// Neo4j: 5.26 or later (Cypher 5)
// Question: how did trade between these countries change year on year? Shipments and value per year and
// country pair, with the change from the year before — the kind of figure behind "exports of
// high-priority items from Kyrgyzstan to Russia rose several-fold in 2022".
//
// Parameters (paste into Neo4j Browser first; [] switches a filter off):
// :param senderCountries => ['kg', 'kz']
// :param receiverCountries => ['ru']
// :param chplOnly => true
// :param tiers => []
// :param hsPrefixes => []
//
// Example: with the demo case, kg → ru: no CHPL shipments in 2021 (Kyrgyz exports to Russia were textiles
// and dried fruit), 10 in 2022 (changePercent null: nothing to compare with), 6 in 2023. With
// :param chplOnly => false, 9 shipments in 2021, 22 in 2022 and 18 in 2023.
//
// Semantics: as the service's trade flows — the sender country of a shipment is its country of departure,
// else of origin, and the receiver country its destination, as declared. The year is that of the FtM date
// (a shipment dated only "2022" counts in 2022); undated shipments are left out. valueUsd sums the
// shipments with a value; shipmentsWithoutValue says how many had none. changePercent compares value with
// the year before and is null when there is nothing to compare with.
MATCH (s:Shipment)
WHERE s.date IS NOT NULL
  AND (NOT $chplOnly OR s.chplTier IS NOT NULL)
  AND (size($tiers) = 0 OR s.chplTier IN $tiers)
  AND (size($hsPrefixes) = 0 OR any(prefix IN $hsPrefixes WHERE s.hsCode STARTS WITH prefix))
WITH s, coalesce(s.departureCountry, s.originCountry) AS senderCountry, s.destinationCountry AS receiverCountry
WHERE (size($senderCountries) = 0 OR senderCountry IN $senderCountries)
  AND (size($receiverCountries) = 0 OR receiverCountry IN $receiverCountries)
WITH senderCountry, receiverCountry, toInteger(substring(s.date, 0, 4)) AS year,
  count(s) AS shipments, sum(s.valueUsd) AS valueUsd, count(s.valueUsd) AS valued
ORDER BY senderCountry, receiverCountry, year
WITH senderCountry, receiverCountry,
  collect({year: year, shipments: shipments, valueUsd: valueUsd, withoutValue: shipments - valued}) AS years
UNWIND years AS current
WITH senderCountry, receiverCountry, current, [y IN years WHERE y.year = current.year - 1][0] AS previous
RETURN
  senderCountry,
  receiverCountry,
  current.year AS year,
  current.shipments AS shipments,
  current.valueUsd AS valueUsd,
  current.withoutValue AS shipmentsWithoutValue,
  previous.valueUsd AS previousYearValueUsd,
  CASE WHEN previous.valueUsd > 0
    THEN round(100.0 * (current.valueUsd - previous.valueUsd) / previous.valueUsd, 1) END AS changePercent
ORDER BY senderCountry, receiverCountry, year
LIMIT 1000;
