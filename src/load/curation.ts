// Curation in the graph (src/curate/): analysts' decisions as (:Decision)
// nodes linked to the entities they are about (ABOUT), the documents a
// decision touches, the documents' stored text (what re-deriving them needs),
// and the one edit made in place: a rejected fact or piece of evidence.
// Relationship types cannot be parameters: the per-type statements are built
// from the fixed enum, never from data; all values are parameters.
import { RELATION_TYPES, type RelationType } from '../model/schemas.ts';
import type { Decision, EvidenceRef, FactRef } from '../model/decisions.ts';
import type { GraphStore } from './index.ts';
import { storageKey } from './keys.ts';
import { decisionEntities, describeDecision, factKey } from '../curate/apply.ts';

/** A decision as its node's properties (flat: Neo4j properties hold no maps). */
export interface DecisionRow {
  id: string;
  props: Record<string, string | string[] | null>;
  entities: string[];
}

const SYNC_DECISIONS = `UNWIND $rows AS row
MERGE (d:Decision {id: row.id})
SET d += row.props`;

const LINK_DECISIONS = `UNWIND $links AS link
MATCH (d:Decision {id: link[0]})
MATCH (e:Entity {id: link[1]})
MERGE (d)-[:ABOUT]->(e)`;

/** Writes (or updates) the decisions' nodes and links them to the entities they are about that the graph holds. */
export async function writeDecisionNodes(store: GraphStore, rows: DecisionRow[]): Promise<void> {
  if (rows.length === 0) return;
  const links = rows.flatMap((r) => r.entities.map((e) => [r.id, storageKey(e)]));
  await store.write(async (tx) => {
    await tx.run(SYNC_DECISIONS, { rows: rows.map(({ id, props }) => ({ id, props })) });
    if (links.length) await tx.run(LINK_DECISIONS, { links });
  });
}

/** The status of each decision node in the graph (active, withdrawn, withdrawal): what the graph has applied. */
export async function decisionStatuses(store: GraphStore): Promise<Map<string, string>> {
  const rows = await store.read(async (tx) => (await tx.run('MATCH (d:Decision) RETURN d.id AS id, d.status AS status')).records);
  return new Map(rows.map((r) => [r.get('id') as string, r.get('status') as string]));
}

/** Ids of the documents that mention any of these entities (all of them with `every`). */
export async function documentsMentioning(store: GraphStore, entityIds: string[], every = false): Promise<string[]> {
  if (entityIds.length === 0) return [];
  const q = every
    ? `MATCH (d:Document) WHERE all(id IN $ids WHERE EXISTS { (d)-[:MENTIONS]->(:Entity {id: id}) })
       RETURN coalesce(d.fullId, d.id) AS id ORDER BY id`
    : `UNWIND $ids AS id MATCH (d:Document)-[:MENTIONS]->(:Entity {id: id})
       RETURN DISTINCT coalesce(d.fullId, d.id) AS id ORDER BY id`;
  return store.read(async (tx) => (await tx.run(q, { ids: entityIds.map(storageKey) })).records.map((r) => r.get('id') as string));
}

export interface StoredDocument {
  id: string;
  source: string;
  url: string | null;
  title: string | null;
  publishedAt: string | null;
  contentHash: string;
  /** The cleaned text as loaded (null for a document loaded before texts were kept). */
  text: string | null;
  warnings: string[];
}

/** The Document nodes of these ids, with their stored text. */
export async function storedDocuments(store: GraphStore, ids: string[]): Promise<StoredDocument[]> {
  if (ids.length === 0) return [];
  return store.read(async (tx) =>
    (
      await tx.run(
        `UNWIND $ids AS id MATCH (d:Document {id: id})
     RETURN coalesce(d.fullId, d.id) AS id, d.source AS source, d.url AS url, d.title AS title, d.publishedAt AS publishedAt,
            d.contentHash AS contentHash, d.text AS text, coalesce(d.warnings, []) AS warnings`,
        { ids: ids.map(storageKey) },
      )
    ).records.map((r) => r.toObject() as StoredDocument),
  );
}

