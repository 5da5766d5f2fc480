// The loader: the only module (with src/server) that talks to Neo4j. Writes a
// resolved Graph in batches of documents, one transaction per batch, reads it back as the JSON
// export, and keeps the bookkeeping of refreshes (Run nodes, the writer lock).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { isRetryableError, type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { EvidenceMethod, Graph, type EntityType, type RelationType } from '../model/schemas.ts';
import type { KnownEntity } from '../resolve/index.ts';
import { authFor, type Connection } from '../server/index.ts';
import { backfillLookupKeys, withNameKeys } from './candidates.ts';
import * as Q from './cypher.ts';
import { fullValue, storageKey } from './keys.ts';
import { batchRows, batchWeight, sliceByDocument, type BatchRows, type DocumentFacts, type RelationRow } from './slice.ts';
import { redactUrl } from '../util/redact.ts';

export { batchRows, sliceByDocument, type DocumentFacts, type RelationRow } from './slice.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SCHEMA_FILE = path.join(ROOT, 'graph', 'schema.cypher');
/** Rows per statement inside a transaction. */
const BATCH = 5000;

/** The statements of graph/schema.cypher (comments dropped). */
export function schemaStatements(file = SCHEMA_FILE): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => !l.trim().startsWith('//'))
    .join('\n')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Neo4j could not be reached, even after the driver's retries. */
/** Internal: an entity a batch skipped (written earlier in the sequence) is gone. */
class StaleEntitiesError extends Error {}

/** A write of a lock holder found the writer lock taken over by another writer: nothing of it was committed. */
export class LockLostError extends Error {
  constructor(owner: string) {
    super(
      `the graph lock was taken over by another writer while this one (${owner}) was not renewing it (frozen or starved past its expiry); this write was rolled back, stopping`,
    );
    this.name = 'LockLostError';
  }
}

/** The writer lock a store's writes are fenced with (see lock.ts). */
export interface Fence {
  lockId: string;
  owner: string;
  ttlMs: number;
}

export class Neo4jUnavailableError extends Error {
  constructor(uri: string, retrySeconds: number, cause: unknown) {
    super(`Neo4j at ${redactUrl(uri)} is unavailable (gave up after retrying for ${retrySeconds} s): ${(cause as Error).message}`);
    this.name = 'Neo4jUnavailableError';
  }
}

function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    /ECONNREFUSED|ECONNRESET|Connection was closed|Pool is closed/i.test((err as Error).message ?? '')
  );
}

export interface GraphCounts {
  documents: number;
  entities: Record<string, number>;
  relations: Record<string, number>;
  mentions: number;
  /** Provenance entries over all relationships. */
  provenance: number;
}

export const total = (byType: Record<string, number>) => Object.values(byType).reduce((a, b) => a + b, 0);

export interface WriteResult {
  id: string;
  entities: number;
  mentions: number;
  relations: number;
  dangling: number;
  /**
   * Entities deleted because no document mentions them any more, by the
   * document's transaction (a batch reports them on its first document, 0 on
   * the others, so the sum is right).
   */
  orphansDeleted: number;
}

/** How big a batch of documents (one transaction) may get. */
export interface BatchLimits {
  /** Documents per transaction (default 200). */
  maxDocs?: number;
  /** Relationship rows (provenance rows + MENTIONS) per transaction (default 10,000); a bigger document is a batch of its own. */
  maxRows?: number;
}

export interface BatchOptions extends BatchLimits {
  ingestedAt?: string;
  /** Before each transaction (also before the halves of a failed batch); throw to stop. */
  beforeBatch?: (batch: DocumentFacts[]) => void | Promise<void>;
  /** After each batch committed, with its documents' results (in order). */
  onWritten?: (results: WriteResult[], batch: DocumentFacts[]) => void | Promise<void>;
  /** A document that failed alone (not for Neo4j being unavailable); without it, the error is thrown. */
  onFailed?: (facts: DocumentFacts, err: unknown) => void | Promise<void>;
}

export const DEFAULT_BATCH = { maxDocs: 200, maxRows: 10_000 } as const;

/**
 * Cuts documents into batches, in order: at most maxDocs documents and
 * maxRows relationship rows each, and never the same document twice (a
 * repeated one starts a new batch, so the later version wins as it would
 * written one by one).
 */
