// Neo4j: 5.26 or later (Cypher 5)
MATCH (:Party {id: 'acme'}) ((:Party)-[:SENT]->(:Shipment)-[:RECEIVED]->(b:Party))+ (endUser:Party)
RETURN endUser.name AS endUser, size(b) AS hops
LIMIT 10;
