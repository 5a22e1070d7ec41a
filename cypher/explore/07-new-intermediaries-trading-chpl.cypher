// Neo4j: 5.26 or later (Cypher 5)
// Question: which companies incorporated since the full-scale invasion (24 February 2022) trade goods on
// the Common High Priority List? Newly formed trading companies that at once move CHPL electronics are a
// typical sign of an intermediary set up to supply Russia.
//
// Parameters (paste into Neo4j Browser first; [] switches a filter off):
// :param since => '2022-02-24'
// :param tiers => []
// :param counterpartyCountries => []
//
// Example: with the demo case, ОсОО «Ак-Шумкар Трейд» (incorporated 2022-04-12; buys from Nordhalbleiter,
// Shenzhen Xinda and Bright Harbour, sells to АО «Радиотехпром» and ООО «Сигнал-Комплект»), ТОО «Степь
// Технолоджи» (2022-06-14) and ТОО «Алтын Агро Сервис» (2022-09-05, UAV parts of tier 3.B), among others.
// :param tiers => ['1', '2'] keeps critical components; :param counterpartyCountries => ['ru', 'by'] keeps
// trade with Russian and Belarusian parties.
//
// Semantics (docs/domain.md#red-flags): incorporated on or after `since` — the whole incorporation date, so
// a company known only to have been incorporated "in 2022" does not count — and sent or received CHPL
// goods (a shipment whose HS-6 code is on the list: chplTier is set) since its incorporation. A
// counterparty is the receiver of what the company sent, or the sender of what it received.
MATCH (company:Party)
WHERE company.incorporationEarliest >= date($since)
MATCH (company)-[role:SENT|RECEIVED]-(s:Shipment)
WHERE s.chplTier IS NOT NULL
  AND (size($tiers) = 0 OR s.chplTier IN $tiers)
  AND s.dateLatest >= company.incorporationEarliest
OPTIONAL MATCH (s)-[:SENT|RECEIVED]-(counterparty:Party)
WHERE counterparty <> company
// One row per shipment, with its counterparties.
WITH company, s, type(role) = 'SENT' AS sent, collect(DISTINCT counterparty) AS counterparties
WHERE size($counterpartyCountries) = 0
  OR any(cp IN counterparties WHERE any(c IN coalesce(cp.countries, []) WHERE c IN $counterpartyCountries))
WITH company,
  sum(CASE WHEN sent THEN 1 ELSE 0 END) AS shipmentsSent,
  sum(CASE WHEN sent THEN s.valueUsd END) AS valueSentUsd,
  sum(CASE WHEN sent THEN 0 ELSE 1 END) AS shipmentsReceived,
  sum(CASE WHEN sent THEN null ELSE s.valueUsd END) AS valueReceivedUsd,
  collect(DISTINCT s.chplTier) AS tiers,
  collect(DISTINCT s.hs6) AS hs6Codes,
  collect(CASE WHEN sent THEN counterparties END) AS buyers,
  collect(CASE WHEN sent THEN null ELSE counterparties END) AS suppliers,
  min(s.dateEarliest) AS firstShipment,
  max(s.dateLatest) AS lastShipment
WITH company, shipmentsSent, valueSentUsd, shipmentsReceived, valueReceivedUsd, tiers, hs6Codes,
  firstShipment, lastShipment,
  reduce(names = [], l IN suppliers | names + [cp IN l WHERE NOT cp.name IN names | cp.name]) AS boughtFrom,
  reduce(names = [], l IN buyers | names + [cp IN l WHERE NOT cp.name IN names | cp.name]) AS soldTo
RETURN
  company.name AS company,
  company.id AS companyId,
  company.countries AS countries,
  company.incorporationDate AS incorporated,
  shipmentsSent, valueSentUsd, shipmentsReceived, valueReceivedUsd,
  tiers, hs6Codes, boughtFrom, soldTo, firstShipment, lastShipment
ORDER BY coalesce(valueSentUsd, 0) + coalesce(valueReceivedUsd, 0) DESC
LIMIT 1000;
