import { type EntityType, type RelationType } from '../model/schemas.ts';
/** Ontology date property per entity type, besides the generic `date`. */
export declare const DATE_PROPERTY: Partial<Record<EntityType, string>>;
/**
 * RELATION_UPSERT's parameters are columns, not nested rows: the driver packs
 * a value at a time and every list costs as much as many numbers, so the
 * provenance entries of all rows travel as five flat lists ($docs, $sentences,
 * $starts, $ends, $confidences) and a row names its slice of them. Offsets
 * travel as plain numbers (a JS number is sent as a float) and become
 * integers here. Positions of a row (a list, cheaper than a map), built by
 * relationColumns (src/load/index.ts):
 */
export declare const REL: {
    readonly source: 0;
    readonly target: 1;
    readonly from: 2;
    readonly to: 3;
    readonly date: 4;
    readonly role: 5;
    readonly confidence: 6;
};
export declare const ENTITY_UPSERT: Record<EntityType, string>;
export declare const RELATION_UPSERT: Record<RelationType, string>;
export declare const PREVIOUS_ENTITIES = "MATCH (d:Document {id: $docId})\nOPTIONAL MATCH (d)-[:MENTIONS]->(e:Entity)\nRETURN collect(e.id) AS previous";
/** Entities no document mentions any more (so no relationship of theirs has provenance left). */
export declare const DELETE_ORPHANS = "CYPHER replan=skip\nUNWIND $ids AS id\nMATCH (e:Entity {id: id})\nWHERE NOT EXISTS { (:Document)-[:MENTIONS]->(e) }\nDETACH DELETE e\nRETURN count(*) AS deleted";
/** Its MENTIONS are gone by then; DETACH for the DUPLICATE_OF links of its copies (src/load/duplicates.ts). */
export declare const DELETE_DOCUMENT = "MATCH (d:Document {id: $docId})\nDETACH DELETE d";
export declare const KNOWN_ENTITIES = "MATCH (e:Entity)\nRETURN coalesce(e.fullId, e.id) AS id, e.type AS type, coalesce(e.fullName, e.name) AS name,\n       coalesce(e.aliases, []) AS aliases, e.date AS date\nORDER BY id";
export declare const DOCUMENT_HASHES = "UNWIND $ids AS id\nMATCH (d:Document {id: id})\nRETURN coalesce(d.fullId, d.id) AS id, d.contentHash AS contentHash";
export declare const READ_DOCUMENTS = "MATCH (d:Document)\nRETURN d.id AS key, coalesce(d.fullId, d.id) AS id, d.source AS source, d.url AS url, d.title AS title,\n       d.publishedAt AS publishedAt, d.contentHash AS contentHash\nORDER BY id";
export declare const READ_ENTITIES = "MATCH (e:Entity)\nOPTIONAL MATCH (d:Document)-[m:MENTIONS]->(e)\nWITH e, d, m ORDER BY d.id\nRETURN coalesce(e.fullId, e.id) AS id, e.type AS type, coalesce(e.fullName, e.name) AS name,\n       coalesce(e.aliases, []) AS aliases, e.date AS date,\n       [x IN collect({doc: d.id, starts: m.starts, ends: m.ends}) WHERE x.doc IS NOT NULL] AS mentions\nORDER BY id";
export declare const READ_RELATIONS = "MATCH (a:Entity)-[r]->(b:Entity)\nRETURN type(r) AS type, coalesce(a.fullId, a.id) AS source, coalesce(b.fullId, b.id) AS target, r.date AS date, r.role AS role,\n       r.confidence AS confidence, r.evidenceDocs AS docs, r.evidenceSentences AS sentences,\n       r.evidenceStarts AS starts, r.evidenceEnds AS ends, r.evidenceConfidences AS confidences\nORDER BY type, source, target";
export declare const COUNT_DOCUMENTS = "MATCH (d:Document) RETURN count(d) AS n";
export declare const COUNT_ENTITIES = "MATCH (e:Entity) RETURN e.type AS type, count(e) AS n ORDER BY type";
export declare const COUNT_RELATIONS = "MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS type, count(r) AS n ORDER BY type";
export declare const COUNT_MENTIONS = "MATCH (:Document)-[m:MENTIONS]->(:Entity) RETURN count(m) AS n";
export declare const COUNT_PROVENANCE = "MATCH (:Entity)-[r]->(:Entity) RETURN coalesce(sum(size(r.evidenceDocs)), 0) AS n";
/** Upserts a batch's Document nodes; returns the entities they mentioned before (orphan candidates). */
export declare const UPSERT_DOCUMENTS = "CYPHER replan=skip\nUNWIND $docs AS doc\nMERGE (d:Document {id: doc.id})\nSET d.fullId = doc.fullId, d.url = doc.url, d.title = doc.title, d.source = doc.source,\n    d.publishedAt = doc.publishedAt, d.contentHash = doc.contentHash, d.ingestedAt = $ingestedAt,\n    d.warnings = CASE WHEN size(doc.warnings) > 0 THEN doc.warnings END\nWITH d\nOPTIONAL MATCH (d)-[:MENTIONS]->(e:Entity)\nRETURN collect(DISTINCT e.id) AS previous";
/**
 * Takes the documents' entries out of the provenance of every relationship
 * they support: each entity the documents mention is expanded once, and the
 * entries of all of them leave every relationship they support. A document
 * mentions both ends of every relationship it supports, so following each
 * mentioned entity's outgoing relationships finds each of them exactly once
 * (from its source).
 *
 * A relationship left with no entry is not deleted here but emptied (date and
 * role too, as they came from its entries) and its element id returned: the
 * documents' new version usually states it again, and refilling it costs
 * less than deleting and creating it (a reload of every document ran ~15%
 * faster on a warm server), and the relationship keeps its identity.
 * DELETE_UNSUPPORTED deletes those still empty at the end of the transaction.
 */
