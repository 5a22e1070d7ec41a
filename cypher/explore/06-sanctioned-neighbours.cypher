// Neo4j: 5.26 or later (Cypher 5)
// Question: which parties sit next to a sanctioned party — registered at the same address, sharing a
// director, or directed by a sanctioned person — without being sanctioned themselves?
//
// Parameters (paste into Neo4j Browser first; [] switches the filter off):
// :param asOf => toString(date())
// :param countries => []
//
// Example: with the demo case (asOf 2026-11-27), ОсОО «Тенгри Компонент» (Bishkek) shares its director
// Андрей Лебедев with the EU-sanctioned ООО «Электроника-Трейд»; ФГУП «НИИ «Квазар»» is registered at the
// Zelenograd address of АО «Радиотехпром» and Электроника-Трейд; ООО «Оптима Системс», ООО «Техноимпульс»
// and ООО «Северный Альянс» (its own designation ended in 2023) at the St Petersburg address of ООО «Вектор
// Микро». :param countries => ['kg', 'kz', 'am', 'ae', 'tr'] keeps neighbours in transshipment countries.
//
// Semantics (docs/domain.md#red-flags: sanctioned neighbour): a sanctioned party is one with a sanction
// active on asOf; directorships count while in force on asOf. Ownership by a sanctioned party is the
// subject of 04-ownership-blocked-and-nearly-blocked.cypher. Each row is one neighbour, one link and
// one sanctioned party, with the sanctions that make it one.
MATCH (listed:Party)-[:SANCTIONED_BY]->(sanction:Sanction)
WHERE (sanction.endDate IS NULL OR sanction.endDate >= left($asOf, size(sanction.endDate)))
  AND (sanction.startDate IS NULL OR sanction.startDate <= left($asOf, size(sanction.startDate)))
WITH listed, collect({authority: sanction.authority, program: sanction.program, startDate: sanction.startDate}) AS sanctions
WITH collect({party: listed, sanctions: sanctions}) AS sanctioned
WITH sanctioned, [row IN sanctioned | row.party.id] AS listedIds
UNWIND sanctioned AS row
WITH listedIds, row.party AS listed, row.sanctions AS sanctions
CALL (listed) {
  MATCH (listed)-[:REGISTERED_AT]->(address:Address)<-[:REGISTERED_AT]-(neighbour:Party)
  RETURN neighbour, 'SHARED_ADDRESS' AS link, address.full AS via
  UNION
  MATCH (listed)<-[d1:DIRECTS]-(director:Party)-[d2:DIRECTS]->(neighbour:Party)
  WHERE all(d IN [d1, d2] WHERE (d.endDate IS NULL OR d.endDate >= left($asOf, size(d.endDate)))
    AND (d.startDate IS NULL OR d.startDate <= left($asOf, size(d.startDate))))
  RETURN neighbour, 'SHARED_DIRECTOR' AS link, director.name AS via
  UNION
  MATCH (listed)-[d:DIRECTS]->(neighbour:Party)
  WHERE (d.endDate IS NULL OR d.endDate >= left($asOf, size(d.endDate)))
    AND (d.startDate IS NULL OR d.startDate <= left($asOf, size(d.startDate)))
  RETURN neighbour, 'SANCTIONED_DIRECTOR' AS link, listed.name AS via
}
WITH listedIds, listed, sanctions, neighbour, link, via
WHERE NOT neighbour.id IN listedIds
  AND (size($countries) = 0 OR any(c IN coalesce(neighbour.countries, []) WHERE c IN $countries))
RETURN
  neighbour.name AS party,
  neighbour.id AS partyId,
  neighbour.countries AS countries,
  link,
  via,
  listed.name AS sanctionedParty,
  listed.id AS sanctionedPartyId,
  sanctions
ORDER BY party, link, sanctionedParty
LIMIT 1000;
