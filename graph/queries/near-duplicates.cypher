// Entities whose names are close but not merged (for review)
//
// Pairs of entities of the same type whose names are similar — one name
// contains the other as whole words, or the names' character bigrams
// overlap (Dice coefficient) at least minSimilarity — yet are separate
// nodes. Some are truly different (Claude and Claude 4), some are
// resolution misses to merge by adding an alias to the registry. Names and
// ids only, a table.
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
WHERE contained OR similarity >= $minSimilarity
RETURN a.type AS type, a.name AS a, b.name AS b, round(similarity, 3) AS similarity,
       CASE WHEN contained THEN 'name contains the other' ELSE 'similar spelling' END AS reason,
       COUNT { (d:Document)-[:MENTIONS]->(a) WHERE (d)-[:MENTIONS]->(b) } AS sharedDocuments, a.id AS aId, b.id AS bId
ORDER BY similarity DESC, type, a