export function planBatches(facts: DocumentFacts[], limits: BatchLimits = {}): DocumentFacts[][] {
  const maxDocs = Math.max(1, limits.maxDocs ?? DEFAULT_BATCH.maxDocs);
  const maxRows = Math.max(1, limits.maxRows ?? DEFAULT_BATCH.maxRows);
  const batches: DocumentFacts[][] = [];
  let current: DocumentFacts[] = [];
  let rows = 0;
  let keys = new Set<string>();
  for (const f of facts) {
    const w = batchWeight(f);
    if (current.length > 0 && (current.length >= maxDocs || rows + w > maxRows || keys.has(f.key))) {
      batches.push(current);
      current = [];
      rows = 0;
      keys = new Set();
    }
    current.push(f);
    rows += w;
    keys.add(f.key);
  }
  if (current.length) batches.push(current);
  return batches;
}

export interface StoreOptions {
  /** How long the driver keeps retrying a transaction (ms); KG_NEO4J_RETRY_MS, default 30 s. */
  maxRetryTimeMs?: number;
  /**
   * A driver the caller made (the library API's loadGraph): used instead of
   * one of the store's own, and not closed by close(). Create it with
   * { disableLosslessIntegers: true }: the store reads counts as numbers.
   */
  driver?: Driver;
}

export class GraphStore {
  readonly driver: Driver;
  readonly retryMs: number;
  /** Set while this store's process holds the writer lock: every write transaction then checks and renews it first. */
  fence: Fence | null = null;

  /** False when the caller gave the driver (StoreOptions.driver): close() leaves it open. */
  private readonly ownsDriver: boolean;

  constructor(
    readonly connection: Connection,
    options: StoreOptions = {},
  ) {
    this.retryMs = options.maxRetryTimeMs ?? Number(process.env.KG_NEO4J_RETRY_MS || 30_000);
    this.ownsDriver = !options.driver;
    this.driver =
      options.driver ??
      neo4j.driver(connection.uri, authFor(connection), {
        disableLosslessIntegers: true,
        // Units of work are retried by unitOfWork, within retryMs.
        maxTransactionRetryTime: 0,
        connectionTimeout: 5_000,
        connectionAcquisitionTimeout: 10_000,
        userAgent: 'ai-governance-kg',
      });
  }

  /** Opens and checks the connection: fails with a clear message if unreachable or refused. */
  static async open(connection: Connection, options: StoreOptions = {}): Promise<GraphStore> {
    const store = new GraphStore(connection, options);
    try {
      await store.driver.verifyConnectivity({ database: connection.database });
    } catch (err) {
      await store.close();
      const code = (err as { code?: string }).code ?? '';
      if (code.includes('Unauthorized'))
        throw new Error(`Neo4j at ${redactUrl(connection.uri)} refused user "${connection.user}": check NEO4J_USER / NEO4J_PASSWORD`);
      // Say where the address came from and the way back to the local server.
      const hint = connection.local
        ? ''
        : ' (NEO4J_URI points there): start that server, or unset NEO4J_URI to use the local one (`unset NEO4J_URI; kg neo4j start`)';
      throw new Error(`cannot reach Neo4j at ${redactUrl(connection.uri)}${hint}: ${(err as Error).message}`);
    }
    return store;
  }

  async close(): Promise<void> {
    if (this.ownsDriver) await this.driver.close();
  }

  session(mode: 'READ' | 'WRITE' = 'WRITE'): Session {
    return this.driver.session({
      database: this.connection.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
  }

  /** A write unit of work, retried by the driver; unreachable servers surface as Neo4jUnavailableError. */
  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.unitOfWork('WRITE', work);
  }

  async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    return this.unitOfWork('READ', work);
  }

