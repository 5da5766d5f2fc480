// Members of the network of AI safety institutes, by country
//
// The members of a network or alliance, grouped by country: parties that are
// MEMBER_OF it, and the signatories of the agreement that ESTABLISHED it
// (the Seoul Statement of Intent set up the International Network of AI
// Safety Institutes). For each country: its members, and its government
// AI safety institutes (Institute BASED_IN the country). A member with no
// country (the European Union) is its own row. The columns read as a table;
// the last, paths, holds the links (MEMBER_OF, SIGNED and ESTABLISHED,
// BASED_IN), so Neo4j Browser draws members connected to the network.
//
// @param network "International Network of AI Safety Institutes"  the network: canonical name or any alias, any case
MATCH (network:Entity)
WHERE toLower(network.name) = toLower($network) OR any(a IN network.aliases WHERE toLower(a) = toLower($network))
CALL (network) {
  MATCH path = (member:Entity)-[:MEMBER_OF]->(network)
  RETURN member, 'MEMBER_OF' AS via, path
  UNION
  MATCH path = (member:Entity)-[:SIGNED]->(founding:Agreement)-[:ESTABLISHED]->(network)
  RETURN member, 'signed ' + founding.name AS via, path
}
OPTIONAL MATCH homePath = (member)-[:BASED_IN]->(home:Country)
WITH network, member, via, path, homePath, CASE WHEN member:Country THEN member ELSE coalesce(home, member) END AS country
OPTIONAL MATCH institutePath = (institute:Institute)-[:BASED_IN]->(country:Country)
WITH country, collect(DISTINCT member) AS members, collect(DISTINCT via) AS via, collect(DISTINCT institute) AS institutes,
     collect(DISTINCT path) + collect(DISTINCT homePath) + collect(DISTINCT institutePath) AS paths
RETURN country.name AS country, [m IN members | m.name] AS members, [i IN institutes | i.name] AS institutes, via, paths
ORDER BY country
