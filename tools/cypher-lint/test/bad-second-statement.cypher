// The first statement is fine; the second names a label the model lacks.
MATCH (p:Party) RETURN count(p);

MATCH (s:Sanctions)
RETURN s.program;