  private async unitOfWork<T>(mode: 'READ' | 'WRITE', work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const fence = mode === 'WRITE' ? this.fence : null;
    const fenced = fence
      ? async (tx: ManagedTransaction) => {
          // Sent first (pipelined before the work's statements), checked before commit.
          const now = Date.now();
          const check = tx.run(Q.FENCE, {
            id: fence.lockId,
            owner: fence.owner,
            expiresAt: now + fence.ttlMs,
            expiresAtIso: new Date(now + fence.ttlMs).toISOString(),
          });
          const result = await work(tx);
          if (((await check).records[0]?.get('n') as number) !== 1) throw new LockLostError(fence.owner);
          return result;
        }
      : work;
    // Retried here, not by the driver: its exponential backoff overshoots the
    // window it is given (for 30 s it gave up after 31 to 56 s, a last delay
    // of 16 s +/- 20% jitter landing before or after the limit). Here no
    // attempt starts later than retryMs after the first failure, and delays
    // are capped, so giving up comes retryMs (plus one failing attempt) after
    // the server went away, as the message says.
    let firstFailure: number | null = null;
    let delay = 250;
    for (;;) {
      const session = this.session(mode);
      const tx = session.beginTransaction();
      try {
        const result = await fenced(tx as unknown as ManagedTransaction);
        await tx.commit();
        return result;
      } catch (err) {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        const unavailable = isUnavailable(err);
        if (!unavailable && !isRetryableError(err)) throw err;
        firstFailure ??= Date.now();
        const left = firstFailure + this.retryMs - Date.now();
        if (left <= 0) throw unavailable ? new Neo4jUnavailableError(this.connection.uri, this.retryMs / 1000, err) : err;
        await new Promise((r) => setTimeout(r, Math.min(delay, left)));
        delay = Math.min(delay * 2, 2000);
      } finally {
        await session.close().catch(() => {});
      }
    }
  }

  /** One auto-commit attempt, no retries: for bookkeeping that must not hold a run up. */
  async writeOnce(cypher: string, params: Record<string, unknown> = {}): Promise<number> {
    const session = this.session('WRITE');
    try {
      const res = await session.run(cypher, params);
      return res.records.length;
    } finally {
      await session.close().catch(() => {});
    }
  }

  /** Applies graph/schema.cypher (idempotent: IF NOT EXISTS), then waits for its indexes. */
  async applySchema(): Promise<void> {
    const statements = schemaStatements();
    const session = this.session('WRITE');
    try {
      // Already there (the usual case): nothing to do.
      const names = statements.map((st) => /^CREATE\s+(?:CONSTRAINT|(?:FULLTEXT\s+|TEXT\s+|RANGE\s+)?INDEX)\s+(\w+)/i.exec(st)?.[1]);
      const existing = new Set<string>();
      for (const q of ['SHOW CONSTRAINTS YIELD name RETURN name', 'SHOW INDEXES YIELD name RETURN name']) {
        for (const r of (await session.run(q)).records) existing.add(r.get('name') as string);
      }
      if (names.every((n) => n !== undefined && existing.has(n))) return;
      // Schema statements must run in their own (auto-commit) transactions.
      // Another run may be creating the same schema right now (two runs on a
      // fresh database): its index already there is ours too, and a deadlock
      // between the two creations is tried again.
      for (const statement of statements) await createSchemaItem(session, statement);
      await session.run('CALL db.awaitIndexes(300)');
      // A graph from before the lookup indexes: its entities and documents get their index terms.
      await backfillLookupKeys(this);
    } catch (err) {
      if (isUnavailable(err)) throw new Neo4jUnavailableError(this.connection.uri, 0, err);
      throw err;
    } finally {
      await session.close().catch(() => {});
    }
  }

  /** What resolution needs to reuse the graph's ids for a new document. */
  async knownEntities(): Promise<KnownEntity[]> {
    return this.read(async (tx) => {
      const res = await tx.run(Q.KNOWN_ENTITIES);
      return res.records.map((r) => ({
        id: r.get('id') as string,
        type: r.get('type') as EntityType,
        name: r.get('name') as string,
        aliases: r.get('aliases') as string[],
        date: (r.get('date') as string | null) ?? null,
      }));
    });
  }

  /** contentHash of each of these documents that the graph holds. */
  async documentHashes(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    return this.read(async (tx) => {
      const res = await tx.run(Q.DOCUMENT_HASHES, { ids: ids.map(storageKey) });
      return new Map(res.records.map((r) => [r.get('id') as string, r.get('contentHash') as string]));
    });
  }

  /**
   * Replaces one document's facts: its MENTIONS and its provenance entries go,
   * relationships and entities nothing supports any more go, then what the
   * document says now is written. One transaction: all of it or nothing.
   * (A batch of one: see writeDocuments.)
   */
  async writeDocument(facts: DocumentFacts, ingestedAt = new Date().toISOString()): Promise<WriteResult> {
    return (await this.writeDocuments([facts], ingestedAt))[0]!;
  }