export declare const RETRACT_PROVENANCE_BATCH: string;
/** Deletes the relationships RETRACT_PROVENANCE_BATCH emptied that nothing supports again since. */
export declare const DELETE_UNSUPPORTED = "CYPHER replan=skip\nUNWIND $ids AS id\nMATCH ()-[r]->()\nWHERE elementId(r) = id AND size(r.evidenceDocs) = 0\nDELETE r\nRETURN count(*) AS deleted";
export declare const DELETE_MENTIONS_BATCH = "CYPHER replan=skip\nUNWIND $docIds AS docId\nMATCH (:Document {id: docId})-[m:MENTIONS]->()\nDELETE m";
/**
 * The names the documents' MENTIONS gave their entities, read before they are
 * deleted (GraphStore.writeBatch): an entity that may have lost an alias
 * with them gets its aliases recomputed (RECOMPUTE_ALIASES). `legacy`: a
 * MENTIONS written before names were kept on it, whose names are unknown.
 */
export declare const RETRACTED_FORMS = "CYPHER replan=skip\nUNWIND $docIds AS docId\nMATCH (:Document {id: docId})-[m:MENTIONS]->(e:Entity)\nWITH e, m WHERE m.forms IS NULL OR size(m.forms) > 0\nRETURN e.id AS id, reduce(acc = [], l IN collect(coalesce(m.forms, [])) | acc + l) AS forms, count(m) > count(m.forms) AS legacy";
/**
 * An entity's aliases from what the graph's documents say now: its registry
 * aliases and the names on its MENTIONS, its name excepted. While a MENTIONS
 * written before names were kept on it remains, the aliases it had are kept
 * (they may be that document's).
 */
export declare const RECOMPUTE_ALIASES = "CYPHER replan=skip\nUNWIND $ids AS id\nMATCH (e:Entity {id: id})\nOPTIONAL MATCH (:Document)-[m:MENTIONS]->(e)\nWITH e, collect(m.forms) AS lists, count(m) > count(m.forms) AS legacy\nWITH e, coalesce(e.baseAliases, []) + CASE WHEN legacy THEN coalesce(e.aliases, []) ELSE [] END\n       + reduce(acc = [], l IN lists | acc + l) AS names, coalesce(e.fullName, e.name) AS own\nSET e.aliases = reduce(acc = [], x IN names | CASE WHEN x IN acc OR x = own THEN acc ELSE acc + x END)\nRETURN count(*) AS n";
/**
 * MENTIONS of many documents, columns as for RELATION_UPSERT: each row a list
 * [document key, entity id, from, to, formsFrom, formsTo] naming its slice of
 * $starts and $ends, and of $forms (the names the document gives the entity).
 * CREATE, not MERGE: the batch's documents lost all their MENTIONS earlier in
 * the same transaction, and the rows hold one per (document, entity).
 */
export declare const CREATE_MENTIONS_BATCH = "CYPHER replan=skip\nUNWIND $rows AS row\nMATCH (d:Document {id: row[0]})\nMATCH (e:Entity {id: row[1]})\nCREATE (d)-[:MENTIONS {starts: [x IN $starts[row[2]..row[3]] | toInteger(x)], ends: [x IN $ends[row[2]..row[3]] | toInteger(x)], count: row[3] - row[2],\n  forms: $forms[row[4]..row[5]]}]->(e)\nRETURN count(*) AS n";
/**
 * The first statement of every write transaction of a lock holder: the lock
 * must still be its own (else the transaction is rolled back: LockLostError),
 * and is renewed. It locks the Lock node, so a takeover waits for the
 * transaction to end.
 */
export declare const FENCE = "MATCH (l:Lock {id: $id}) WHERE l.owner = $owner\nSET l.expiresAt = $expiresAt, l.expiresAtIso = $expiresAtIso\nRETURN count(l) AS n";
