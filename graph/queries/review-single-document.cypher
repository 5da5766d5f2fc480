// Entities to review: seen in one document only
//
// Entities that a single document mentions and no analyst has decided on
// yet (kg curate confirm, rename, retype, merge...): often a misread name or
// a variant of an entity the graph already has. With the document, the
// sentence where it is first named and a sentence of one of its facts.
//
// @param type "any"  one entity type (Person, Company, ...), or any
MATCH (e:Entity)
WHERE ($type = 'any' OR e.type = $type)
  AND COUNT { (:Document)-[:MENTIONS]->(e) } = 1
  AND NOT EXISTS {
    MATCH (d:Decision) WHERE d.status = 'active' AND NOT d.kind IN ['confirm', 'reject']
      AND coalesce(e.fullId, e.id) IN d.entities
  }
MATCH (doc:Document)-[m:MENTIONS]->(e)
WITH e, doc, CASE WHEN doc.text IS NOT NULL AND size(coalesce(m.starts, [])) > 0 THEN m.starts[0] END AS at
WITH e, doc, at, CASE WHEN at < 300 THEN 0 ELSE at - 300 END AS from
RETURN e.name AS name, e.type AS type, e.id AS id, coalesce(doc.title, doc.id) AS document,
       CASE WHEN at IS NULL THEN null ELSE
         trim(last(split(last(split(substring(doc.text, from, at - from), '\n')), '. ')) +
              head(split(head(split(substring(doc.text, at, 400), '\n')), '. '))) END AS sentence,
       COLLECT { MATCH (e)-[r]-(:Entity) RETURN r.evidenceSentences[0] AS s LIMIT 1 }[0] AS evidence
ORDER BY type, name