  /**
   * Replaces the facts of a batch of documents in ONE transaction (retried by
   * the driver): all of them are written or none. Each statement UNWINDs the
   * rows of every document of the batch:
   *   1. upsert the Document nodes (and collect what they mentioned before),
   *   2. retract their old provenance entries and their MENTIONS,
   *   3. write entities, MENTIONS and relationships with provenance,
   *   4. delete the relationships and the entities nothing supports or
   *      mentions now.
   * The result is that of writing the documents one after the other (see
   * batchRows). The documents' ids must be distinct.
   */
  async writeDocuments(batch: DocumentFacts[], ingestedAt = new Date().toISOString()): Promise<WriteResult[]> {
    return this.writeBatch(batch, ingestedAt, null);
  }

  /**
   * writeDocuments, skipping entity rows this sequence of batches already
   * wrote unchanged (`entitiesWritten`: id -> the row as written, updated
   * after each commit). Writing such a row again changes nothing (same
   * labels and properties; aliases and date are already merged), so only the
   * entities that can have been deleted since (the batch's orphan
   * candidates) are forgotten after each batch.
   */
  private async writeBatch(
    batch: DocumentFacts[],
    ingestedAt: string,
    entitiesWritten: Map<string, string> | null,
    prepared: PreparedBatch = prepareBatch(batch),
    whileWriting?: () => void,
  ): Promise<WriteResult[]> {
    if (batch.length === 0) return [];
    const { rows, docs, mentionStatements } = prepared;
    const fresh: Array<[string, string]> = [];
    const entityStatements: Array<[string, Record<string, unknown>]> = [];
    for (const [type, all] of rows.entities) {
      const list = entitiesWritten
        ? all.filter((row) => {
            const signature = JSON.stringify(row);
            if (entitiesWritten.get(row.id) === signature) return false;
            fresh.push([row.id, signature]);
            return true;
          })
        : all;
      for (const part of chunks(list.map(withNameKeys))) if (part.length) entityStatements.push([Q.ENTITY_UPSERT[type], { rows: part }]);
    }
    // The statements in order (entities before the MENTIONS and relationships that need them).
    const statements = [...prepared.retractions, ...entityStatements, ...prepared.statements];
    const firstMention = prepared.retractions.length + entityStatements.length;
    let outcome: { orphansDeleted: number; previous: string[] };
    try {
      outcome = await this.write(async (tx) => {
        // Pipelined: the driver sends every statement without waiting for the
        // one before to finish; the server runs them in order, in this one
        // transaction. The first failure fails the transaction (and them all).
        const prev = tx.run(Q.UPSERT_DOCUMENTS, { docs, ingestedAt });
        const rest = statements.map(([q, params]) => tx.run(q, params));
        if (whileWriting) setImmediate(whileWriting);
        const [first, ...results] = await Promise.all([prev, ...rest]);
        const previous = (first!.records[0]?.get('previous') as string[]) ?? [];
        const emptied = (results[0]!.records[0]?.get('emptied') as string[]) ?? [];
        const lost = namesMaybeLost(
          results[1]!.records.map((r) => r.toObject() as RetractedForms),
          rows.entities,
        );
        if (entitiesWritten && fresh.length < rows.entityCount) {
          // An entity skipped as written earlier in this sequence must still be
          // there: every MENTIONS row finds its entity, else (someone deleted
          // it meanwhile) this transaction is rolled back and written again in full.
          for (const [i, n] of mentionStatements.entries()) {
            if ((results[firstMention + i]!.records[0]?.get('n') as number) !== n) throw new StaleEntitiesError();
          }
        }
        await deleteUnsupported(tx, emptied);
        const orphansDeleted = await deleteOrphans(tx, previous);
        await recomputeAliases(tx, lost);
        return { orphansDeleted, previous };
      });
    } catch (err) {
      if (!(err instanceof StaleEntitiesError) || !entitiesWritten) throw err;
      entitiesWritten.clear();
      return this.writeBatch(batch, ingestedAt, null, prepared);
    }
    const { orphansDeleted, previous } = outcome;
    if (entitiesWritten) {
      for (const [id, signature] of fresh) entitiesWritten.set(id, signature);
      for (const id of previous) entitiesWritten.delete(id);
    }
    return batch.map((f, i) => ({
      id: f.document.id,
      entities: [...f.entities.values()].reduce((a, l) => a + l.length, 0),
      mentions: f.mentions.length,
      relations: [...f.relations.values()].reduce((a, l) => a + l.length, 0),
      dangling: f.dangling,
      orphansDeleted: i === 0 ? orphansDeleted : 0,
    }));
  }