/** Entity ids (of these) the graph holds, with their type and name. */
export async function entitiesById(store: GraphStore, ids: string[]): Promise<Map<string, { id: string; type: string; name: string }>> {
  const rows = await store.read(async (tx) =>
    (
      await tx.run(
        `UNWIND $ids AS id MATCH (e:Entity {id: id})
     RETURN coalesce(e.fullId, e.id) AS id, e.type AS type, coalesce(e.fullName, e.name) AS name`,
        { ids: ids.map(storageKey) },
      )
    ).records.map((r) => r.toObject() as { id: string; type: string; name: string }),
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The relationship's evidence as stored (docs as full ids), or null when the graph does not hold it. */
export async function factEvidence(
  store: GraphStore,
  fact: FactRef,
): Promise<Array<{ doc: string; sentence: string; method: string | null; confidence: number }> | null> {
  const rows = await store.read(async (tx) =>
    (
      await tx.run(
        `MATCH (:Entity {id: $source})-[r:${checked(fact.type)}]->(:Entity {id: $target})
     UNWIND range(0, size(r.evidenceDocs) - 1) AS i
     OPTIONAL MATCH (d:Document {id: r.evidenceDocs[i]})
     RETURN coalesce(d.fullId, r.evidenceDocs[i]) AS doc, r.evidenceSentences[i] AS sentence,
            r.evidenceMethods[i] AS method, r.evidenceConfidences[i] AS confidence`,
        { source: storageKey(fact.source), target: storageKey(fact.target) },
      )
    ).records.map((r) => r.toObject() as { doc: string; sentence: string; method: string | null; confidence: number }),
  );
  if (rows.length) return rows;
  const exists = await store.read(
    async (tx) =>
      (
        await tx.run(`MATCH (:Entity {id: $source})-[r:${checked(fact.type)}]->(:Entity {id: $target}) RETURN count(r) AS n`, {
          source: storageKey(fact.source),
          target: storageKey(fact.target),
        })
      ).records[0]?.get('n') as number,
  );
  return exists ? [] : null;
}

function checked(type: RelationType): RelationType {
  if (!RELATION_TYPES.includes(type)) throw new Error(`not a relationship type: ${type}`);
  return type;
}

/**
 * A rejected fact leaves the graph at once: the relationship, or the entries
 * of one document and sentence (the relationship with the last of them), the
 * evidence lists kept parallel as the loader's retraction keeps them.
 */
const rejectStatement = (type: RelationType) => `MATCH (:Entity {id: $source})-[r:${type}]->(:Entity {id: $target})
WITH r, CASE WHEN $doc IS NULL THEN [] ELSE
  [i IN range(0, size(r.evidenceDocs) - 1) WHERE NOT (r.evidenceDocs[i] = $doc AND ($sentence IS NULL OR r.evidenceSentences[i] = $sentence))] END AS keep
SET r.evidenceMethods = CASE WHEN r.evidenceMethods IS NULL THEN null ELSE [i IN keep | r.evidenceMethods[i]] END,
    r.evidenceSentences = [i IN keep | r.evidenceSentences[i]],
    r.evidenceStarts = [i IN keep | r.evidenceStarts[i]],
    r.evidenceEnds = [i IN keep | r.evidenceEnds[i]],
    r.evidenceConfidences = [i IN keep | r.evidenceConfidences[i]],
    r.evidenceDocs = [i IN keep | r.evidenceDocs[i]],
    r.confidence = reduce(m = 0.0, c IN [i IN keep | r.evidenceConfidences[i]] | CASE WHEN c > m THEN c ELSE m END)
WITH r, size(keep) AS left
FOREACH (_ IN CASE WHEN left = 0 THEN [1] ELSE [] END | DELETE r)
RETURN left`;

const REJECT: Record<RelationType, string> = Object.fromEntries(RELATION_TYPES.map((t) => [t, rejectStatement(t)])) as Record<RelationType, string>;

/** Applies a rejection to the live graph; returns the entries left (-1: the graph does not hold the relationship). */
export async function rejectInGraph(store: GraphStore, fact: FactRef, evidence: EvidenceRef | null): Promise<number> {
  return store.write(async (tx) => {
    const res = await tx.run(REJECT[checked(fact.type)], {
      source: storageKey(fact.source),
      target: storageKey(fact.target),
      doc: evidence ? storageKey(evidence.doc) : null,
      sentence: evidence?.sentence ?? null,
    });
    return res.records.length ? (res.records[0]!.get('left') as number) : -1;
  });
}

/** Decision -> node row: what it decided, flat, with the withdrawal that cancelled it (if any). */
export function decisionRows(all: readonly Decision[]): DecisionRow[] {
  const withdrawals = new Map<string, Decision>();
  for (const d of all) if (d.kind === 'withdraw') withdrawals.set(d.decision, d);
  return all.map((d) => {
    const w = withdrawals.get(d.id);
    const props: DecisionRow['props'] = {
      kind: d.kind,
      at: d.at,
      by: d.by,
      why: d.why,
      summary: describeDecision(d),
      entities: decisionEntities(d),
      fact: 'fact' in d ? factKey(d.fact) : null,
      evidenceDoc: d.kind === 'reject' ? (d.evidence?.doc ?? null) : null,
      evidenceSentence: d.kind === 'reject' ? (d.evidence?.sentence ?? null) : null,
      sentences: d.kind === 'reject' ? (d.sentences ?? null) : null,
      withdraws: d.kind === 'withdraw' ? d.decision : null,
      status: d.kind === 'withdraw' ? 'withdrawal' : w ? 'withdrawn' : 'active',
      withdrawnAt: w?.at ?? null,
      withdrawnBy: w?.by ?? null,
      withdrawnWhy: w?.why ?? null,
    };
    return { id: d.id, props, entities: decisionEntities(d) };
  });
}

// ---- The review queue's reads (src/curate/review.ts assembles them) ----

export interface FactRow {
  type: RelationType;
  source: string;
  sourceName: string;
  target: string;
  targetName: string;
  confidence: number;
  docs: string[];
  sentences: string[];
  methods: string[] | null;
  confidences: number[];
}

/** Relationships below the confidence, or whose every piece of evidence is inferred (not stated in a sentence). */
export async function factsToReview(store: GraphStore, minConfidence: number): Promise<FactRow[]> {
  return store.read(async (tx) =>
    (
      await tx.run(
        `MATCH (a:Entity)-[r]->(b:Entity)
     WHERE r.confidence < $min OR (size(coalesce(r.evidenceMethods, [])) > 0 AND none(m IN r.evidenceMethods WHERE m IN ['sentence', 'unknown']))
     RETURN type(r) AS type, coalesce(a.fullId, a.id) AS source, coalesce(a.fullName, a.name) AS sourceName,
            coalesce(b.fullId, b.id) AS target, coalesce(b.fullName, b.name) AS targetName, r.confidence AS confidence,
            [x IN r.evidenceDocs | coalesce(COLLECT { MATCH (d:Document {id: x}) RETURN d.fullId }[0], x)] AS docs,
            r.evidenceSentences AS sentences, r.evidenceMethods AS methods, r.evidenceConfidences AS confidences
     ORDER BY r.confidence, type, source, target`,
        { min: minConfidence },
      )
    ).records.map((r) => r.toObject() as FactRow),
  );
}

/** These relationships, where the graph holds them, as review rows. */
export async function factsByRef(store: GraphStore, facts: readonly FactRef[]): Promise<FactRow[]> {
  const out: FactRow[] = [];
  for (const f of facts) {
    const rows = await store.read(async (tx) =>
      (
        await tx.run(
          `MATCH (a:Entity {id: $source})-[r:${checked(f.type)}]->(b:Entity {id: $target})
     RETURN type(r) AS type, coalesce(a.fullId, a.id) AS source, coalesce(a.fullName, a.name) AS sourceName,
            coalesce(b.fullId, b.id) AS target, coalesce(b.fullName, b.name) AS targetName, r.confidence AS confidence,
            [x IN r.evidenceDocs | coalesce(COLLECT { MATCH (d:Document {id: x}) RETURN d.fullId }[0], x)] AS docs,
            r.evidenceSentences AS sentences, r.evidenceMethods AS methods, r.evidenceConfidences AS confidences`,
          { source: storageKey(f.source), target: storageKey(f.target) },
        )
      ).records.map((r) => r.toObject() as FactRow),
    );
    out.push(...rows);
  }
  return out;
}

export interface EntityRow {
  id: string;
  type: string;
  name: string;
  aliases: string[];
}

export async function allEntities(store: GraphStore): Promise<EntityRow[]> {
  return store.read(async (tx) =>
    (
      await tx.run(
        `MATCH (e:Entity) RETURN coalesce(e.fullId, e.id) AS id, e.type AS type, coalesce(e.fullName, e.name) AS name, coalesce(e.aliases, []) AS aliases ORDER BY id`,
      )
    ).records.map((r) => r.toObject() as EntityRow),
  );
}

/** Where an entity is mentioned: a document, and its text around the mention. */
export interface MentionRow {
  doc: string;
  /** The document's text around the first mention (null: no stored text or no offsets). */
  window: string | null;
  /** Where the mention starts in `window`. */
  at: number | null;
  /** A sentence of a relationship of the entity, when there is no text. */
  evidence: string | null;
}

export interface SingleDocumentRow extends EntityRow, MentionRow {}

// The text around an entity's first mention in document d (m: the MENTIONS), and a sentence of one of its facts.
const MENTION_COLUMNS = `WITH e, d, m, CASE WHEN size(coalesce(m.starts, [])) > 0 THEN m.starts[0] END AS start
     WITH e, d, m, start, CASE WHEN start IS NULL THEN null WHEN start < 400 THEN 0 ELSE start - 400 END AS from
     RETURN coalesce(e.fullId, e.id) AS id, e.type AS type, coalesce(e.fullName, e.name) AS name, coalesce(e.aliases, []) AS aliases,
            coalesce(d.fullId, d.id) AS doc,
            CASE WHEN d.text IS NULL OR start IS NULL THEN null ELSE substring(d.text, from, 1200) END AS window,
            CASE WHEN d.text IS NULL OR start IS NULL THEN null ELSE start - from END AS at,
            COLLECT { MATCH (e)-[r]-(:Entity) RETURN r.evidenceSentences[0] AS s LIMIT 1 }[0] AS evidence`;

/** Entities that one document alone mentions, with the text around their first mention. */
export async function singleDocumentEntities(store: GraphStore): Promise<SingleDocumentRow[]> {
  return store.read(async (tx) =>
    (
      await tx.run(
        `MATCH (e:Entity) WHERE COUNT { (:Document)-[:MENTIONS]->(e) } = 1
     MATCH (d:Document)-[m:MENTIONS]->(e)
     ${MENTION_COLUMNS}
     ORDER BY e.type, name`,
      )
    ).records.map((r) => r.toObject() as SingleDocumentRow),
  );
}

/** Each entity's first mention (in the document of smallest id), with the text around it. */
export async function firstMentions(store: GraphStore, ids: string[]): Promise<Map<string, MentionRow>> {
  if (ids.length === 0) return new Map();
  const rows = await store.read(async (tx) =>
    (
      await tx.run(
        `UNWIND $ids AS key MATCH (e:Entity {id: key})
     CALL { WITH e MATCH (d:Document)-[m:MENTIONS]->(e) RETURN d, m ORDER BY d.id LIMIT 1 }
     ${MENTION_COLUMNS}`,
        { ids: [...new Set(ids)].map(storageKey) },
      )
    ).records.map((r) => r.toObject() as SingleDocumentRow),
  );
  return new Map(rows.map(({ id, doc, window, at, evidence }) => [id, { doc, window, at, evidence }]));
}

/** Entities an analyst's reference names: an id, else a name or alias (any case). */
export async function findEntities(store: GraphStore, ref: string): Promise<EntityRow[]> {
  return store.read(async (tx) => {
    const byId = await tx.run(
      `MATCH (e:Entity) WHERE e.id = $key OR e.fullId = $ref
       RETURN coalesce(e.fullId, e.id) AS id, e.type AS type, coalesce(e.fullName, e.name) AS name, coalesce(e.aliases, []) AS aliases`,
      { key: storageKey(ref), ref },
    );
    if (byId.records.length) return byId.records.map((r) => r.toObject() as EntityRow);
    const byName = await tx.run(
      `MATCH (e:Entity) WHERE toLower(coalesce(e.fullName, e.name)) = toLower($ref) OR any(a IN coalesce(e.aliases, []) WHERE toLower(a) = toLower($ref))
       RETURN coalesce(e.fullId, e.id) AS id, e.type AS type, coalesce(e.fullName, e.name) AS name, coalesce(e.aliases, []) AS aliases
       ORDER BY id`,
      { ref },
    );
    return byName.records.map((r) => r.toObject() as EntityRow);
  });
}
