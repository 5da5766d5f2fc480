// Every Cypher statement the loader runs. Labels and relationship types cannot
// be query parameters, so the per-type statements are built once, here, from
// the fixed zod enums (ENTITY_TYPES, RELATION_TYPES) — never from data. All
// values travel as parameters.
import { ENTITY_TYPES, RELATION_TYPES, type EntityType, type RelationType } from '../model/schemas.ts';

/** Ontology date property per entity type, besides the generic `date`. */
export const DATE_PROPERTY: Partial<Record<EntityType, string>> = {
  Summit: 'startDate',
  Agreement: 'date',
  Institute: 'established',
  Organization: 'established',
};

/**
 * Before every write statement. Neo4j plans a query again once the graph's
 * statistics have drifted from those it was planned with, and a load makes
 * them drift all the time: every batch's statements were planned, their
 * expressions compiled to bytecode and JIT-compiled anew (a third of the
 * server's time in a profile of repeated loads). Each of these statements
 * starts from a uniqueness-constraint index seek, whatever the statistics,
 * so the cached plan is kept.
 */
const WRITE_OPTIONS = 'CYPHER replan=skip\n';

/** The list deduplicated, first occurrences kept in order. */
const distinct = (list: string) => `reduce(acc = [], x IN ${list} | CASE WHEN x IN acc THEN acc ELSE acc + x END)`;
const maxOf = (list: string) => `reduce(m = 0.0, c IN ${list} | CASE WHEN c > m THEN c ELSE m END)`;

function entityUpsert(type: EntityType): string {
  const others = ENTITY_TYPES.filter((t) => t !== type).join(':');
  const dateProp = DATE_PROPERTY[type];
  const extraDate = dateProp && dateProp !== 'date' ? `,\n    e.${dateProp} = coalesce(row.date, e.${dateProp})` : '';
  return `${WRITE_OPTIONS}UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e:${type}
REMOVE e:${others}
SET e.type = row.type,
    e.name = row.name,
    e.fullName = row.fullName,
    e.fullId = row.fullId,
    e.aliases = ${distinct('coalesce(e.aliases, []) + row.aliases')},
    e.nameKey = row.nameKey,
    e.formKeys = ${distinct('coalesce(e.formKeys, []) + row.formKeys')},
    e.baseAliases = CASE WHEN size(row.base) > 0 THEN row.base END,
    e.date = coalesce(row.date, e.date)${extraDate}`;
}

/**
 * RELATION_UPSERT's parameters are columns, not nested rows: the driver packs
 * a value at a time and every list costs as much as many numbers, so the
 * provenance entries of all rows travel as six flat lists ($docs, $sentences,
 * $starts, $ends, $confidences, $methods) and a row names its slice of them. Offsets
 * travel as plain numbers (a JS number is sent as a float) and become
 * integers here. Positions of a row (a list, cheaper than a map), built by
 * relationColumns (src/load/index.ts):
 */
export const REL = { source: 0, target: 1, from: 2, to: 3, date: 4, role: 5, confidence: 6 } as const;

function relationUpsert(type: RelationType): string {
  // Provenance: parallel lists, one entry per (document, sentence span). The
  // documents' earlier entries were retracted in the same transaction, so
  // appending never duplicates. A new relationship takes its properties as
  // one map (confidence computed by the loader); an existing one appends.
  // No list of distinct documents beside evidenceDocs: a second string list
  // per relationship cost ~15% of the load (an array record each). Graphs
  // written before still have one: a relationship whose provenance changes
  // loses it (here and in the retraction), so it never goes stale.
  // evidenceMethods (Evidence.method) is set before evidenceDocs grows: a
  // relationship written before methods were kept gets 'unknown' for each
  // older entry (a property list cannot hold nulls), so the lists stay parallel.
  const c = (k: keyof typeof REL) => `row[${REL[k]}]`;
  const slice = (column: string) => `$${column}[${c('from')}..${c('to')}]`;
  const ints = (column: string) => `[x IN ${slice(column)} | toInteger(x)]`;
  return `${WRITE_OPTIONS}UNWIND $rows AS row
MATCH (a:Entity {id: ${c('source')}})
MATCH (b:Entity {id: ${c('target')}})
MERGE (a)-[r:${type}]->(b)
ON CREATE SET r += {confidence: ${c('confidence')},
    evidenceSentences: ${slice('sentences')}, evidenceStarts: ${ints('starts')}, evidenceEnds: ${ints('ends')},
    evidenceConfidences: ${slice('confidences')}, evidenceDocs: ${slice('docs')}, evidenceMethods: ${slice('methods')},
    date: ${c('date')}, role: ${c('role')}}
ON MATCH SET r.documents = null,
    r.evidenceMethods = coalesce(r.evidenceMethods, [x IN coalesce(r.evidenceDocs, []) | 'unknown']) + ${slice('methods')},
    r.confidence = CASE WHEN r.confidence > ${c('confidence')} THEN r.confidence ELSE ${c('confidence')} END,
    r.evidenceSentences = coalesce(r.evidenceSentences, []) + ${slice('sentences')},
    r.evidenceStarts = coalesce(r.evidenceStarts, []) + ${ints('starts')},
    r.evidenceEnds = coalesce(r.evidenceEnds, []) + ${ints('ends')},
    r.evidenceConfidences = coalesce(r.evidenceConfidences, []) + ${slice('confidences')},
    r.evidenceDocs = coalesce(r.evidenceDocs, []) + ${slice('docs')},
    r.date = coalesce(${c('date')}, r.date),
    r.role = coalesce(${c('role')}, r.role)`;
}

