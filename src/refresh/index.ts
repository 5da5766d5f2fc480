// Runs of the whole pipeline against the graph: read -> clean -> (compare
// fingerprints) -> extract (on worker threads when there are many documents)
// -> resolve against the graph's entities -> write, in batches of documents
// (one transaction per batch), under the graph's one-writer lock, recorded as
// a (:Run) node.
//
//   mode 'full'     every document is extracted and its facts replaced
//                   (idempotent: loading the same documents twice changes nothing)
//   mode 'refresh'  documents whose cleaned text has the contentHash the graph
//                   already holds are skipped before extraction (the costly
//                   step); new and changed ones are extracted and replaced
import { readInputs, type ReadOptions } from '../ingest/index.ts';
import { Neo4jUnavailableError, type BatchLimits, type GraphStore, type WriteResult } from '../load/index.ts';
import { acquireLock, finishRun, startRun, type RunRecord } from '../load/runs.ts';
import type { CleanDocument, DocumentExtraction } from '../model/schemas.ts';
import { docBudgetMs, extractCleaned, Guard, type Workers } from '../pipeline/index.ts';
import { fingerprint, planCopies, type Fingerprint } from '../pipeline/duplicates.ts';
import { knownDocumentsFor, knownEntitiesFor, storedFingerprints } from '../load/candidates.ts';
import { markFirstCopies, writeCopies } from '../load/duplicates.ts';
import { decisionEntities, pendingDecisions, readDecisions, resetFor, type EntityReset } from '../curate/index.ts';
import { decisionRows, decisionStatuses, documentsMentioning, rejectInGraph, writeDecisionNodes } from '../load/curation.ts';
import type { Decision } from '../model/decisions.ts';

export type RunMode = 'full' | 'refresh';
export type DocumentStatus = 'new' | 'changed' | 'unchanged' | 'failed';

export type ProgressEvent =
  | { phase: 'read'; source: string; ok: boolean; error?: string }
  | { phase: 'plan'; total: number; toExtract: number; copies: number }
  | { phase: 'resolve'; documents: number }
  | { phase: 'extract'; id: string; ok: boolean }
  | { phase: 'write'; id: string; done: number; total: number }
  /** A syndicated copy, linked to its first copy instead of extracted. */
  | { phase: 'copy'; id: string; of: string };

export interface RunOptions {
  paths: string[];
  /** How inputs are read (stdin's id, size cap). */
  read?: ReadOptions;
  mode: RunMode;
  concurrency?: number;
  pipeline?: string | null;
  onProgress?: (e: ProgressEvent) => void;
  /** Worker threads for extraction: a number (0 = this thread) or 'auto' (default: a pool once there are many documents, see extractCleaned). */
  workers?: Workers;
  /** Documents and rows per write transaction (default DEFAULT_BATCH: 200 documents, 10,000 rows). */
  batch?: BatchLimits;
  /** Time budget per document's cleaning and extraction in ms (0: none); default docBudgetMs() (KG_DOC_BUDGET_S, 60 s). */
  budgetMs?: number;
  /** Documents read, extracted and written at a time (default DEFAULT_CHUNK_DOCS): what bounds the run's memory. */
  chunkDocs?: number;
  /** Called after each batch's transaction committed, with its documents (tests stop Neo4j here). */
  afterBatchWritten?: (results: WriteResult[]) => void | Promise<void>;
  /** Called for each document once its batch's transaction committed. */
  afterDocumentWritten?: (r: WriteResult) => void | Promise<void>;
  /** Analysts' decisions to apply (default: graph/curation/decisions.jsonl, see src/curate/). */
  decisions?: Decision[];
}

export interface RunSummary {
  run: RunRecord;
  mode: RunMode;
  /** Per input document id. */
  documents: Map<string, DocumentStatus>;
  /** Documents extracted (0 on an unchanged corpus in refresh mode). */
  extracted: number;
  written: WriteResult[];
  seconds: number;
}

