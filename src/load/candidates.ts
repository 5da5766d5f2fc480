// What a chunk of documents needs from the graph, and no more: the entities
// its names can resolve to and the documents its texts can be copies of.
// Reading the whole graph for every chunk made a run's memory and time per
// chunk grow with the graph (issue 14: 609 MB to 863 MB, 60 s to 430 s per
// chunk over 50,000 documents). Both lookups go through indexes
// (graph/schema.cypher) and return a superset of what resolution and the copy
// plan compare with, so either gives what it would against the whole graph:
//   entities  by the normal form of any of their names (exact), by their
//             name within MAX_FUZZY_EDITS edits (Lucene's fuzzy query, the
//             same bound resolution keeps; it expands to the 50 closest
//             terms, so among more than 50 names that near one, resolution
//             sees the closest), by the ids the chunk's names
//             would get, and every registry entity and every entity an
//             analyst's decision names;
//   documents by the chunk's own ids, by exact text hash, and by any shared
//             MinHash LSH band, verified in the query (Jaccard estimate at
//             least NEAR_DUPLICATE), so only real candidates travel.
import neo4j from 'neo4j-driver';
import { decisionEntities } from '../curate/apply.ts';
import type { Decision } from '../model/decisions.ts';
import type { DocumentExtraction, EntityType } from '../model/schemas.ts';
import { bandKeys, type Fingerprint, type KnownDocument, NEAR_DUPLICATE, SIGNATURE_SIZE } from '../pipeline/duplicates.ts';
import { registry } from '../registry/index.ts';
import { entityIdFor, FUZZY_THRESHOLD, type KnownEntity, MAX_FUZZY_EDITS } from '../resolve/index.ts';
import { nameKey } from '../resolve/normalize.ts';
import type { GraphStore } from './index.ts';
import { storageKey } from './keys.ts';

/** Lucene queries per statement: one per distinct name of the chunk. */
const QUERIES_PER_STATEMENT = 2000;

const ENTITY_FIELDS = `coalesce(e.fullId, e.id) AS id, e.type AS type, coalesce(e.fullName, e.name) AS name,
       coalesce(e.aliases, []) AS aliases, e.date AS date`;

const ENTITIES_BY_KEY = `UNWIND $queries AS q
CALL db.index.fulltext.queryNodes('entity_name_keys', q) YIELD node AS e
WITH DISTINCT e
RETURN ${ENTITY_FIELDS}`;

const ENTITIES_BY_ID = `UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN ${ENTITY_FIELDS}`;

/** Longest index term kept (Lucene refuses terms over 32 KB; a longer name is found by its first characters' exact form only). */
const MAX_TERM = 1000;
/** Longest term looked up within edits (a fuzzy query's cost grows with the term). */
const MAX_FUZZY_TERM = 255;

const term = (name: string) => nameKey(name).slice(0, MAX_TERM);

/** An entity row with the index terms of its names (entity_name_keys): its own name's, and every name's it has. */
export function withNameKeys<R extends { name: string; fullName: string | null; aliases: string[] }>(row: R): R & { nameKey: string; formKeys: string[] } {
  const name = row.fullName ?? row.name;
  return { ...row, nameKey: term(name), formKeys: [...new Set([name, ...row.aliases].map(term).filter(Boolean))] };
}

/**
 * The Lucene query for one name: any entity that has its normal form among
 * its names, or whose own name is within the edits a spelling variant may
 * take at this length (FUZZY_THRESHOLD), at most MAX_FUZZY_EDITS.
 * Keys are letters, digits and underscores (nameKey), so need no escaping.
 */
export function nameQuery(name: string): string | null {
  const key = term(name);
  if (!key) return null;
  if (key.length > MAX_FUZZY_TERM) return `formKeys:"${key}"`;
  // A variant of a name of length n is at most n / FUZZY_THRESHOLD long, and may be (1 - FUZZY_THRESHOLD) of that away.
  const edits = Math.min(MAX_FUZZY_EDITS, Math.floor(((1 - FUZZY_THRESHOLD) * key.length) / FUZZY_THRESHOLD + 1e-9));
  return edits > 0 ? `formKeys:"${key}" OR nameKey:${key}~${edits}` : `formKeys:"${key}"`;
}