export const ENTITY_UPSERT: Record<EntityType, string> = Object.fromEntries(ENTITY_TYPES.map((t) => [t, entityUpsert(t)])) as Record<EntityType, string>;

export const RELATION_UPSERT: Record<RelationType, string> = Object.fromEntries(RELATION_TYPES.map((t) => [t, relationUpsert(t)])) as Record<
  RelationType,
  string
>;

export const PREVIOUS_ENTITIES = `MATCH (d:Document {id: $docId})
OPTIONAL MATCH (d)-[:MENTIONS]->(e:Entity)
RETURN collect(e.id) AS previous`;

/** Entities no document mentions any more (so no relationship of theirs has provenance left). */
export const DELETE_ORPHANS = `${WRITE_OPTIONS}UNWIND $ids AS id
MATCH (e:Entity {id: id})
WHERE NOT EXISTS { (:Document)-[:MENTIONS]->(e) }
DETACH DELETE e
RETURN count(*) AS deleted`;

/** Its MENTIONS are gone by then; DETACH for the DUPLICATE_OF links of its copies (src/load/duplicates.ts). */
export const DELETE_DOCUMENT = `MATCH (d:Document {id: $docId})
DETACH DELETE d`;

export const KNOWN_ENTITIES = `MATCH (e:Entity)
RETURN coalesce(e.fullId, e.id) AS id, e.type AS type, coalesce(e.fullName, e.name) AS name,
       coalesce(e.aliases, []) AS aliases, e.date AS date
ORDER BY id`;

export const DOCUMENT_HASHES = `UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN coalesce(d.fullId, d.id) AS id, d.contentHash AS contentHash`;

export const READ_DOCUMENTS = `MATCH (d:Document)
RETURN d.id AS key, coalesce(d.fullId, d.id) AS id, d.source AS source, d.url AS url, d.title AS title,
       d.publishedAt AS publishedAt, d.contentHash AS contentHash
ORDER BY id`;

export const READ_ENTITIES = `MATCH (e:Entity)
OPTIONAL MATCH (d:Document)-[m:MENTIONS]->(e)
WITH e, d, m ORDER BY d.id
RETURN coalesce(e.fullId, e.id) AS id, e.type AS type, coalesce(e.fullName, e.name) AS name,
       coalesce(e.aliases, []) AS aliases, e.date AS date,
       [x IN collect({doc: d.id, starts: m.starts, ends: m.ends}) WHERE x.doc IS NOT NULL] AS mentions
ORDER BY id`;

export const READ_RELATIONS = `MATCH (a:Entity)-[r]->(b:Entity)
RETURN type(r) AS type, coalesce(a.fullId, a.id) AS source, coalesce(b.fullId, b.id) AS target, r.date AS date, r.role AS role,
       r.confidence AS confidence, r.evidenceDocs AS docs, r.evidenceSentences AS sentences,
       r.evidenceStarts AS starts, r.evidenceEnds AS ends, r.evidenceConfidences AS confidences, r.evidenceMethods AS methods
ORDER BY type, source, target`;

export const COUNT_DOCUMENTS = 'MATCH (d:Document) RETURN count(d) AS n';
export const COUNT_ENTITIES = 'MATCH (e:Entity) RETURN e.type AS type, count(e) AS n ORDER BY type';
export const COUNT_RELATIONS = 'MATCH (:Entity)-[r]->(:Entity) RETURN type(r) AS type, count(r) AS n ORDER BY type';
export const COUNT_MENTIONS = 'MATCH (:Document)-[m:MENTIONS]->(:Entity) RETURN count(m) AS n';
export const COUNT_PROVENANCE = 'MATCH (:Entity)-[r]->(:Entity) RETURN coalesce(sum(size(r.evidenceDocs)), 0) AS n';

// ---- Batches: the same statements over the rows of many documents, one
// transaction per batch (see GraphStore.writeDocuments). ----

