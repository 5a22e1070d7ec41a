// Neo4j: 5.26 or later (Cypher 5)
// Question: which companies are blocked by the ownership rule, or nearly so, although not listed
// themselves? For each, the blocked owners and the percentages that decide it, as of a date.
//
// Parameters (paste into Neo4j Browser first):
// :param asOf => toString(date())
// :param countries => []
//
// Example: with the demo case (asOf 2026-11-27): blocked — АО «Балтинвест Холдинг» (51%, Громов),
// ООО «Оптима Системс» (60%, Балтинвест: blocked through a blocked company), ООО «Сигнал-Комплект»
// (30% Волков + 25.5% Зайцева), ООО «Приборсервис» (exactly 50%, Орлов); nearly blocked — ООО «Техноимпульс»
// (40%), Meridian Holdings (45%), Falcon Crest Investments (25%). ООО «Мосток» is absent: Громов's stake
// ended in March 2022. :param countries => ['ru'] keeps Russian companies only.
//
// Semantics (docs/domain.md#ownership-rules): OFAC's 50% rule and the EU's (July 2024 guidance) alike — a
// party is blocked when it has an active sanction, or when the stakes held in it by blocked parties add
// up to 50% or more. A blocked company's stake counts in full at the next level; percentages are never
// multiplied down a chain, and stakes held through companies that are not blocked do not count. Nearly
// blocked: 25% to under 50% held by blocked parties. Only stakes in force on asOf count. Percentages that
// are not numbers ("majority", "50-75%") are shown as unknown, never guessed. Control (CONTROLS) does not
// block; controllers that are blocked are listed as a separate red flag.

// Blocked parties on asOf: an active sanction, then, round by round, 50% or more held in aggregate by
// blocked owners (stakes in force on asOf; a blocked owner's stake counts in full and percentages are
// never multiplied; stakes through unblocked companies do not count). Four rounds reach four levels of
// holding companies. Partial dates (2023, 2023-06) are compared at their own precision.
OPTIONAL MATCH (listed:Party)-[:SANCTIONED_BY]->(sanction:Sanction)
WHERE (sanction.endDate IS NULL OR sanction.endDate >= left($asOf, size(sanction.endDate)))
  AND (sanction.startDate IS NULL OR sanction.startDate <= left($asOf, size(sanction.startDate)))
WITH collect(DISTINCT listed.id) AS direct
WITH direct, direct AS blocked
OPTIONAL MATCH (owner:Party)-[stake:OWNS]->(held:Party)
WHERE owner.id IN blocked AND NOT held.id IN blocked
  AND (stake.endDate IS NULL OR stake.endDate >= left($asOf, size(stake.endDate)))
  AND (stake.startDate IS NULL OR stake.startDate <= left($asOf, size(stake.startDate)))
WITH direct, blocked, held, sum(toFloatOrNull(trim(replace(toString(stake.percentage), '%', '')))) AS percent
WITH direct, blocked, collect(CASE WHEN percent >= 50 THEN held.id END) AS added
WITH direct, blocked + added AS blocked
OPTIONAL MATCH (owner:Party)-[stake:OWNS]->(held:Party)
WHERE owner.id IN blocked AND NOT held.id IN blocked
  AND (stake.endDate IS NULL OR stake.endDate >= left($asOf, size(stake.endDate)))
  AND (stake.startDate IS NULL OR stake.startDate <= left($asOf, size(stake.startDate)))
WITH direct, blocked, held, sum(toFloatOrNull(trim(replace(toString(stake.percentage), '%', '')))) AS percent
WITH direct, blocked, collect(CASE WHEN percent >= 50 THEN held.id END) AS added
WITH direct, blocked + added AS blocked
OPTIONAL MATCH (owner:Party)-[stake:OWNS]->(held:Party)
WHERE owner.id IN blocked AND NOT held.id IN blocked
  AND (stake.endDate IS NULL OR stake.endDate >= left($asOf, size(stake.endDate)))
  AND (stake.startDate IS NULL OR stake.startDate <= left($asOf, size(stake.startDate)))
WITH direct, blocked, held, sum(toFloatOrNull(trim(replace(toString(stake.percentage), '%', '')))) AS percent
WITH direct, blocked, collect(CASE WHEN percent >= 50 THEN held.id END) AS added
WITH direct, blocked + added AS blocked
OPTIONAL MATCH (owner:Party)-[stake:OWNS]->(held:Party)
WHERE owner.id IN blocked AND NOT held.id IN blocked
  AND (stake.endDate IS NULL OR stake.endDate >= left($asOf, size(stake.endDate)))
  AND (stake.startDate IS NULL OR stake.startDate <= left($asOf, size(stake.startDate)))
WITH direct, blocked, held, sum(toFloatOrNull(trim(replace(toString(stake.percentage), '%', '')))) AS percent
WITH direct, blocked, collect(CASE WHEN percent >= 50 THEN held.id END) AS added
WITH direct, blocked + added AS blocked

MATCH (owner:Party)-[stake:OWNS]->(company:Party)
WHERE owner.id IN blocked AND NOT company.id IN direct
  AND (stake.endDate IS NULL OR stake.endDate >= left($asOf, size(stake.endDate)))
  AND (stake.startDate IS NULL OR stake.startDate <= left($asOf, size(stake.startDate)))
  AND (size($countries) = 0 OR any(c IN coalesce(company.countries, []) WHERE c IN $countries))
WITH blocked, company, collect({
    owner: owner.name, ownerId: owner.id, ownerDirectlySanctioned: owner.id IN direct,
    percentageText: stake.percentage,
    percentage: toFloatOrNull(trim(replace(toString(stake.percentage), '%', '')))
  }) AS blockedOwners
WITH blocked, company, blockedOwners,
  reduce(total = 0.0, o IN blockedOwners | total + coalesce(o.percentage, 0.0)) AS heldByBlocked
WHERE company.id IN blocked OR heldByBlocked >= 25 OR any(o IN blockedOwners WHERE o.percentage IS NULL)
RETURN
  company.name AS company,
  company.id AS companyId,
  company.countries AS countries,
  CASE
    WHEN company.id IN blocked THEN 'BLOCKED'
    WHEN heldByBlocked >= 25 THEN 'NEARLY_BLOCKED'
    ELSE 'UNKNOWN_STAKE_OF_BLOCKED_OWNER'
  END AS verdict,
  heldByBlocked,
  blockedOwners,
  [o IN blockedOwners WHERE o.percentage IS NULL | o.owner] AS ownersWithUnknownStake,
  [(controller:Party)-[:CONTROLS]->(company) WHERE controller.id IN blocked | controller.name] AS controlledByBlocked,
  $asOf AS asOf
ORDER BY verdict, heldByBlocked DESC, company
LIMIT 1000;
