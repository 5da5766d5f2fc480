// Members of the network of AI safety institutes, by country
//
// The members of a network or alliance, grouped by country: parties that are
// MEMBER_OF it, and the signatories of the agreement that ESTABLISHED it
// (the Seoul Statement of Intent set up the International Network of AI
// Safety Institutes). For each country: its members, and its government
// AI safety institutes (Institute BASED_IN the country). A member with no
// country (the European Union) is its own row.
//
// @param network "International Network of AI Safety Institutes"  the network: canonical name or any alias, any case
MATCH (network:Entity)
WHERE toLower(network.name) = toLower($network) OR any(a IN network.aliases WHERE toLower(a) = toLower($network))
CALL (network) {
  MATCH (member:Entity)-[:MEMBER_OF]->(network)
  RETURN member, 'MEMBER_OF' AS via
  UNION
  MATCH (member:Entity)-[:SIGNED]->(founding:Agreement)-[:ESTABLISHED]->(network)
  RETURN member, 'signed ' + founding.name AS via
}
OPTIONAL MATCH (member)-[:BASED_IN]->(home:Country)
WITH network, member, via, CASE WHEN member:Country THEN member ELSE coalesce(home, member) END AS country
OPTIONAL MATCH (institute:Institute)-[:BASED_IN]->(country:Country)
WITH network, country, collect(DISTINCT member) AS members, collect(DISTINCT via) AS via, collect(DISTINCT institute) AS institutes
RETURN country, members, institutes, via
ORDER BY country.name
