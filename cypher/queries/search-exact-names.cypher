// Parties whose name may be exactly the query: every query token is in their search tokens and their
// first tokens (those of their own name come first) are the query's. The store confirms each one from
// its name, so that an exact name ranks first in search-parties.
CALL db.index.fulltext.queryNodes('party_search', $query) YIELD node
WITH node, split(node.searchText, ' ') AS tokens
WHERE size([token IN tokens[..$tokenCount] WHERE token IN $tokens]) = $tokenCount
RETURN node.id AS id, node.name AS name
