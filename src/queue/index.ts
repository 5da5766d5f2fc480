// Past one machine: documents go on a BullMQ queue in Redis, any number of
// workers (on any machines) clean and extract them, one writer loads the
// results into Neo4j.
//
//   kg enqueue paths...   RawDocuments -> queue "kg-documents" (job id: hash
//                         of id + body, so a document waiting twice is queued once)
//   kg worker             kg-documents -> clean+extract -> queue "kg-extractions"
//                         (same job id; the result is added before the document
//                         job completes, so a crash between the two only repeats work)
//   kg writer             kg-extractions -> resolve against the graph -> write,
//                         in batches, one writer at a time (the graph's writer
//                         lock), one transaction per batch of documents as
//                         `kg run` does
//
// Relationship writes in parallel deadlock in Neo4j; hence one writer, and
// parallelism only in extraction.
import { createHash, randomUUID } from 'node:crypto';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { readInputs, type InputFailure } from '../ingest/index.ts';
import type { BatchLimits, GraphStore, WriteResult } from '../load/index.ts';
import { acquireLock, finishRun, startRun, type RunRecord } from '../load/runs.ts';
import { DocumentExtraction, type RawDocument } from '../model/schemas.ts';
import { docBudgetMs, ExtractPool, Guard, isBudgetStop, processDocument } from '../pipeline/index.ts';
import { resolveForWrite } from '../refresh/index.ts';
import { readDecisions } from '../curate/index.ts';
import { decisionRows, writeDecisionNodes } from '../load/curation.ts';
import { knownDocumentsFor, knownEntitiesFor } from '../load/candidates.ts';
import { markFirstCopies, writeCopies } from '../load/duplicates.ts';
import { fingerprint, planCopies } from '../pipeline/duplicates.ts';
import { connect, redisUrl, requireRedis, RedisUnavailableError } from './redis.ts';

export const DOCUMENTS = 'kg-documents';
export const EXTRACTIONS = 'kg-extractions';
const PREFIX = process.env.KG_QUEUE_PREFIX || 'kg';

const jobId = (doc: RawDocument) => createHash('sha256').update(doc.id).update('\u0000').update(doc.body).digest('hex').slice(0, 40);

export interface EnqueueSummary {
  queued: number;
  failures: InputFailure[];
  /** What reading said about queued documents (decoding guessed, truncated); cleaning's come with the writer's Run. */
  warnings: Array<{ source: string; warning: string }>;
}

export async function enqueuePaths(paths: string[], url?: string): Promise<EnqueueSummary> {
  await requireRedis(url ?? redisUrl());
  const connection: Redis = connect(url);
  const queue = new Queue<RawDocument>(DOCUMENTS, { connection, prefix: PREFIX });
  const failures: InputFailure[] = [];
  const warnings: EnqueueSummary['warnings'] = [];
  let queued = 0;
  try {
    let batch: RawDocument[] = [];
    const flush = async () => {
      if (!batch.length) return;
      await queue.addBulk(
        batch.map((doc) => ({
          name: 'document',
          data: doc,
          opts: { jobId: jobId(doc), removeOnComplete: true, removeOnFail: 1000, attempts: 2, backoff: { type: 'fixed', delay: 1000 } },
        })),
      );
      queued += batch.length;
      batch = [];
    };
    for await (const item of readInputs(paths)) {
      if (!item.ok) {
        failures.push(item.failure);
        continue;
      }
      for (const warning of item.doc.warnings ?? []) warnings.push({ source: item.doc.source, warning });
      batch.push(item.doc);
      if (batch.length >= 200) await flush();
    }
    await flush();
  } finally {
    await queue.close();
    connection.disconnect();
  }
  return { queued, failures, warnings };
}

/** Jobs not finished yet: waiting, running or due for a retry. */
async function pending(queue: Queue): Promise<number> {
  const c = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
  return Object.values(c).reduce((a, b) => a + b, 0);
}

