// Evidence obtained one way
//
// Every piece of evidence obtained by one method: sentence (a sentence
// states the fact), name (entailed by a name), table (a table row),
// document (the document as a whole) or registry (a fact of the registry);
// stated facts apart from inferred ones.
//
// @param method "table"  sentence, name, table, document or registry
MATCH (a:Entity)-[r]->(b:Entity)
WHERE $method IN coalesce(r.evidenceMethods, [])
UNWIND range(0, size(r.evidenceDocs) - 1) AS i
WITH a, r, b, i WHERE r.evidenceMethods[i] = $method
RETURN a.name AS source, type(r) AS relationship, b.name AS target, r.evidenceSentences[i] AS evidence,
       r.evidenceDocs[i] AS document, r.evidenceConfidences[i] AS confidence
ORDER BY relationship, source, target, document
