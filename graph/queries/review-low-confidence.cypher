// Facts to review: low confidence
//
// Relationships below a confidence that no analyst has confirmed or rejected
// yet (kg curate confirm / reject; a fact with one piece of its evidence
// rejected stays while other evidence states it), one row per piece of evidence: the
// sentence, its document, how it was obtained (method) and its confidence.
// `kg review` lists the same with the commands that decide each.
//
// @param minConfidence 0.6  facts whose confidence is below this are listed
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.confidence < $minConfidence
  AND NOT EXISTS {
    MATCH (d:Decision) WHERE d.status = 'active' AND (d.kind = 'confirm' OR (d.kind = 'reject' AND d.evidenceDoc IS NULL))
      AND d.fact = type(r) + '|' + coalesce(a.fullId, a.id) + '|' + coalesce(b.fullId, b.id)
  }
UNWIND range(0, size(r.evidenceDocs) - 1) AS i
RETURN a.name AS source, type(r) AS relationship, b.name AS target, r.confidence AS confidence,
       r.evidenceSentences[i] AS sentence, r.evidenceDocs[i] AS document, r.evidenceMethods[i] AS method,
       r.evidenceConfidences[i] AS evidenceConfidence
ORDER BY confidence, source, relationship, target, document
