// Empties the database: used by the contract tests to give each test an empty store.
MATCH (n)
DETACH DELETE n
