// Neo4j: 5.26 or later (Cypher 5)
// Question: how are these two parties connected? The shortest chains of ownership, directorship, control,
// representation, family or business ties, shared addresses and trade between them.
//
// Parameters (paste into Neo4j Browser first):
// :param fromId => 'co-de-nordhalbleiter'
// :param toId => 'co-ru-elektronika-treid'
//
// Example: with the demo case, paths of four links: Nordhalbleiter's 2021 sale to АО «Радиотехпром», which
// is registered at the Zelenograd address of Электроника-Трейд; and its sales to Ак-Шумкар Трейд, which the
// Russian Андрей Лебедев controls, while he directs Электроника-Трейд — connections no single record
// shows. Show the path column as a graph in the browser to read them.
//
// Semantics: all shortest paths of up to 10 links in either direction over every kind of link but
// SANCTIONED_BY (a sanction entry connects nothing); a shipment is a node on the path between its sender
// and its receiver (SENT, RECEIVED) or its declarant (DECLARED). All links count, whatever their dates.
// A party with a great many links (a registered agent's address, a big distributor) can make paths
// short but meaningless: read the path, not only its length.
MATCH (a:Party {id: $fromId})
MATCH (b:Party {id: $toId})
MATCH path = allShortestPaths(
  (a)-[:OWNS|DIRECTS|CONTROLS|REPRESENTS|RELATED_TO|REGISTERED_AT|SENT|RECEIVED|DECLARED*..10]-(b))
RETURN
  path,
  length(path) AS links,
  [n IN nodes(path) | coalesce(n.name, n.full, n.id)] AS through,
  [r IN relationships(path) | type(r)] AS linkTypes
LIMIT 25;
