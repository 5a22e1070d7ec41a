// What a procedure yields is typed, so its property keys are checked.
// :param query => "elektronika"
CALL db.index.fulltext.queryNodes("party_search", $query) YIELD node
RETURN node.nme;