/** Upserts a batch's Document nodes; returns the entities they mentioned before (orphan candidates). */
export const UPSERT_DOCUMENTS = `${WRITE_OPTIONS}UNWIND $docs AS doc
MERGE (d:Document {id: doc.id})
SET d.fullId = doc.fullId, d.url = doc.url, d.title = doc.title, d.source = doc.source,
    d.publishedAt = doc.publishedAt, d.contentHash = doc.contentHash, d.ingestedAt = $ingestedAt,
    d.warnings = CASE WHEN size(doc.warnings) > 0 THEN doc.warnings END, d.text = doc.text
WITH d
OPTIONAL MATCH (d)-[:MENTIONS]->(e:Entity)
RETURN collect(DISTINCT e.id) AS previous`;

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
export const RETRACT_PROVENANCE_BATCH = `${WRITE_OPTIONS}UNWIND $docIds AS docId
MATCH (:Document {id: docId})-[:MENTIONS]->(e:Entity)
WITH DISTINCT e
MATCH (e)-[r]->(:Entity)
WHERE any(x IN r.evidenceDocs WHERE x IN $docIds)
WITH DISTINCT r
WITH r, [i IN range(0, size(r.evidenceDocs) - 1) WHERE NOT r.evidenceDocs[i] IN $docIds] AS keep
SET r.evidenceMethods = CASE WHEN r.evidenceMethods IS NULL THEN null ELSE [i IN keep | r.evidenceMethods[i]] END,
    r.evidenceSentences = [i IN keep | r.evidenceSentences[i]],
    r.evidenceStarts = [i IN keep | r.evidenceStarts[i]],
    r.evidenceEnds = [i IN keep | r.evidenceEnds[i]],
    r.evidenceConfidences = [i IN keep | r.evidenceConfidences[i]],
    r.evidenceDocs = [i IN keep | r.evidenceDocs[i]]
WITH r, size(r.evidenceDocs) = 0 AS emptied
SET r.confidence = ${maxOf('r.evidenceConfidences')}, r.documents = null,
    r.date = CASE WHEN emptied THEN null ELSE r.date END,
    r.role = CASE WHEN emptied THEN null ELSE r.role END
RETURN collect(CASE WHEN emptied THEN elementId(r) END) AS emptied`;

/** Deletes the relationships RETRACT_PROVENANCE_BATCH emptied that nothing supports again since. */
export const DELETE_UNSUPPORTED = `${WRITE_OPTIONS}UNWIND $ids AS id
MATCH ()-[r]->()
WHERE elementId(r) = id AND size(r.evidenceDocs) = 0
DELETE r
RETURN count(*) AS deleted`;

export const DELETE_MENTIONS_BATCH = `${WRITE_OPTIONS}UNWIND $docIds AS docId
MATCH (:Document {id: docId})-[m:MENTIONS]->()
DELETE m`;

/**
 * The names the documents' MENTIONS gave their entities, read before they are
 * deleted (GraphStore.writeBatch): an entity that may have lost an alias
 * with them gets its aliases recomputed (RECOMPUTE_ALIASES). `legacy`: a
 * MENTIONS written before names were kept on it, whose names are unknown.
 */
export const RETRACTED_FORMS = `${WRITE_OPTIONS}UNWIND $docIds AS docId
MATCH (:Document {id: docId})-[m:MENTIONS]->(e:Entity)
WITH e, m WHERE m.forms IS NULL OR size(m.forms) > 0
RETURN e.id AS id, reduce(acc = [], l IN collect(coalesce(m.forms, [])) | acc + l) AS forms, count(m) > count(m.forms) AS legacy`;

/**
 * An entity's aliases from what the graph's documents say now: its registry
 * aliases and the names on its MENTIONS, its name excepted. While a MENTIONS
 * written before names were kept on it remains, the aliases it had are kept
 * (they may be that document's).
 */
export const RECOMPUTE_ALIASES = `${WRITE_OPTIONS}UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (:Document)-[m:MENTIONS]->(e)
WITH e, collect(m.forms) AS lists, count(m) > count(m.forms) AS legacy
WITH e, coalesce(e.baseAliases, []) + CASE WHEN legacy THEN coalesce(e.aliases, []) ELSE [] END
       + reduce(acc = [], l IN lists | acc + l) AS names, coalesce(e.fullName, e.name) AS own
SET e.aliases = reduce(acc = [], x IN names | CASE WHEN x IN acc OR x = own THEN acc ELSE acc + x END)
RETURN count(*) AS n`;

/**
 * MENTIONS of many documents, columns as for RELATION_UPSERT: each row a list
 * [document key, entity id, from, to, formsFrom, formsTo] naming its slice of
 * $starts and $ends, and of $forms (the names the document gives the entity).
 * CREATE, not MERGE: the batch's documents lost all their MENTIONS earlier in
 * the same transaction, and the rows hold one per (document, entity).
 */
export const CREATE_MENTIONS_BATCH = `${WRITE_OPTIONS}UNWIND $rows AS row
MATCH (d:Document {id: row[0]})
MATCH (e:Entity {id: row[1]})
CREATE (d)-[:MENTIONS {starts: [x IN $starts[row[2]..row[3]] | toInteger(x)], ends: [x IN $ends[row[2]..row[3]] | toInteger(x)], count: row[3] - row[2],
  forms: $forms[row[4]..row[5]]}]->(e)
RETURN count(*) AS n`;

/**
 * The first statement of every write transaction of a lock holder: the lock
 * must still be its own (else the transaction is rolled back: LockLostError),
 * and is renewed. It locks the Lock node, so a takeover waits for the
 * transaction to end.
 */
export const FENCE = `MATCH (l:Lock {id: $id}) WHERE l.owner = $owner
SET l.expiresAt = $expiresAt, l.expiresAtIso = $expiresAtIso
RETURN count(l) AS n`;
