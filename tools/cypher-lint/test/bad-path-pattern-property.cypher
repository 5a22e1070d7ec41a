CYPHER 25
// Inside a quantified path pattern a shipment is a node, and its property keys are checked.
MATCH (:Party) ((:Party)-[:SENT]->(s:Shipment WHERE s.valueUSD > 1000)-[:RECEIVED]->(:Party)){1,3} (:Party)
RETURN count(*);
