// A MATCH whose pattern is never closed.
MATCH (p:Party {id: "x"}
RETURN p.name;
