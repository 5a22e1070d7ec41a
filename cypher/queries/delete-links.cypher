// Removes the relationships an entity's previous values were read as, before its new ones are written.
UNWIND $links AS link
MATCH (:Entity {id: link.source})-[r]->(:Entity {id: link.target})
WHERE r.id = link.id AND r.sourceId = link.entity
DELETE r
