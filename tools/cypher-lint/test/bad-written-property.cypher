// A written property is checked too: the store must not write what nothing reads.
MERGE (p:Party {id: "x"})
SET p.nationality = "ru";
