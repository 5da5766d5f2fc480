// What the latest refresh added or changed
//
// The documents the latest finished run (re)wrote — in a refresh only the new
// and changed ones; the unchanged are skipped — and the facts they carry:
// "new entity" / "new relationship" when no document outside this run
// supports it (so it came in with this run, or only these documents still
// state it), "more evidence" when this run added evidence to a fact other
// documents already state. Run records: (:Run) nodes written by kg run and
// kg refresh. Names and values only, a table.
//
// @param kind "any"  which runs count: refresh, full (kg run / kg start) or any
MATCH (run:Run)
WHERE run.status = 'done' AND run.endedAt IS NOT NULL
  AND (run.kind = $kind OR ($kind = 'any' AND run.kind IN ['full', 'refresh']))
WITH run ORDER BY run.startedAt DESC LIMIT 1
OPTIONAL MATCH (doc:Document)
WHERE doc.ingestedAt >= run.startedAt AND doc.ingestedAt <= run.endedAt
WITH run, collect(doc) AS docs
WITH run, docs, [d IN docs | d.id] AS written
CALL (docs, written) {
  UNWIND docs AS doc
  RETURN doc, 'document written' AS change, null AS entity, doc.id AS fact, [doc.id] AS documents
  UNION
  UNWIND docs AS doc
  MATCH (doc)-[:MENTIONS]->(entity:Entity)
  WITH DISTINCT entity, written
  WHERE NOT EXISTS { MATCH (other:Document)-[:MENTIONS]->(entity) WHERE NOT other.id IN written }
  RETURN null AS doc, 'new entity' AS change, entity, entity.type + ' ' + entity.name AS fact,
         [(d:Document)-[:MENTIONS]->(entity) | d.id] AS documents
  UNION
  UNWIND docs AS doc
  MATCH (doc)-[:MENTIONS]->(a:Entity)-[r]->(b:Entity)
  WHERE doc.id IN r.evidenceDocs
  WITH DISTINCT a, r, b, written
  RETURN null AS doc,
         CASE WHEN all(d IN r.evidenceDocs WHERE d IN written) THEN 'new relationship' ELSE 'more evidence' END AS change,
         a AS entity, a.name + ' -[' + type(r) + ']-> ' + b.name AS fact,
         reduce(acc = [], d IN r.evidenceDocs | CASE WHEN d IN written AND NOT d IN acc THEN acc + d ELSE acc END) AS documents
}
RETURN run.kind + ' ' + left(run.startedAt, 16) + ' (new ' + toInteger(run.new) + ', changed ' + toInteger(run.changed)
         + ', unchanged ' + toInteger(run.unchanged) + ', failed ' + toInteger(run.failed) + ')' AS run,
       change, fact, entity.name AS entity, entity.type AS type, documents
ORDER BY CASE change WHEN 'document written' THEN 0 WHEN 'new entity' THEN 1 WHEN 'new relationship' THEN 2 ELSE 3 END, fact
