// What is left to review
//
// How many items each review query still lists: facts rejected as a whole
// that a new sentence states again, facts below the confidence
// and facts only inferred that no analyst confirmed or rejected as a whole,
// pairs of close names no analyst merged or kept apart, entities seen in one
// document that no analyst decided on. The same rules as the queries
// review-rejected-restated, review-low-confidence, review-inferred-only, near-duplicates and
// review-single-document (there counted in rows of evidence; here in facts,
// pairs and entities). `kg review` prints its own counts in a terminal.
//
// @param minConfidence 0.6  facts whose confidence is below this are low-confidence
// @param minSimilarity 0.8  smallest bigram Dice similarity of two names that makes them a near-duplicate pair
CALL {
  MATCH (d:Decision {kind: 'reject', status: 'active'})
  WHERE d.evidenceDoc IS NULL AND d.sentences IS NOT NULL
  WITH d, split(d.fact, '|') AS fact
  OPTIONAL MATCH (a:Entity {id: fact[1]})-[r]->(b:Entity {id: fact[2]})
  WHERE type(r) = fact[0] AND NOT EXISTS { MATCH (c:Decision {kind: 'confirm', status: 'active'}) WHERE c.fact = d.fact }
  WITH count(DISTINCT r) AS left
  RETURN 0 AS order, 'rejected facts stated again' AS queue, left
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE r.confidence < $minConfidence
    AND NOT EXISTS {
      MATCH (d:Decision) WHERE d.status = 'active' AND (d.kind = 'confirm' OR (d.kind = 'reject' AND d.evidenceDoc IS NULL))
        AND d.fact = type(r) + '|' + coalesce(a.fullId, a.id) + '|' + coalesce(b.fullId, b.id)
    }
  WITH count(r) AS left
  RETURN 1 AS order, 'low-confidence facts' AS queue, left
  UNION ALL
  MATCH (a:Entity)-[r]->(b:Entity)
  WHERE size(coalesce(r.evidenceMethods, [])) > 0
    AND none(m IN r.evidenceMethods WHERE m IN ['sentence', 'unknown'])
    AND NOT EXISTS {
      MATCH (d:Decision) WHERE d.status = 'active' AND (d.kind = 'confirm' OR (d.kind = 'reject' AND d.evidenceDoc IS NULL))
        AND d.fact = type(r) + '|' + coalesce(a.fullId, a.id) + '|' + coalesce(b.fullId, b.id)
    }
  WITH count(r) AS left
  RETURN 2 AS order, 'facts only inferred' AS queue, left
  UNION ALL
  MATCH (a:Entity), (b:Entity)
  WHERE a.type = b.type AND a.id < b.id
  WITH a, b, toLower(a.name) AS x, toLower(b.name) AS y
  WITH a, b, [i IN range(0, size(x) - 2) | substring(x, i, 2)] AS bx, [i IN range(0, size(y) - 2) | substring(y, i, 2)] AS by,
       (' ' + y + ' ') CONTAINS (' ' + x + ' ') OR (' ' + x + ' ') CONTAINS (' ' + y + ' ') AS contained
  WITH a, b, contained,
       CASE WHEN size(bx) + size(by) = 0 THEN 0.0 ELSE 2.0 * size([g IN bx WHERE g IN by]) / (size(bx) + size(by)) END AS similarity
  WHERE (contained OR similarity >= $minSimilarity)
    AND NOT EXISTS {
      MATCH (d:Decision) WHERE d.status = 'active' AND d.kind IN ['merge', 'keep-apart']
        AND coalesce(a.fullId, a.id) IN d.entities AND coalesce(b.fullId, b.id) IN d.entities
    }
  WITH count(*) AS left
  RETURN 3 AS order, 'near-duplicate name pairs' AS queue, left
  UNION ALL
  MATCH (e:Entity)
  WHERE COUNT { (:Document)-[:MENTIONS]->(e) } = 1
    AND NOT EXISTS {
      MATCH (d:Decision) WHERE d.status = 'active' AND NOT d.kind IN ['confirm', 'reject']
        AND coalesce(e.fullId, e.id) IN d.entities
    }
  WITH count(e) AS left
  RETURN 4 AS order, 'entities seen in one document' AS queue, left
}
RETURN queue, left
ORDER BY order
