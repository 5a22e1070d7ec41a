// Neo4j: 5.26 or later (Cypher 5)
// Question: who ultimately owns this company? The natural persons whose effective ownership reaches the
// threshold, with every ownership path that makes it up.
//
// Parameters (paste into Neo4j Browser first):
// :param companyId => 'co-ru-optima-sistems'
// :param threshold => 25
// :param asOf => toString(date())
//
// Example: with the demo case, ООО «Оптима Системс» → Громов Олег Викторович, 30.6% (51% of АО «Балтинвест
// Холдинг», which holds 60%): a beneficial owner, although he holds no share directly. Return the
// ownershipPaths column as a graph in the browser to see the chain.
//
// Semantics (docs/domain.md#effective-ownership-and-beneficial-owners): the sum, over the simple ownership paths from a person to
// the company (no company visited twice, so circular holdings count once), of the product of the
// percentages along the path. Only stakes in force on asOf count. A path with a percentage that is not a
// number ("majority", "50-75%") has no product: it is listed and counted in pathsWithUnknownStake, never
// guessed, and a person with such a path is shown even below the threshold. Paths of up to 8 links.
MATCH (company:Party {id: $companyId})
MATCH path = (person:Person)-[:OWNS*1..8]->(company)
WHERE all(stake IN relationships(path) WHERE
    (stake.endDate IS NULL OR stake.endDate >= left($asOf, size(stake.endDate)))
    AND (stake.startDate IS NULL OR stake.startDate <= left($asOf, size(stake.startDate))))
  AND all(i IN range(1, length(path)) WHERE NOT nodes(path)[i] IN nodes(path)[0..i])
WITH company, person, path,
  [stake IN relationships(path) | toFloatOrNull(trim(replace(toString(stake.percentage), '%', '')))] AS stakes
WITH company, person, path,
  CASE WHEN any(x IN stakes WHERE x IS NULL) THEN null
    ELSE reduce(share = 100.0, x IN stakes | share * x / 100.0) END AS pathPercent
WITH company, person,
  sum(pathPercent) AS effectivePercent,
  count(path) - count(pathPercent) AS pathsWithUnknownStake,
  collect({
    through: [n IN nodes(path) | n.name],
    percentages: [stake IN relationships(path) | stake.percentage],
    effectivePercent: pathPercent
  }) AS paths,
  collect(path) AS ownershipPaths
WHERE effectivePercent >= $threshold OR pathsWithUnknownStake > 0
RETURN
  person.name AS person,
  person.id AS personId,
  round(effectivePercent, 2) AS effectivePercent,
  effectivePercent >= $threshold AS beneficialOwner,
  pathsWithUnknownStake,
  paths,
  ownershipPaths
ORDER BY effectivePercent DESC
LIMIT 1000;
