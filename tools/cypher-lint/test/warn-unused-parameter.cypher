// A :param line the query no longer needs is reported, without failing the file.
// :param partyId => "co-kg-ak-shumkar"
// :param asOf => "2026-11-27"
MATCH (p:Party {id: $partyId})
RETURN p.name;
