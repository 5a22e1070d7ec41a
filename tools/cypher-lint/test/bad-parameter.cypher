// :param partyId => "co-ru-elektronika-treid"
MATCH (p:Party {id: $partyID})
RETURN p.name;