  /**
   * Writes documents in batches (BatchOptions), one transaction per batch,
   * in order. A batch the driver could not write after its retries for any
   * reason but Neo4j being unavailable is split in halves and written again,
   * down to single documents: a document that fails alone goes to onFailed
   * (or, without onFailed, the error is thrown); the others are written.
   * Neo4j unavailable: Neo4jUnavailableError is thrown (the batches written
   * before are complete, the failing one wrote nothing).
   */
  async writeInBatches(facts: DocumentFacts[], options: BatchOptions = {}): Promise<WriteResult[]> {
    const ingestedAt = options.ingestedAt ?? new Date().toISOString();
    const written: WriteResult[] = [];
    const entitiesWritten = new Map<string, string>();
    const planned = planBatches(facts, options);
    // The next planned batch's rows and parameters are built while the server
    // works on the current one (the client would otherwise sit idle then, and
    // the server while they are built).
    let next: PreparedBatch | null = null;
    const attempt = async (batch: DocumentFacts[], i = -1): Promise<void> => {
      await options.beforeBatch?.(batch);
      let results: WriteResult[];
      try {
        const prepared = next?.batch === batch ? next : prepareBatch(batch);
        const following = planned[i + 1];
        const prepareNext =
          i >= 0 && following
            ? () => {
                if (next?.batch !== following) next = prepareBatch(following);
              }
            : undefined;
        results = await this.writeBatch(batch, ingestedAt, entitiesWritten, prepared, prepareNext);
      } catch (err) {
        if (err instanceof Neo4jUnavailableError || err instanceof LockLostError) throw err;
        if (batch.length === 1) {
          if (!options.onFailed) throw err;
          await options.onFailed(batch[0]!, err);
          return;
        }
        const half = Math.ceil(batch.length / 2);
        await attempt(batch.slice(0, half));
        await attempt(batch.slice(half));
        return;
      }
      written.push(...results);
      await options.onWritten?.(results, batch);
    };
    for (const [i, batch] of planned.entries()) await attempt(batch, i);
    return written;
  }

  /** Writes a whole resolved Graph, in batches of documents (writeInBatches). */
  async loadGraph(graph: Graph, options: { onDocument?: (r: WriteResult) => void | Promise<void>; batch?: BatchLimits } = {}): Promise<WriteResult[]> {
    return this.writeInBatches(sliceByDocument(graph), {
      ...options.batch,
      onWritten: async (results) => {
        for (const r of results) await options.onDocument?.(r);
      },
    });
  }

  /** Retracts documents and everything only they support. Returns the ids that were in the graph. */
  async removeDocument(docId: string): Promise<boolean> {
    const id = storageKey(docId);
    return this.write(async (tx) => {
      const prev = await tx.run(Q.PREVIOUS_ENTITIES, { docId: id });
      const exists = await tx.run('MATCH (d:Document {id: $docId}) RETURN count(d) AS n', { docId: id });
      if ((exists.records[0].get('n') as number) === 0) return false;
      const previous = (prev.records[0]?.get('previous') as string[]) ?? [];
      const named = await tx.run(Q.RETRACTED_FORMS, { docIds: [id] });
      await retract(tx, id);
      await deleteOrphans(tx, previous);
      await recomputeAliases(
        tx,
        named.records.map((r) => r.get('id') as string),
      );
      await tx.run(Q.DELETE_DOCUMENT, { docId: id });
      return true;
    });
  }

  async counts(): Promise<GraphCounts> {
    return this.read(async (tx) => {
      const one = async (q: string) => ((await tx.run(q)).records[0]?.get('n') as number) ?? 0;
      const byType = async (q: string) => Object.fromEntries((await tx.run(q)).records.map((r) => [r.get('type') as string, r.get('n') as number]));
      return {
        documents: await one(Q.COUNT_DOCUMENTS),
        entities: await byType(Q.COUNT_ENTITIES),
        relations: await byType(Q.COUNT_RELATIONS),
        mentions: await one(Q.COUNT_MENTIONS),
        provenance: await one(Q.COUNT_PROVENANCE),
      };
    });
  }

