// APOC is not assumed to be installed in the Neo4j an investigator opens.
MATCH (p:Party)
RETURN apoc.text.clean(p.name);