export interface WorkerOptions {
  /** Worker threads for clean+extract (0: in this thread, long or markup-heavy documents on a guard thread). */
  threads?: number;
  /** Time budget per document's cleaning and extraction in ms (0: none); default docBudgetMs() (KG_DOC_BUDGET_S, 60 s). */
  budgetMs?: number;
  /** Exit when the document queue is empty instead of waiting for more. */
  untilEmpty?: boolean;
  log?: (line: string) => void;
  /** Resolves to stop the worker: it finishes the documents it holds, or returns them to the queue after `graceMs`. */
  stop?: Promise<void>;
  /** How long a stopping worker waits for its current documents (default 5,000 ms; KG_WORKER_GRACE_MS). */
  graceMs?: number;
  /** How long Redis may be gone while the worker runs before it gives up (default 30,000 ms; KG_REDIS_GIVE_UP_MS). */
  giveUpMs?: number;
}

export interface WorkerSummary {
  extracted: number;
  failed: number;
}

/** The same message at most once per interval: a Redis that is gone is one line, not thousands. */
export function throttledLog(log: (line: string) => void, intervalMs = 10_000, now = Date.now): (line: string) => void {
  const last = new Map<string, number>();
  return (line) => {
    const t = now();
    const at = last.get(line);
    if (at !== undefined && t - at < intervalMs) return;
    last.set(line, t);
    log(line);
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms).unref());

/**
 * clean+extract of one queued document: on the pool if there is one, else
 * here, or on the guard thread for a document that needs the time budget
 * (src/pipeline/guard.ts). A document stopped at the budget fails for good
 * (UnrecoverableError): another attempt would be stopped again.
 */
export function jobProcessor(pool: ExtractPool | null, guard: Guard): (raw: RawDocument) => Promise<DocumentExtraction> {
  return async (raw) => {
    try {
      if (pool) return await pool.process(raw);
      return guard.wants(raw) ? await guard.thread().process(raw) : processDocument(raw);
    } catch (err) {
      const message = (err as Error)?.message ?? String(err);
      throw isBudgetStop(message) ? new UnrecoverableError(message) : err;
    }
  };
}

