// Partnership network of one institute
//
// Who an institute (or any party) works with: partners by PARTNERED_WITH in
// either direction, and parties that signed an agreement together with it
// (an MoU, a partnership agreement, a joint statement), each with how they
// are linked and one evidence sentence. The columns read as a table (names,
// types, the sentence); the last, paths, holds the links themselves, so
// Neo4j Browser draws the network with its relationships.
//
// @param name "Korea AI Safety Institute"  the institute or party: canonical name or any alias, any case
MATCH (center:Entity)
WHERE toLower(center.name) = toLower($name) OR any(a IN center.aliases WHERE toLower(a) = toLower($name))
CALL (center) {
  MATCH path = (center)-[r:PARTNERED_WITH]-(partner:Entity)
  RETURN partner, 'PARTNERED_WITH' AS link, null AS agreement, r.evidenceSentences[0] AS evidence, r.evidenceDocs AS documents, path
  UNION
  MATCH path = (center)-[s:SIGNED]->(agreement:Agreement)<-[:SIGNED]-(partner:Entity)
  WHERE partner <> center
  RETURN partner, 'co-signed' AS link, agreement.name AS agreement, s.evidenceSentences[0] AS evidence, s.evidenceDocs AS documents, path
}
WITH center, partner, collect(DISTINCT link) AS links, [a IN collect(DISTINCT agreement) WHERE a IS NOT NULL] AS agreements,
     collect(evidence)[0] AS evidence, reduce(acc = [], ds IN collect(documents) | acc + [d IN ds WHERE NOT d IN acc]) AS documents,
     collect(path) AS paths
RETURN center.name AS center, partner.name AS partner, partner.type AS partnerType, links, agreements, evidence, documents, paths
ORDER BY size(links) DESC, partner
