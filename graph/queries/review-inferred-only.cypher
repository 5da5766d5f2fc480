// Facts to review: inferred, not stated
//
// Relationships no sentence states: every piece of their evidence was
// inferred, from a name (the UN X is part of the UN), a table row, the
// document as a whole or the registry; and no analyst has confirmed or
// rejected them yet. One row per piece of evidence.
//
// @param relationship "any"  one relationship type (SIGNED, MEMBER_OF, ...), or any
MATCH (a:Entity)-[r]->(b:Entity)
WHERE ($relationship = 'any' OR type(r) = $relationship)
  AND size(coalesce(r.evidenceMethods, [])) > 0
  AND none(m IN r.evidenceMethods WHERE m IN ['sentence', 'unknown'])
  AND NOT EXISTS {
    MATCH (d:Decision) WHERE d.status = 'active' AND (d.kind = 'confirm' OR (d.kind = 'reject' AND d.evidenceDoc IS NULL))
      AND d.fact = type(r) + '|' + coalesce(a.fullId, a.id) + '|' + coalesce(b.fullId, b.id)
  }
UNWIND range(0, size(r.evidenceDocs) - 1) AS i
RETURN a.name AS source, type(r) AS relationship, b.name AS target, r.evidenceMethods[i] AS method,
       r.evidenceSentences[i] AS evidence, r.evidenceDocs[i] AS document, r.confidence AS confidence
ORDER BY relationship, source, target, document
