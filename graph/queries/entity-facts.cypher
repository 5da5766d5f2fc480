// All facts about an entity, with their evidence
//
// Every relationship of an entity, in either direction, one row per piece
// of evidence: the sentence that states it, the source document (id, title,
// URL) and the extraction confidence. Names and values only, a table.
//
// @param name "Korea AI Safety Institute"  the entity: canonical name or any alias, any case
MATCH (entity:Entity)
WHERE toLower(entity.name) = toLower($name) OR any(a IN entity.aliases WHERE toLower(a) = toLower($name))
MATCH (entity)-[r]-(other:Entity)
WITH entity, r, other, CASE WHEN startNode(r) = entity THEN '->' ELSE '<-' END AS direction
UNWIND range(0, size(coalesce(r.evidenceDocs, [])) - 1) AS i
OPTIONAL MATCH (doc:Document {id: r.evidenceDocs[i]})
RETURN entity.name AS entity, type(r) AS relationship, direction, other.name AS other, other.type AS otherType, r.date AS date, r.role AS role,
       r.evidenceSentences[i] AS sentence, r.evidenceDocs[i] AS document, doc.title AS title, doc.url AS url,
       r.evidenceConfidences[i] AS confidence
ORDER BY relationship, other, document, r.evidenceStarts[i]
