// Partnership network of one institute
//
// Who an institute (or any party) works with: partners by PARTNERED_WITH in
// either direction, and parties that signed an agreement together with it
// (an MoU, a partnership agreement, a joint statement), each with how they
// are linked and one evidence sentence. Returns the nodes, so Neo4j Browser
// draws the network.
//
// @param name "Korea AI Safety Institute"  the institute or party: canonical name or any alias, any case
MATCH (center:Entity)
WHERE toLower(center.name) = toLower($name) OR any(a IN center.aliases WHERE toLower(a) = toLower($name))
CALL (center) {
  MATCH (center)-[r:PARTNERED_WITH]-(partner:Entity)
  RETURN partner, 'PARTNERED_WITH' AS link, null AS agreement, r.evidenceSentences[0] AS evidence, r.evidenceDocs AS documents
  UNION
  MATCH (center)-[s:SIGNED]->(agreement:Agreement)<-[:SIGNED]-(partner:Entity)
  WHERE partner <> center
  RETURN partner, 'co-signed' AS link, agreement, s.evidenceSentences[0] AS evidence, s.evidenceDocs AS documents
}
WITH center, partner, collect(DISTINCT link) AS links, [a IN collect(DISTINCT agreement) WHERE a IS NOT NULL] AS agreements,
     collect(evidence)[0] AS evidence, reduce(acc = [], ds IN collect(documents) | acc + [d IN ds WHERE NOT d IN acc]) AS documents
RETURN center, partner, partner.type AS partnerType, links, agreements, evidence, documents
ORDER BY size(links) DESC, partner.name
