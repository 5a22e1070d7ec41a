// APOC is not assumed to be installed in the Neo4j the store or an investigator uses.
MATCH (p:Party)
CALL apoc.path.subgraphNodes(p, {maxLevel: 2}) YIELD node
RETURN node.name;
