// Facts to review: rejected, and stated again by new evidence
//
// Relationships an analyst rejected as a whole (kg curate reject) that the
// graph holds again: the sentences that stated them when they were rejected
// stay out, in every document, but a different sentence is new evidence and
// brings the fact back for review (reject it again, confirm it, or undo the
// rejection). Not the rejections made with --everywhere, which keep the fact
// out whatever states it. One row per piece of new evidence.
//
// @param relationship "any"  one relationship type (SIGNED, MEMBER_OF, ...), or any
MATCH (d:Decision {kind: 'reject', status: 'active'})
WHERE d.evidenceDoc IS NULL AND d.sentences IS NOT NULL
WITH d, split(d.fact, '|') AS fact
WHERE $relationship = 'any' OR fact[0] = $relationship
MATCH (a:Entity {id: fact[1]})-[r]->(b:Entity {id: fact[2]})
WHERE type(r) = fact[0]
  AND NOT EXISTS { MATCH (c:Decision {kind: 'confirm', status: 'active'}) WHERE c.fact = d.fact }
UNWIND range(0, size(r.evidenceDocs) - 1) AS i
RETURN a.name AS source, type(r) AS relationship, b.name AS target, r.evidenceSentences[i] AS newEvidence,
       r.evidenceDocs[i] AS document, r.evidenceMethods[i] AS method, d.id AS rejection, d.at AS rejectedAt, d.by AS rejectedBy
ORDER BY relationship, source, target, document
