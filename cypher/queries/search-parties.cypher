// Parties whose search tokens match every query token (the last one as a prefix), ranked by relevance
// with an exact name first ($exactNames, found by search-exact-names), then by id; one page of them and
// the number of all.
CALL db.index.fulltext.queryNodes('party_search', $query) YIELD node, score
WHERE (size($labels) = 0 OR any(label IN labels(node) WHERE label IN $labels))
  AND (size($countries) = 0 OR any(country IN node.countries WHERE country IN $countries))
WITH node, score + CASE WHEN node.id IN $exactNames THEN 100.0 ELSE 0.0 END AS rank
ORDER BY rank DESC, node.id
WITH collect({entity: node.entity, score: rank}) AS hits
RETURN size(hits) AS total, hits[$offset..($offset + $limit)] AS page