export async function runWorker(options: WorkerOptions = {}, url?: string): Promise<WorkerSummary> {
  const log = options.log ?? ((l) => console.error(l));
  const say = throttledLog(log);
  const target = url ?? redisUrl();
  if (!(await requireRedis(target, { stop: options.stop, log: (l) => log(`kg worker: ${l}`) }))) {
    log('kg worker: stopped before Redis answered');
    return { extracted: 0, failed: 0 };
  }
  const grace = options.graceMs ?? Number(process.env.KG_WORKER_GRACE_MS || 5_000);
  const giveUp = options.giveUpMs ?? Number(process.env.KG_REDIS_GIVE_UP_MS || 30_000);
  const connection = connect(url);
  connection.on('error', (err) => say(`kg worker: Redis: ${err.message}`));
  const results = new Queue<DocumentExtraction>(EXTRACTIONS, { connection, prefix: PREFIX });
  const documents = new Queue<RawDocument>(DOCUMENTS, { connection, prefix: PREFIX });
  const threads = options.threads ?? 0;
  const budgetMs = options.budgetMs ?? docBudgetMs();
  const pool = threads > 0 ? new ExtractPool(threads, { budgetMs }) : null;
  const guard = new Guard(budgetMs);
  const processJob = jobProcessor(pool, guard);
  const summary: WorkerSummary = { extracted: 0, failed: 0 };
  const blocking = connect(url);
  blocking.on('error', (err) => say(`kg worker: Redis: ${err.message}`));
  // The jobs this worker holds (from the moment BullMQ marks them active,
  // before the processor runs): a stop that cannot wait returns them.
  const active = new Map<string, Job<RawDocument>>();
  let stopping = false;
  const worker = new Worker<RawDocument>(
    DOCUMENTS,
    async (job: Job<RawDocument>) => {
      const extraction = await processJob(job.data);
      await results.add('extraction', extraction, { jobId: job.id, removeOnComplete: true, removeOnFail: 1000 });
      summary.extracted++;
      return { id: extraction.document.id, entities: extraction.entities.length, relations: extraction.relations.length };
    },
    { connection: blocking, prefix: PREFIX, concurrency: Math.max(1, threads * 2), autorun: false },
  );
  worker.on('active', (job) => {
    active.set(job.id!, job);
  });
  worker.on('completed', (job) => {
    active.delete(job.id!);
  });
  worker.on('failed', (job, err) => {
    if (job) active.delete(job.id!);
    if (stopping) return; // a document returned to the queue at a stop
    if (job && job.attemptsMade >= (job.opts.attempts ?? 1)) summary.failed++;
    log(`kg worker: ${job?.data?.source ?? job?.id}: ${err.message}`);
  });
  // Once stopping, the connections are being closed under BullMQ: its "Connection is closed." is
  // the stop itself (reported by the stop's own line), not an error to log after it.
  worker.on('error', (err) => {
    if (!stopping) say(`kg worker: ${err.message}`);
  });

  let lost: Error | null = null;
  const stops: Array<Promise<unknown>> = [];
  if (options.stop) stops.push(options.stop);
  // Redis gone for longer than giveUp: stop with an error instead of retrying for ever.
  stops.push(
    (async () => {
      let downSince: number | null = null;
      while (!stopping) {
        await sleep(500);
        const up = connection.status === 'ready' && blocking.status === 'ready';
        if (up) {
          downSince = null;
          continue;
        }
        downSince ??= Date.now();
        if (Date.now() - downSince >= giveUp) {
          lost = new RedisUnavailableError(target, process.env, ` for ${Math.round(giveUp / 1000)} s while working`);
          return;
        }
      }
    })(),
  );
  if (options.untilEmpty) {
    stops.push(
      (async () => {
        // Done when nothing is waiting and nothing is being worked on, anywhere.
        for (;;) {
          await sleep(300);
          if (stopping) return;
          if ((await pending(documents)) === 0) return;
        }
      })(),
    );
  }
  let halted = false;
  void Promise.race(stops).then(
    () => {
      halted = true;
    },
    () => {
      halted = true;
    },
  );
  try {
    if (pool) await Promise.race([pool.start(), ...stops]);
    if (halted) return summary;
    const running = worker.run();
    stops.push(running);
    // A stop before the worker is ready (Redis slow to answer) must still stop it.
    const ready = await Promise.race([worker.waitUntilReady().then(() => true), ...stops.map((p) => p.then(() => false))]);
    if (ready) {
      log(`kg worker: ready (${threads > 0 ? `${threads} threads` : 'in-process'}, queue ${DOCUMENTS})`);
      await Promise.race(stops);
    }
  } finally {
    stopping = true;
    // Take no new document; finish those in hand, but not for longer than the
    // grace period: then they go back to the queue for another worker (while
    // the connection is still open), and the worker stops.
    await Promise.race([worker.pause(true).catch(() => {}), sleep(1_000)]);
    // A job fetched just before the stop shows up as active a moment later: close() waits for it too.
    const closing = worker.close().then(
      () => true,
      () => true,
    );
    const t0 = Date.now();
    let closed = false;
    while (!closed && Date.now() - t0 < grace) closed = await Promise.race([closing, sleep(50).then(() => false)]);
    if (!closed) {
      const unfinished = [...active.values()];
      for (const job of unfinished) await Promise.race([job.moveToWait(job.token).catch(() => 0), sleep(2_000)]);
      log(`kg worker: stopped after ${grace} ms with ${unfinished.length} document(s) unfinished; they are back on the queue`);
      await Promise.race([worker.close(true).catch(() => {}), sleep(2_000)]);
    }
    await pool?.close();
    await guard.close();
    await Promise.race([Promise.all([results.close(), documents.close()]).catch(() => {}), sleep(2_000)]);
    blocking.disconnect();
    connection.disconnect();
    log(`kg worker: ${summary.extracted} documents extracted, ${summary.failed} failed`);
  }
  if (lost) throw lost;
  return summary;
}

export interface WriterOptions {
  /** Extractions resolved and written together (default 500). */
  batch?: number;
  /** How long a started batch waits for more results (default 1,000 ms). */
  lingerMs?: number;
  /** Exit once both queues are empty (all enqueued documents written). */
  untilEmpty?: boolean;
  log?: (line: string) => void;
  stop?: Promise<void>;
  /** Documents and rows per write transaction (default: the loader's, 200 documents / 10,000 rows). */
  writeBatch?: BatchLimits;
  /** After each document, once its batch's transaction committed (tests). */
  afterDocumentWritten?: (r: WriteResult) => void | Promise<void>;
}