/**
 * Documents per chunk. Above the pool's threshold (AUTO_THRESHOLD.cleaned,
 * 1,000), so a chunk of a large corpus is extracted on all cores.
 */
export const DEFAULT_CHUNK_DOCS = 2000;

const describe = (err: unknown) => (err as Error)?.message ?? String(err);

import { resolveForWrite } from './resolve-write.ts';
import { rederiveInRun } from './rederive.ts';

export { resolveForWrite, withWarnings } from './resolve-write.ts';

export async function runPipeline(store: GraphStore, options: RunOptions): Promise<RunSummary> {
  const t0 = Date.now();
  const progress = options.onProgress ?? (() => {});
  // Read first: a decisions file with a bad line stops the run before it writes anything.
  const decisions = options.decisions ?? readDecisions();
  await store.applySchema();
  const lock = await acquireLock(store, options.mode === 'refresh' ? 'refresh' : 'run');
  let run: RunRecord | null = null;
  // Long or markup-heavy documents are cleaned, and extracted, on a guard
  // thread that stops them at the time budget (see src/pipeline/guard.ts).
  const guard = new Guard(options.budgetMs ?? docBudgetMs(), options.workers !== 0);
  try {
    run = await startRun(store, options.mode, options.pipeline ?? null);
    const pending = pendingDecisions(decisions, await decisionStatuses(store));
    const statuses = new Map<string, DocumentStatus>();
    const fail = (source: string, error: string) => {
      run!.failed++;
      run!.errors.push(`${source}: ${error}`);
    };

    // Documents stream through in chunks of chunkDocs: read and clean a
    // chunk, compare fingerprints, extract, resolve against the graph's
    // entities, write; then the next. Memory is bounded by the chunk, not the
    // corpus (the whole corpus held at once took ~20 MB per 1,000 documents).
    // Loading in chunks gives the graph one load of everything gives (see
    // test/integration/equivalence.test.ts: loads in several steps); copies
    // are planned against the documents the graph holds, earlier chunks' too.
    const chunkDocs = Math.max(1, options.chunkDocs ?? DEFAULT_CHUNK_DOCS);
    const written: WriteResult[] = [];
    let extractedCount = 0;
    let workers: Workers = options.workers ?? 'auto';
    run.duplicates = 0;
    const processChunk = async (cleaned: CleanDocument[]) => {
      const stored = await store.documentHashes(cleaned.map((d) => d.id));
      // Syndicated copies (the same article under another URL) are not
      // extracted: each is linked to its first copy, whose facts count once.
      // Unchanged documents (same contentHash) reuse their stored fingerprints:
      // a no-change refresh shingles nothing and writes no fingerprint.
      const ownList = await storedFingerprints(
        store,
        cleaned.map((d) => d.id),
      );
      const own = new Map(ownList.map((k) => [k.id, k]));
      const fingerprints = new Map<string, Fingerprint>();
      const reused = new Set<string>();
      for (const doc of cleaned) {
        const k = own.get(doc.id);
        if (k && stored.get(doc.id) === doc.contentHash) reused.add(doc.id);
        fingerprints.set(doc.id, reused.has(doc.id) ? k! : fingerprint(doc.text));
      }
      // Only the first copies these documents can be copies of are read, not every document's fingerprint.
      const known = await knownDocumentsFor(
        store,
        cleaned.map((d) => ({ id: d.id, ...fingerprints.get(d.id)! })),
        ownList,
      );
      const plan = planCopies(cleaned, known, fingerprints);
      const wasCopy = new Set(known.filter((k) => k.duplicateOf !== null).map((k) => k.id));
      const todo: CleanDocument[] = [];
      for (const doc of cleaned) {
        const before = stored.get(doc.id);
        const status: DocumentStatus = before === undefined ? 'new' : before === doc.contentHash ? 'unchanged' : 'changed';
        statuses.set(doc.id, status);
        if (plan.copies.has(doc.id)) continue;
        // A copy whose first copy is gone is a first copy now: its facts are needed.
        if (status !== 'unchanged' || options.mode === 'full' || wasCopy.has(doc.id)) todo.push(doc);
      }
      run!.duplicates = (run!.duplicates ?? 0) + plan.copies.size;
      progress({ phase: 'plan', total: cleaned.length, toExtract: todo.length, copies: plan.copies.size });

      // Extraction: the costly step, only for what needs it; on a pool of
      // worker threads when there are many documents (extractCleaned decides).
      const bySource = new Map<string, CleanDocument>();
      for (const doc of todo) if (!bySource.has(doc.source)) bySource.set(doc.source, doc);
      const extracted = await extractCleaned(todo, {
        workers,
        budgetMs: guard.budgetMs,
        guard,
        concurrency: options.concurrency ?? 2,
        onDocument: (source, ok) => progress({ phase: 'extract', id: bySource.get(source)?.id ?? source, ok }),
      });
      // A corpus big enough for the pool once is big enough for the rest
      // of it (a last, smaller chunk would otherwise run in one thread).
      if (extracted.workers > 0) workers = extracted.workers;
      for (const doc of cleaned) guard.spentMs.delete(doc.id); // kept only until its extraction
      for (const f of extracted.failures) {
        const doc = bySource.get(f.source);
        if (doc) statuses.set(doc.id, 'failed');
        fail(f.source, `extraction failed: ${f.error}`);
      }
      const extractions: DocumentExtraction[] = extracted.extractions;
      extractedCount += extractions.length;

      if (extractions.length > 0) {
        // New documents reuse the ids of entities the graph already has.
        progress({ phase: 'resolve', documents: extractions.length });
        // Only the entities these documents' names can resolve to are read, not the whole graph's.
        const slices = resolveForWrite(extractions, await knownEntitiesFor(store, extractions, decisions), decisions);
        let done = 0;
        // Batches of documents, one transaction each: a batch is written whole
        // or not at all. Neo4j gone (after the retries) stops the run; the
        // next run completes. Anything else is narrowed down to the failing
        // document (writeInBatches splits the batch), which alone is failed.
        await store.writeInBatches(slices, {
          ...options.batch,
          ingestedAt: new Date().toISOString(),
          beforeBatch: () => {
            if (lock.lost) throw new Error('the graph lock was taken over by another writer (this run could not renew it in time); stopping');
          },
          onFailed: (facts, err) => {
            statuses.set(facts.document.id, 'failed');
            fail(facts.document.source, `write failed: ${describe(err)}`);
          },
          onWritten: async (results) => {
            await options.afterBatchWritten?.(results);
            for (const r of results) {
              written.push(r);
              progress({ phase: 'write', id: r.id, done: ++done, total: slices.length });
              await options.afterDocumentWritten?.(r);
            }
          },
        });
      }

      const ingestedAt = new Date().toISOString();
      const firsts = cleaned.filter(
        (d) => !plan.copies.has(d.id) && statuses.get(d.id) !== 'failed' && !(reused.has(d.id) && own.get(d.id)?.duplicateOf === null),
      );
      await markFirstCopies(
        store,
        firsts.map((d) => ({ id: d.id, ...plan.fingerprints.get(d.id)! })),
      );
      const copies = cleaned.filter((d) => plan.copies.has(d.id)).map((doc) => ({ doc, of: plan.copies.get(doc.id)!, fp: plan.fingerprints.get(doc.id)! }));
      await writeCopies(store, copies, ingestedAt, known);
      for (const c of copies) progress({ phase: 'copy', id: c.doc.id, of: c.of });
    };

    let cleaned: CleanDocument[] = [];
    for await (const item of readInputs(options.paths, options.read)) {
      if (!item.ok) {
        fail(item.failure.source, item.failure.error);
        progress({ phase: 'read', source: item.failure.source, ok: false, error: item.failure.error });
        continue;
      }
      try {
        const doc = await guard.clean(item.doc);
        if (statuses.has(doc.id)) throw new Error(`duplicate document id ${doc.id} (already read in this run)`);
        statuses.set(doc.id, 'unchanged');
        cleaned.push(doc);
        for (const w of doc.warnings) run.warnings.push(`${doc.source}: ${w}`);
        progress({ phase: 'read', source: item.doc.source, ok: true });
      } catch (err) {
        fail(item.doc.source, describe(err));
        progress({ phase: 'read', source: item.doc.source, ok: false, error: describe(err) });
      }
      if (cleaned.length >= chunkDocs) {
        const chunk = cleaned;
        cleaned = [];
        await processChunk(chunk);
      }
    }
    // The last chunk (or an empty one, so a run of nothing still reports its plan).
    if (cleaned.length > 0 || statuses.size === 0) await processChunk(cleaned);
    cleaned = [];

    for (const status of statuses.values()) if (status !== 'failed') run[status]++;
    // Decisions the graph has not applied yet (a decisions file pulled from
    // another clone): the documents they touch that this run did not write
    // are extracted again from their stored text.
    await catchUp(store, decisions, pending, new Set(written.map((w) => w.id)), run, lock);
    // The graph mirrors the decisions file (a graph built afresh gets them too), linked to the entities written now.
    await writeDecisionNodes(store, decisionRows(decisions));
    run.status = 'done';
    await finishRun(store, run);
    return { run, mode: options.mode, documents: statuses, extracted: extractedCount, written, seconds: (Date.now() - t0) / 1000 };
  } catch (err) {
    if (run) {
      run.status = 'failed';
      run.errors.push(describe(err));
      await finishRun(store, run, true).catch(() => {}); // the server may be what failed
    }
    throw err;
  } finally {
    await guard.close();
    await lock.release();
  }
}

