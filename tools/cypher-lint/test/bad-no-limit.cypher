// Neo4j: 5.26 or later (Cypher 5)
MATCH (:Party {id: 'acme'}) ((:Party)-[:SENT]->(:Shipment)-[:RECEIVED]->(b:Party)){1,6} (endUser:Party)
RETURN endUser.name AS endUser, size(b) AS hops;
