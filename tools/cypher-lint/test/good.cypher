// A file of several statements, as the schema files and investigator queries are.
// :param exporterId => 'co-de-orion-electronics'
// :param from => date('2022-02-24')
MATCH (e:Party {id: $exporterId})-[:SENT]->(s:Shipment)-[:RECEIVED]->(r:Party)
WHERE s.dateEarliest >= $from
RETURN r.name AS receiver, sum(s.valueUsd) AS valueUsd;

CYPHER 25
MATCH p = (:Party {id: $exporterId})-[:SENT|RECEIVED]-{2,4}(:Party)
WHERE allReduce(seen = [], n IN nodes(p) | seen + n.id, size(seen) < 10)
RETURN p;

MERGE (a:Address {id: 'addr-1'})
SET a.full = 'Toktogula 125, Bishkek', a.country = 'kg';
// A map projection names keys of its own, which are not property keys; a pattern map names property keys.
MATCH (p:Party)
RETURN p {.name, shipmentsSent: 1} AS party, collect(p {.id, total: 2}) AS all;

MATCH (s:Shipment {valueUsd: 1})-[r:SENT {percentage: 2}]-(p:Party {countries: []})
RETURN count(*);