export interface WriterSummary {
  batches: number;
  written: number;
  failed: number;
  runs: RunRecord[];
}

/**
 * The one writer: takes finished extractions in batches, resolves each batch
 * against the entities the graph holds (as `kg refresh` does for new
 * documents) and writes them in batches of documents, one transaction per
 * batch (GraphStore.writeInBatches), under the graph's
 * writer lock, recorded as a Run of kind "queue".
 */
export async function runWriter(store: GraphStore, options: WriterOptions = {}, url?: string): Promise<WriterSummary> {
  const log = options.log ?? ((l) => console.error(l));
  await requireRedis(url ?? redisUrl());
  const size = options.batch ?? 500;
  const linger = options.lingerMs ?? 1000;
  const connection = connect(url);
  const documents = new Queue(DOCUMENTS, { connection, prefix: PREFIX });
  const extractions = new Queue(EXTRACTIONS, { connection, prefix: PREFIX });
  const consumerConnection = connect(url);
  const consumer = new Worker<DocumentExtraction>(EXTRACTIONS, null, { connection: consumerConnection, prefix: PREFIX, lockDuration: 10 * 60_000 });
  const token = randomUUID();
  const summary: WriterSummary = { batches: 0, written: 0, failed: 0, runs: [] };
  let stopped = false;
  void options.stop?.then(() => {
    stopped = true;
  });
  await store.applySchema();
  try {
    while (!stopped) {
      // A batch fills until it is full or no result came for `linger` ms:
      // bigger batches resolve together and write with fewer lock rounds.
      const jobs: Job<DocumentExtraction>[] = [];
      let last = Date.now();
      while (jobs.length < size && !stopped) {
        const job = await consumer.getNextJob(token, { block: false });
        if (job) {
          jobs.push(job);
          last = Date.now();
          continue;
        }
        if (!jobs.length || Date.now() - last >= linger) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      if (!jobs.length) {
        if (options.untilEmpty && (await pending(documents)) === 0 && (await pending(extractions)) === 0) break;
        await new Promise((r) => setTimeout(r, 250));
        continue;
      }
      await writeBatch(store, jobs, token, summary, options, log);
    }
  } finally {
    await consumer.close();
    await documents.close();
    await extractions.close();
    consumerConnection.disconnect();
    connection.disconnect();
  }
  log(`kg writer: ${summary.written} documents written in ${summary.batches} batches, ${summary.failed} failed`);
  return summary;
}

async function writeBatch(
  store: GraphStore,
  jobs: Job<DocumentExtraction>[],
  token: string,
  summary: WriterSummary,
  options: WriterOptions,
  log: (l: string) => void,
): Promise<void> {
  const lock = await acquireLock(store, 'queue writer');
  let run: RunRecord | null = null;
  try {
    run = await startRun(store, 'queue', null);
    // The newest extraction of a document wins (a document enqueued again after a change).
    const byDoc = new Map<string, { job: Job<DocumentExtraction>; extraction: DocumentExtraction }>();
    const bad: Array<{ job: Job<DocumentExtraction>; error: string }> = [];
    for (const job of jobs) {
      const parsed = DocumentExtraction.safeParse(job.data);
      if (!parsed.success) {
        bad.push({ job, error: `invalid extraction: ${parsed.error.message.slice(0, 200)}` });
        continue;
      }
      const prev = byDoc.get(parsed.data.document.id);
      if (prev) await prev.job.moveToCompleted('superseded', token, false);
      byDoc.set(parsed.data.document.id, { job, extraction: parsed.data });
    }
    const all = [...byDoc.values()].sort((a, b) => a.extraction.document.id.localeCompare(b.extraction.document.id));
    const stored = await store.documentHashes(all.map((x) => x.extraction.document.id));
    // Syndicated copies: linked to their first copy, their facts not written (as kg run does).
    const docs = all.map((x) => x.extraction.document);
    const fingerprints = new Map(docs.map((d) => [d.id, fingerprint(d.text)]));
    const known = await knownDocumentsFor(
      store,
      docs.map((d) => ({ id: d.id, ...fingerprints.get(d.id)! })),
    );
    const plan = planCopies(docs, known, fingerprints);
    const list = all.filter((x) => !plan.copies.has(x.extraction.document.id));
    // Resolved under the analysts' decisions (graph/curation/decisions.jsonl), as kg run does.
    const decisions = readDecisions();
    const slices = resolveForWrite(
      list.map((x) => x.extraction),
      await knownEntitiesFor(
        store,
        list.map((x) => x.extraction),
        decisions,
      ),
      decisions,
    );
    for (const {
      extraction: { document: d },
    } of list)
      for (const w of d.warnings) run.warnings.push(`${d.source}: ${w}`);
    const ingestedAt = new Date().toISOString();
    const jobOf = new Map(list.map((x) => [x.extraction.document.id, x.job]));
    // Batches of documents, one transaction each (as `kg run` writes); a
    // failing batch is narrowed down to the document that fails alone.
    await store.writeInBatches(slices, {
      ...options.writeBatch,
      ingestedAt,
      beforeBatch: () => {
        if (lock.lost) throw new Error('the graph lock was taken over by another writer; stopping');
      },
      onWritten: async (results, batch) => {
        for (const [i, r] of results.entries()) {
          const facts = batch[i]!;
          const id = facts.document.id;
          const before = stored.get(id);
          if (before === undefined) run!.new++;
          else if (before === facts.document.contentHash) run!.unchanged++;
          else run!.changed++;
          summary.written++;
          await jobOf.get(id)!.moveToCompleted('written', token, false);
          await options.afterDocumentWritten?.(r);
        }
      },
      // Neo4j unavailable is thrown instead: the jobs stay active; their locks lapse and they come back.
      onFailed: async (facts, err) => {
        run!.failed++;
        summary.failed++;
        run!.errors.push(`${facts.document.source}: write failed: ${(err as Error).message}`);
        await jobOf.get(facts.document.id)!.moveToFailed(err as Error, token, false);
      },
    });
    // The graph mirrors the decisions file, linked to the entities written now.
    await writeDecisionNodes(store, decisionRows(decisions));
    // (A document whose write failed is not in the graph: markFirstCopies matches none.)
    await markFirstCopies(
      store,
      list.map((x) => ({ id: x.extraction.document.id, ...plan.fingerprints.get(x.extraction.document.id)! })),
    );
    const copies = all.filter((x) => plan.copies.has(x.extraction.document.id));
    await writeCopies(
      store,
      copies.map((x) => ({ doc: x.extraction.document, of: plan.copies.get(x.extraction.document.id)!, fp: plan.fingerprints.get(x.extraction.document.id)! })),
      ingestedAt,
      known,
    );
    for (const x of copies) {
      const before = stored.get(x.extraction.document.id);
      if (before === undefined) run.new++;
      else if (before === x.extraction.document.contentHash) run.unchanged++;
      else run.changed++;
      summary.written++;
      await x.job.moveToCompleted('copy', token, false);
    }
    run.duplicates = copies.length;
    for (const { job, error } of bad) {
      run.failed++;
      summary.failed++;
      run.errors.push(`${job.id}: ${error}`);
      await job.moveToFailed(new Error(error), token, false);
    }
    run.status = 'done';
    await finishRun(store, run);
    summary.batches++;
    summary.runs.push(run);
    log(
      `kg writer: batch of ${list.length} — ${run.new} new, ${run.changed} changed, ${run.unchanged} unchanged, ${run.failed} failed` +
        `${run.warnings.length ? `; ${run.warnings.length} warnings (on the Run node and each Document node)` : ''}`,
    );
    for (const w of run.warnings.slice(0, 20)) log(`kg writer:   warning: ${w}`);
  } catch (err) {
    if (run) {
      run.status = 'failed';
      run.errors.push((err as Error).message);
      await finishRun(store, run).catch(() => {});
    }
    throw err;
  } finally {
    await lock.release();
  }
}
