// Companies, misspelt.
MATCH (c:Compnay)
RETURN c.name;