/** The graph's entities the chunk's extractions can resolve to (see the top of this file). */
export async function knownEntitiesFor(
  store: GraphStore,
  extractions: readonly DocumentExtraction[],
  decisions: readonly Decision[] = [],
): Promise<KnownEntity[]> {
  const reg = registry();
  const queries = new Set<string>();
  // Decisions are few; the entities they name resolve by id.
  const ids = new Set<string>([...reg.byId.keys(), ...decisions.flatMap(decisionEntities)]);
  for (const x of extractions) {
    for (const e of x.entities) {
      for (const form of [e.name, ...e.aliases]) {
        const q = nameQuery(form);
        if (q) queries.add(q);
      }
      // A new entity's id, and the ids it would take past one held by an entity of another type.
      const id = entityIdFor(e.type as EntityType, e.name);
      ids.add(id).add(`${id}-x`).add(`${id}-x-x`);
    }
  }
  const rows = new Map<string, KnownEntity>();
  const take = (records: Array<{ get(key: string): unknown }>) => {
    for (const r of records) {
      const id = r.get('id') as string;
      rows.set(id, {
        id,
        type: r.get('type') as EntityType,
        name: r.get('name') as string,
        aliases: r.get('aliases') as string[],
        date: (r.get('date') as string | null) ?? null,
      });
    }
  };
  await store.read(async (tx) => {
    const all = [...queries];
    for (let i = 0; i < all.length; i += QUERIES_PER_STATEMENT) {
      take((await tx.run(ENTITIES_BY_KEY, { queries: all.slice(i, i + QUERIES_PER_STATEMENT) })).records);
    }
    take((await tx.run(ENTITIES_BY_ID, { ids: [...ids].map(storageKey) })).records);
  });
  // In id order, as the whole graph's were read: resolution takes the first of equally good matches.
  return [...rows.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const DOCUMENT_FIELDS = `coalesce(d.fullId, d.id) AS id, d.textHash AS textHash, coalesce(d.minhash, []) AS minhash, d.duplicateOf AS duplicateOf`;

const DOCUMENTS_BY_ID = `UNWIND $ids AS id
MATCH (d:Document {id: id}) WHERE d.textHash IS NOT NULL
RETURN ${DOCUMENT_FIELDS}`;

const FIRST_COPIES_BY_TEXT = `UNWIND $hashes AS h
MATCH (d:Document {textHash: h}) WHERE d.duplicateOf IS NULL
RETURN DISTINCT ${DOCUMENT_FIELDS}`;

/** First copies sharing a band with a probe and estimated at least $min similar to it. */
const FIRST_COPIES_BY_BAND = `UNWIND $probes AS p
CALL db.index.fulltext.queryNodes('document_lsh', p.query) YIELD node AS d
WITH p, d WHERE d.duplicateOf IS NULL AND size(d.minhash) = size(p.minhash)
  AND size([i IN range(0, size(p.minhash) - 1) WHERE d.minhash[i] = p.minhash[i]]) >= $min
WITH DISTINCT d
RETURN ${DOCUMENT_FIELDS}`;

function toKnownDocument(r: { get(key: string): unknown }): KnownDocument {
  return {
    id: r.get('id') as string,
    textHash: r.get('textHash') as string,
    minhash: (r.get('minhash') as unknown[]).map(Number),
    duplicateOf: (r.get('duplicateOf') as string | null) ?? null,
  };
}

/** The stored fingerprints of these documents (those the graph holds with one). */
export async function storedFingerprints(store: GraphStore, ids: readonly string[]): Promise<KnownDocument[]> {
  if (!ids.length) return [];
  return store.read(async (tx) => (await tx.run(DOCUMENTS_BY_ID, { ids: ids.map(storageKey) })).records.map(toKnownDocument));
}

/**
 * The graph's documents a chunk's copy plan needs: the chunk's own (their
 * stored fingerprints and whether they were copies; `own` when the caller
 * has read them already, with storedFingerprints) and the first copies any
 * of them can be a copy of.
 */
export async function knownDocumentsFor(
  store: GraphStore,
  docs: ReadonlyArray<{ id: string } & Fingerprint>,
  own?: readonly KnownDocument[],
): Promise<KnownDocument[]> {
  if (!docs.length) return [];
  const min = Math.ceil(NEAR_DUPLICATE * SIGNATURE_SIZE - 1e-9);
  const probes = docs
    .filter((d) => d.minhash.length)
    .map((d) => ({
      query: bandKeys(d.minhash)
        .map((t) => `"${t}"`)
        .join(' OR '),
      minhash: d.minhash,
    }));
  const found = new Map<string, KnownDocument>((own ?? []).map((k) => [k.id, k]));
  await store.read(async (tx) => {
    // The chunk's own first, as when they are given: the copy plan takes the first of equally similar first copies.
    const runs: Array<[string, Record<string, unknown>]> = own ? [] : [[DOCUMENTS_BY_ID, { ids: docs.map((d) => storageKey(d.id)) }]];
    runs.push([FIRST_COPIES_BY_TEXT, { hashes: [...new Set(docs.map((d) => d.textHash))] }]);
    for (let i = 0; i < probes.length; i += QUERIES_PER_STATEMENT)
      runs.push([FIRST_COPIES_BY_BAND, { probes: probes.slice(i, i + QUERIES_PER_STATEMENT), min }]);
    for (const [cypher, params] of runs) for (const r of (await tx.run(cypher, params)).records) found.set(r.get('id') as string, toKnownDocument(r));
  });
  return [...found.values()];
}

const ENTITIES_WITHOUT_KEYS = `MATCH (e:Entity) WHERE e.nameKey IS NULL
RETURN e.id AS key, e.name AS name, e.fullName AS fullName, coalesce(e.aliases, []) AS aliases LIMIT $limit`;
const SET_ENTITY_KEYS = `UNWIND $rows AS row
MATCH (e:Entity {id: row.key})
SET e.nameKey = row.nameKey, e.formKeys = row.formKeys`;
const DOCUMENTS_WITHOUT_KEYS = `MATCH (d:Document) WHERE d.minhash IS NOT NULL AND d.lshKeys IS NULL
RETURN d.id AS key, d.minhash AS minhash LIMIT $limit`;
const SET_DOCUMENT_KEYS = `UNWIND $rows AS row
MATCH (d:Document {id: row.key})
SET d.lshKeys = row.lshKeys`;

/** Pages of rows `select` finds, each turned into its update's row by `toRow`, until none is left. */
async function backfill(store: GraphStore, select: string, toRow: (r: { get(key: string): unknown }) => Record<string, unknown>, update: string, page: number) {
  const limit = neo4j.int(page);
  for (;;) {
    const rows = await store.read(async (tx) => (await tx.run(select, { limit })).records.map(toRow));
    if (!rows.length) return;
    await store.write((tx) => tx.run(update, { rows }));
  }
}

/**
 * Gives entities and documents written before these lookups existed their
 * index terms (once, when the schema gains the indexes), so a graph built by
 * an older version resolves and finds copies as one built now.
 */
export async function backfillLookupKeys(store: GraphStore, page = 10000): Promise<void> {
  await backfill(
    store,
    ENTITIES_WITHOUT_KEYS,
    (r) => {
      const { nameKey, formKeys } = withNameKeys({
        name: r.get('name') as string,
        fullName: r.get('fullName') as string | null,
        aliases: r.get('aliases') as string[],
      });
      return { key: r.get('key') as string, nameKey, formKeys };
    },
    SET_ENTITY_KEYS,
    page,
  );
  await backfill(
    store,
    DOCUMENTS_WITHOUT_KEYS,
    (r) => ({ key: r.get('key') as string, lshKeys: bandKeys((r.get('minhash') as unknown[]).map(Number)) }),
    SET_DOCUMENT_KEYS,
    page,
  );
}