  /** The whole graph as the JSON export (what `kg export` prints). */
  async readGraph(): Promise<Graph> {
    return this.read(async (tx) => {
      const docRecords = (await tx.run(Q.READ_DOCUMENTS)).records.map((r) => r.toObject() as { key: string; id: string } & Record<string, unknown>);
      const docId = new Map(docRecords.map((d) => [d.key, d.id]));
      const full = (key: string) => docId.get(key) ?? key;
      const docs = docRecords.map(({ key: _key, ...d }) => d);
      const entities = (await tx.run(Q.READ_ENTITIES)).records.map((r) => {
        const o = r.toObject() as {
          id: string;
          type: EntityType;
          name: string;
          aliases: string[];
          date: string | null;
          mentions: Array<{ doc: string; starts: number[] | null; ends: number[] | null }>;
        };
        return {
          // Sorted: the order names arrived in is history, not a fact.
          id: o.id,
          type: o.type,
          name: o.name,
          aliases: [...o.aliases].sort(),
          date: o.date ?? null,
          mentions: o.mentions.flatMap((m) => (m.starts ?? []).map((start, i) => ({ doc: full(m.doc), start, end: (m.ends ?? [])[i] }))),
        };
      });
      const relations = (await tx.run(Q.READ_RELATIONS)).records.map((r) => {
        const o = r.toObject() as {
          type: RelationType;
          source: string;
          target: string;
          date: string | null;
          role: string | null;
          confidence: number | null;
          docs: string[] | null;
          sentences: string[];
          starts: number[];
          ends: number[];
          confidences: number[];
          methods: Array<string | null> | null;
        };
        return {
          type: o.type,
          source: o.source,
          target: o.target,
          date: o.date ?? null,
          role: o.role ?? null,
          confidence: o.confidence ?? 0,
          evidence: (o.docs ?? []).map((doc, i) => ({
            doc: full(doc),
            sentence: o.sentences[i],
            start: o.starts[i],
            end: o.ends[i],
            confidence: o.confidences[i],
            // Entries written before methods were kept have none ('unknown'): the schema's default (sentence) stands in.
            ...(EvidenceMethod.safeParse(o.methods?.[i]).success ? { method: o.methods![i] } : {}),
          })),
        };
      });
      return Graph.parse({ documents: docs, entities, relations });
    });
  }
}

async function createSchemaItem(session: Session, statement: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await session.run(statement);
      return;
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (/AlreadyExists/i.test(code)) return;
      if (attempt < 10 && /Deadlock|TransientError/i.test(code)) {
        await new Promise((r) => setTimeout(r, 100 * (attempt + 1)));
        continue;
      }
      throw err;
    }
  }
}

async function retract(tx: ManagedTransaction, docId: string): Promise<void> {
  const res = await tx.run(Q.RETRACT_PROVENANCE_BATCH, { docIds: [docId] });
  await tx.run(Q.DELETE_MENTIONS_BATCH, { docIds: [docId] });
  await deleteUnsupported(tx, (res.records[0]?.get('emptied') as string[]) ?? []);
}

async function deleteUnsupported(tx: ManagedTransaction, ids: string[]): Promise<void> {
  if (ids.length) await tx.run(Q.DELETE_UNSUPPORTED, { ids });
}

interface RetractedForms {
  id: string;
  forms: string[];
  legacy: boolean;
}

/**
 * Entities that may have lost an alias when the batch's documents' old
 * MENTIONS went: a name the old version gave them that the batch does not
 * give them again (another document may still give it: RECOMPUTE_ALIASES
 * decides). Names the batch gives are already added by the entity upsert.
 */
function namesMaybeLost(retracted: RetractedForms[], entities: Map<EntityType, Array<{ id: string; aliases: string[] }>>): string[] {
  if (retracted.length === 0) return [];
  const given = new Map<string, string[]>();
  for (const rows of entities.values()) for (const row of rows) given.set(row.id, row.aliases);
  return retracted
    .filter((r) => {
      if (r.legacy) return true;
      const now = given.get(r.id);
      return !now || r.forms.some((f) => !now.includes(f));
    })
    .map((r) => r.id);
}

async function recomputeAliases(tx: ManagedTransaction, ids: string[]): Promise<void> {
  if (ids.length) await tx.run(Q.RECOMPUTE_ALIASES, { ids });
}