/** Applies (or withdraws) the pending decisions to the documents not written since: see pendingDecisions. */
async function catchUp(
  store: GraphStore,
  decisions: Decision[],
  pending: ReturnType<typeof pendingDecisions>,
  written: Set<string>,
  run: RunRecord,
  lock: { lost: boolean },
): Promise<void> {
  if (pending.length === 0) return;
  const docs = new Set<string>();
  const reset = new Map<string, EntityReset>();
  for (const { decision: d, undo } of pending) {
    if (d.kind === 'confirm' || d.kind === 'confirm-entity' || d.kind === 'withdraw') continue;
    if (d.kind === 'reject' && !undo) {
      await rejectInGraph(store, d.fact, d.evidence);
      continue;
    }
    const ids =
      d.kind === 'reject' ? await documentsMentioning(store, [d.fact.source, d.fact.target], true) : await documentsMentioning(store, decisionEntities(d));
    for (const id of ids) if (!written.has(id)) docs.add(id);
    for (const [id, r] of resetFor(d, undo)) reset.set(id, { ...reset.get(id), ...r });
  }
  if (docs.size === 0) return;
  // Not counted as changed: the documents are unchanged; the decisions are what is new.
  await rederiveInRun(store, [...docs], { decisions, reset }, run, lock);
}

export interface RemoveSummary {
  run: RunRecord;
  removed: string[];
  missing: string[];
}

/** Retracts documents: their MENTIONS and provenance, and whatever only they supported. */
export async function removeDocuments(store: GraphStore, ids: string[]): Promise<RemoveSummary> {
  await store.applySchema();
  const lock = await acquireLock(store, 'remove');
  try {
    const run = await startRun(store, 'remove', null);
    const removed: string[] = [];
    const missing: string[] = [];
    for (const id of ids) ((await store.removeDocument(id)) ? removed : missing).push(id);
    run.removed = removed.length;
    run.status = 'done';
    if (missing.length) run.errors.push(...missing.map((m) => `${m}: not in the graph`));
    await finishRun(store, run);
    return { run, removed, missing };
  } finally {
    await lock.release();
  }
}

export { Neo4jUnavailableError };
