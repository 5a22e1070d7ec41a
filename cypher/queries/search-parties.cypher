// Parties whose search tokens match every query token (the last one as a prefix), ranked by relevance
// with an exact name first ($exactNames, found by search-exact-names), then by id; one page of them and
// the number of all. Only the nodes are collected: the entity JSON is read for the page alone, so that a
// query matching much of the index does not hold every match's entity in the transaction's memory.
CALL db.index.fulltext.queryNodes('party_search', $query) YIELD node, score
WHERE (size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels))
  AND (size($countries) = 0 OR any(country IN node.countries WHERE country IN $countries))
WITH node, score + CASE WHEN node.id IN $exactNames THEN 100.0 ELSE 0.0 END AS rank
ORDER BY rank DESC, node.id
WITH collect({node: node, score: rank}) AS hits
RETURN size(hits) AS total, [hit IN hits[$offset..($offset + $limit)] | {entity: hit.node.entity, score: hit.score}] AS page
