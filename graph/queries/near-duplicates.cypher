// Entities whose names are close but not merged (for review)
//
// Pairs of entities of the same type whose names are similar — one name
// contains the other as whole words, or the names' character bigrams
// overlap (Dice coefficient) at least minSimilarity — yet are separate
// nodes, and no analyst merged them or kept them apart (kg curate merge /
// keep-apart). Some are truly different (Claude and Claude 4), some are
// resolution misses to merge. Names, ids and the sentence where each name
// is first used, a table.
//
// @param minSimilarity 0.8  smallest bigram Dice similarity (0 to 1) that flags a pair; word containment always flags
MATCH (a:Entity), (b:Entity)
WHERE a.type = b.type AND a.id < b.id
WITH a, b, toLower(a.name) AS x, toLower(b.name) AS y
WITH a, b, x, y,
     [i IN range(0, size(x) - 2) | substring(x, i, 2)] AS bx,
     [i IN range(0, size(y) - 2) | substring(y, i, 2)] AS by,
     (' ' + y + ' ') CONTAINS (' ' + x + ' ') OR (' ' + x + ' ') CONTAINS (' ' + y + ' ') AS contained
WITH a, b, contained,
     CASE WHEN size(bx) + size(by) = 0 THEN 0.0
          ELSE 2.0 * size([g IN bx WHERE g IN by]) / (size(bx) + size(by)) END AS dice
WITH a, b, contained, CASE WHEN dice > 1.0 THEN 1.0 ELSE dice END AS similarity
WHERE (contained OR similarity >= $minSimilarity)
  AND NOT EXISTS {
    MATCH (d:Decision) WHERE d.status = 'active' AND d.kind IN ['merge', 'keep-apart']
      AND coalesce(a.fullId, a.id) IN d.entities AND coalesce(b.fullId, b.id) IN d.entities
  }
RETURN a.type AS type, a.name AS a, b.name AS b, round(similarity, 3) AS similarity,
       CASE WHEN contained THEN 'name contains the other' ELSE 'similar spelling' END AS reason,
       COUNT { (d:Document)-[:MENTIONS]->(a) WHERE (d)-[:MENTIONS]->(b) } AS sharedDocuments,
       COLLECT {
         MATCH (d:Document)-[m:MENTIONS]->(a) WHERE d.text IS NOT NULL AND size(coalesce(m.starts, [])) > 0
         WITH d, m.starts[0] AS at ORDER BY d.id LIMIT 1
         WITH d, at, CASE WHEN at < 300 THEN 0 ELSE at - 300 END AS from
         RETURN trim(last(split(last(split(substring(d.text, from, at - from), '\n')), '. ')) +
                     head(split(head(split(substring(d.text, at, 400), '\n')), '. ')))
       }[0] AS aSentence,
       COLLECT {
         MATCH (d:Document)-[m:MENTIONS]->(b) WHERE d.text IS NOT NULL AND size(coalesce(m.starts, [])) > 0
         WITH d, m.starts[0] AS at ORDER BY d.id LIMIT 1
         WITH d, at, CASE WHEN at < 300 THEN 0 ELSE at - 300 END AS from
         RETURN trim(last(split(last(split(substring(d.text, from, at - from), '\n')), '. ')) +
                     head(split(head(split(substring(d.text, at, 400), '\n')), '. ')))
       }[0] AS bSentence,
       a.id AS aId, b.id AS bId
ORDER BY similarity DESC, type, a