async function deleteOrphans(tx: ManagedTransaction, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const res = await tx.run(Q.DELETE_ORPHANS, { ids });
  return (res.records[0]?.get('deleted') as number) ?? 0;
}

/** A batch's rows and statement parameters, built once (pure): all but the entity rows, which depend on what the run wrote before. */
interface PreparedBatch {
  batch: DocumentFacts[];
  rows: BatchRows;
  docs: Array<Record<string, string | string[] | null>>;
  /** Retraction of the documents' old facts. */
  retractions: Array<[string, Record<string, unknown>]>;
  /** MENTIONS, then relationships. */
  statements: Array<[string, Record<string, unknown>]>;
  /** Rows of each MENTIONS statement (the first ones of `statements`). */
  mentionStatements: number[];
}

function prepareBatch(batch: DocumentFacts[]): PreparedBatch {
  const rows = batchRows(batch);
  const docs = batch.map((f) => {
    const doc = f.document;
    return {
      id: f.key,
      fullId: fullValue(doc.id, f.key),
      url: doc.url,
      title: doc.title,
      source: doc.source,
      publishedAt: doc.publishedAt,
      contentHash: doc.contentHash,
      warnings: doc.warnings ?? [],
      text: f.text ?? null,
    };
  });
  const retractions: PreparedBatch['retractions'] = [
    [Q.RETRACT_PROVENANCE_BATCH, { docIds: rows.keys }],
    [Q.RETRACTED_FORMS, { docIds: rows.keys }],
    [Q.DELETE_MENTIONS_BATCH, { docIds: rows.keys }],
  ];
  const statements: PreparedBatch['statements'] = [];
  const mentionStatements: number[] = [];
  for (const part of chunks(rows.mentions)) {
    mentionStatements.push(part.length);
    statements.push([Q.CREATE_MENTIONS_BATCH, mentionColumns(part)]);
  }
  for (const [type, list] of rows.relations) {
    // Rows in order of their source: consecutive rows reuse the node, its
    // lock and its index pages (~8% faster on the benchmark's graph).
    list.sort((x, y) => (x.source < y.source ? -1 : x.source > y.source ? 1 : 0));
    for (const part of chunks(list)) statements.push([Q.RELATION_UPSERT[type], relationColumns(part)]);
  }
  return { batch, rows, docs, retractions, statements, mentionStatements };
}

/**
 * RELATION_UPSERT's parameters for these rows: one list per row (positions in
 * Q.REL) naming its slice of the flat provenance columns, and the
 * confidence a new relationship takes (the highest of its entries, 0.0 for
 * none).
 */
export function relationColumns(rows: RelationRow[]): Record<string, unknown[]> {
  const docs: string[] = [];
  const sentences: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  const confidences: number[] = [];
  const methods: string[] = [];
  const list = rows.map((r) => {
    const from = docs.length;
    let confidence = 0;
    for (let i = 0; i < r.docs.length; i++) {
      docs.push(r.docs[i]!);
      sentences.push(r.sentences[i]!);
      starts.push(r.starts[i]!);
      ends.push(r.ends[i]!);
      confidences.push(r.confidences[i]!);
      methods.push(r.methods[i]!);
      if (r.confidences[i]! > confidence) confidence = r.confidences[i]!;
    }
    return [r.source, r.target, from, docs.length, r.date, r.role, confidence];
  });
  return { rows: list, docs, sentences, starts, ends, confidences, methods };
}

/** CREATE_MENTIONS_BATCH's parameters: rows [doc, entity, from, to, formsFrom, formsTo] over the flat $starts, $ends and $forms. */
export function mentionColumns(mentions: Array<{ doc: string; id: string; starts: number[]; ends: number[]; forms?: string[] }>): Record<string, unknown[]> {
  const starts: number[] = [];
  const ends: number[] = [];
  const forms: string[] = [];
  const rows = mentions.map((m) => {
    const from = starts.length;
    for (let i = 0; i < m.starts.length; i++) {
      starts.push(m.starts[i]!);
      ends.push(m.ends[i]!);
    }
    const formsFrom = forms.length;
    for (const f of m.forms ?? []) forms.push(f);
    return [m.doc, m.id, from, starts.length, formsFrom, forms.length];
  });
  return { rows, starts, ends, forms };
}

function* chunks<T>(rows: T[], size = BATCH): Generator<T[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
