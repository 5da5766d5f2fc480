// A pool of worker threads running clean and extract, the CPU-bound stages:
// one thread per core by default. Each thread loads the stages once (tsx,
// compromise, the registry) and warms them on a built-in sample at startup,
// so first-use costs are paid before any document arrives (see worker.ts).
//
// Documents travel in batches: every task given to the pool is queued per
// document, and a thread that is free takes up to MAX_BATCH queued documents
// of one kind in one message (fewer when the queue runs low, so the threads
// finish together). Each document in a batch succeeds or fails on its own.
// An extraction of a document the caller already has comes back without the
// document (entities and relations only), which halves what is copied back.
// Threads start lazily and are ended by close().
//
// A time budget per document (docBudgetMs: KG_DOC_BUDGET_S, default 60 s),
// for its cleaning and extraction together, is enforced from this thread:
// each worker writes which document it is on, at which stage and since when
// into memory shared with the pool, a timer here reads it, and a thread past
// the budget is terminated, whatever it is stuck in. Its document fails with a
// message saying so; the other documents it held go back to the queue, and a
// fresh thread takes its place. A document cleaned in one trip and extracted
// in another (a run compares fingerprints in between) brings the time its
// cleaning took to the extraction, which gets what is left of the budget.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { noVerdicts, verdictCount, type WordVerdicts } from '../extract/verdicts.ts';
import type { CleanDocument, DocumentExtraction, LocalEntity, LocalRelation, RawDocument } from '../model/schemas.ts';

export type PoolTask = 'extract' | 'clean' | 'process';
/** `verdicts`: word verdicts the other threads parsed since this thread's last batch (see src/extract/verdicts.ts). */
export interface PoolRequest {
  id: number;
  task: PoolTask;
  docs: Array<RawDocument | CleanDocument>;
  verdicts?: WordVerdicts;
}
/** One document's outcome inside a batch. */
export type PoolResult = { ok: true; value: unknown; ms?: number } | { ok: false; error: string };
/** id -1: the thread is ready (results empty). */
export interface PoolResponse {
  id: number;
  results: PoolResult[];
  verdicts?: WordVerdicts;
}
/**
 * What an 'extract' task returns: entities and relations, plus the document
 * only when validation changed it (unknown keys dropped, keys reordered), so
 * the assembled extraction is exactly what extractDocument gives in-thread.
 */
export interface ExtractResult {
  document?: CleanDocument;
  entities: LocalEntity[];
  relations: LocalRelation[];
}

/** Outcome of one document of a batch call (extractMany, ...): the value or the error message. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: string };

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** The default time budget of one document's cleaning and extraction (seconds). */
export const DEFAULT_DOC_BUDGET_S = 60;

/**
 * The per-document time budget in milliseconds (0: none), from KG_DOC_BUDGET_S
 * (seconds; 0 turns it off). A news article takes milliseconds; 60 s is what
 * about 10 MB of ordinary text takes on one slow core, so only a document
 * that makes extraction misbehave reaches it.
 */
export function docBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.KG_DOC_BUDGET_S;
  if (raw === undefined || raw.trim() === '') return DEFAULT_DOC_BUDGET_S * 1000;
  const s = Number(raw);
  if (!Number.isFinite(s) || s < 0) throw new Error(`KG_DOC_BUDGET_S must be a number of seconds (0 for no budget), not "${raw}"`);
  return Math.round(s * 1000);
}

/** Stages of a document on a thread, as the thread writes them into its state (ints[2]). */
export const STAGE = { cleaning: 0, extracting: 1 } as const;
export type Stage = keyof typeof STAGE;

/** What a document stopped at the budget fails with (the caller names the document). */
export function budgetMessage(budgetMs: number, doc: RawDocument | CleanDocument, stage: Stage): string {
  const chars = 'text' in doc ? doc.text.length : doc.body.length;
  return (
    `stopped after the time budget of ${budgetMs / 1000} s per document, while ${stage} it (${chars.toLocaleString('en-US')} characters): ` +
    'split the document into smaller ones, or raise the budget (KG_DOC_BUDGET_S=seconds, 0 for none) if it is only long'
  );
}

/** Whether an error message is a budget stop (the same document would be stopped again: not worth a retry). */
export function isBudgetStop(message: string): boolean {
  return message.startsWith('stopped after the time budget of ');
}

/**
 * Where a thread is, in memory it shares with the pool: [batch id, index in
 * the batch, stage (STAGE)] and since when (ms, 0 = idle).
 */
export interface ThreadState {
  ints: Int32Array;
  since: Float64Array;
}

export function threadState(buffer: SharedArrayBuffer): ThreadState {
  return { ints: new Int32Array(buffer, 0, 3), since: new Float64Array(buffer, 16, 1) };
}
const STATE_BYTES = 24;

export interface PoolOptions {
  /** Time budget per document in ms (0: none); default docBudgetMs(). */
  budgetMs?: number;
}

/** Threads the machine can run at once (os.availableParallelism). */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Most documents in one message: ~25 ms of extraction, far above a message's cost. */
export const MAX_BATCH = 32;
/** Batches given to one thread before it answers: it never waits for the next one. */
const PER_THREAD = 2;

interface Slot {
  worker: Worker;
  state: ThreadState;
  /** Terminated by the pool (over budget): its exit is not a crash. */
  retired: boolean;
  ready: Promise<void>;
  inFlight: number;
  /** Verdicts from the other threads, for this one's next batch. */
  verdicts: WordVerdicts;
}

interface Unit {
  task: PoolTask;
  doc: RawDocument | CleanDocument;
  /** This document's time on a thread before it is stopped (ms): the budget less what an earlier trip spent. */
  budgetMs: number;
  settle: (r: PoolResult) => void;
}

interface Pending {
  units: Unit[];
  slot: Slot;
}

export class ExtractPool {
  readonly size: number;
  /** Per-document time budget (ms, 0: none). */
  readonly budgetMs: number;
  private slots: Slot[] = [];
  private watchdog: NodeJS.Timeout | null = null;
  private pending = new Map<number, Pending>();
  private waiting: Unit[] = [];
  private head = 0; // waiting[head..] are queued (a cursor, not shift(): the queue can hold thousands)
  private nextId = 0;
  private closed = false;
  private dispatchScheduled = false;
  /** Messages sent to the threads and documents they carried (for tests and diagnostics). */
  readonly sent = { messages: 0, documents: 0 };
  /** Threads terminated for going over the budget. */
  stopped = 0;

  constructor(size = defaultWorkers(), options: PoolOptions = {}) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`worker pool size must be a positive integer, not ${size}`);
    this.size = size;
    this.budgetMs = options.budgetMs ?? docBudgetMs();
    if (!Number.isFinite(this.budgetMs) || this.budgetMs < 0) throw new Error(`time budget must be a non-negative number of ms, not ${this.budgetMs}`);
  }

  /** Starts the threads (else the first task does) and waits until each has loaded and warmed the stages. */
  async start(): Promise<void> {
    this.spawn();
    await Promise.all(this.slots.map((s) => s.ready));
  }

  /** Documents queued and not yet sent to a thread. */
  get queued(): number {
    return this.waiting.length - this.head;
  }

  /** `spentMs`: time this document already spent on a thread (its cleaning), taken from its budget. */
  extract(doc: CleanDocument, spentMs = 0): Promise<DocumentExtraction> {
    return this.one('extract', doc, spentMs).then((v) => assemble(doc, v as ExtractResult));
  }

  clean(doc: RawDocument): Promise<CleanDocument> {
    return this.cleanTimed(doc).then((r) => r.doc);
  }

  /** clean, with the time the thread spent on it (ms), for the budget of the document's extraction. */
  async cleanTimed(doc: RawDocument): Promise<{ doc: CleanDocument; ms: number }> {
    const r = await this.settled('clean', doc);
    if (!r.ok) throw new Error(r.error);
    return { doc: r.value as CleanDocument, ms: r.ms ?? 0 };
  }

  /** clean -> extract in one trip. */
  process(doc: RawDocument): Promise<DocumentExtraction> {
    return this.one('process', doc) as Promise<DocumentExtraction>;
  }

  /** extract over many documents; results in input order, each document's failure its own. */
  async extractMany(docs: CleanDocument[]): Promise<Array<Settled<DocumentExtraction>>> {
    const results = await Promise.all(docs.map((d) => this.settled('extract', d)));
    return results.map((r, i) => (r.ok ? { ok: true, value: assemble(docs[i]!, r.value as ExtractResult) } : r));
  }

  /** clean -> extract over many documents; results in input order, each document's failure its own. */
  processMany(docs: RawDocument[]): Promise<Array<Settled<DocumentExtraction>>> {
    return Promise.all(docs.map((d) => this.settled('process', d))) as Promise<Array<Settled<DocumentExtraction>>>;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.failWaiting(new Error('worker pool closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }

  private one(task: PoolTask, doc: RawDocument | CleanDocument, spentMs = 0): Promise<unknown> {
    return this.settled(task, doc, spentMs).then((r) => {
      if (r.ok) return r.value;
      throw new Error(r.error);
    });
  }

  /** Queues one document; the promise never rejects: failures are results. */
  private settled(task: PoolTask, doc: RawDocument | CleanDocument, spentMs = 0): Promise<PoolResult> {
    if (this.closed) return Promise.resolve({ ok: false, error: 'worker pool closed' });
    const budgetMs = this.budgetMs > 0 ? this.budgetMs - spentMs : 0;
    // Its cleaning took the whole budget (it can only have been measured elsewhere, as it was not stopped).
    if (this.budgetMs > 0 && budgetMs <= 0) return Promise.resolve({ ok: false, error: budgetMessage(this.budgetMs, doc, 'extracting') });
    this.spawn();
    return new Promise<PoolResult>((settle) => {
      this.waiting.push({ task, doc, budgetMs, settle });
      // Documents queued in one synchronous burst (a map over an array) leave together.
      if (!this.dispatchScheduled) {
        this.dispatchScheduled = true;
        queueMicrotask(() => {
          this.dispatchScheduled = false;
          this.dispatch();
        });
      }
    });
  }

  private spawn(): void {
    if (this.slots.length) return;
    for (let i = 0; i < this.size; i++) this.spawnOne();
    if (this.budgetMs > 0 && !this.watchdog) {
      // Checked often enough that a document is stopped within a tenth of the budget past it (at most a second).
      this.watchdog = setInterval(() => this.enforceBudget(), Math.min(1000, Math.max(20, this.budgetMs / 10)));
      this.watchdog.unref();
    }
  }

  private spawnOne(): Slot {
    const buffer = new SharedArrayBuffer(STATE_BYTES);
    const worker = new Worker(ENTRY, { workerData: { state: buffer } });
    // busy until ready
    const slot: Slot = { worker, state: threadState(buffer), retired: false, ready: Promise.resolve(), inFlight: PER_THREAD, verdicts: noVerdicts() };
    slot.ready = new Promise<void>((resolve, reject) => {
      const onReady = (m: PoolResponse) => {
        if (m.id !== -1) return;
        worker.off('message', onReady);
        slot.inFlight = 0;
        resolve();
        this.dispatch();
      };
      worker.on('message', onReady);
      worker.once('error', reject);
    });
    slot.ready.catch(() => {}); // reported through the tasks
    worker.on('message', (m: PoolResponse) => this.onMessage(m));
    worker.on('error', (err) => {
      if (!slot.retired) this.onThreadDeath(slot, err);
    });
    worker.on('exit', (code) => {
      if (!this.closed && !slot.retired) this.onThreadDeath(slot, new Error(`extraction thread exited with code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  /**
   * A thread on one document for longer than the budget is terminated: that
   * document fails, the others it held (the rest of its batches, and those of
   * the batch it had done but not yet sent back) are queued again first, and
   * a new thread takes its place.
   */
  private enforceBudget(): void {
    if (this.closed) return;
    const now = Date.now();
    for (const slot of [...this.slots]) {
      const since = slot.state.since[0]!;
      if (!since) continue;
      const batch = Atomics.load(slot.state.ints, 0);
      const index = Atomics.load(slot.state.ints, 1);
      const stage = Atomics.load(slot.state.ints, 2) === STAGE.cleaning ? 'cleaning' : 'extracting';
      if (slot.state.since[0] !== since) continue; // it moved on while we read
      // Each document's own budget: the pool's, less what its cleaning took in an earlier trip.
      const unit = this.pending.get(batch)?.units[index];
      if (!unit || now - since <= unit.budgetMs) continue;
      slot.retired = true;
      this.slots.splice(this.slots.indexOf(slot), 1);
      this.stopped++;
      void slot.worker.terminate();
      const requeue: Unit[] = [];
      for (const [id, p] of [...this.pending].sort((a, b) => a[0] - b[0])) {
        if (p.slot !== slot) continue;
        this.pending.delete(id);
        p.units.forEach((u, i) => {
          if (id === batch && i === index) u.settle({ ok: false, error: budgetMessage(this.budgetMs, u.doc, stage) });
          else requeue.push(u);
        });
      }
      this.waiting.splice(this.head, 0, ...requeue);
      this.spawnOne().ready.catch(() => {});
      // The other threads may be idle: they take the requeued documents now, not when the new thread is ready.
      this.dispatch();
    }
  }

  private onMessage(m: PoolResponse): void {
    if (m.id === -1) return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    p.slot.inFlight--;
    if (m.verdicts && verdictCount(m.verdicts)) {
      for (const s of this.slots) {
        if (s === p.slot) continue;
        s.verdicts.verbs.push(...m.verdicts.verbs);
      }
    }
    // Send the thread its next batch before settling this one's promises.
    this.dispatch();
    p.units.forEach((u, i) => {
      u.settle(m.results[i] ?? { ok: false, error: 'extraction thread returned no result' });
    });
  }

  /** A thread that crashed fails its documents and everything queued: the caller decides what next. */
  private onThreadDeath(slot: Slot, err: Error): void {
    for (const [id, p] of this.pending) {
      if (p.slot !== slot) continue;
      this.pending.delete(id);
      for (const u of p.units) u.settle({ ok: false, error: err.message });
    }
    if (!this.slots.includes(slot)) return;
    this.closed = true;
    this.failWaiting(err);
    void this.close();
  }

  private failWaiting(err: Error): void {
    const units = this.waiting.slice(this.head);
    this.waiting = [];
    this.head = 0;
    for (const u of units) u.settle({ ok: false, error: err.message });
  }

  private dispatch(): void {
    while (this.queued > 0) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.inFlight < PER_THREAD && (!best || s.inFlight < best.inFlight)) best = s;
      if (!best) return;
      // Full batches while the queue is long; smaller ones at its end, so no thread idles while another has two.
      const take = Math.min(MAX_BATCH, Math.ceil(this.queued / (this.slots.length * PER_THREAD)));
      const task = this.waiting[this.head]!.task;
      const units: Unit[] = [];
      while (units.length < take && this.head < this.waiting.length && this.waiting[this.head]!.task === task) units.push(this.waiting[this.head++]!);
      if (this.head === this.waiting.length) {
        this.waiting = [];
        this.head = 0;
      } else if (this.head > 4096) {
        this.waiting = this.waiting.slice(this.head);
        this.head = 0;
      }
      const id = this.nextId++;
      this.pending.set(id, { units, slot: best });
      best.inFlight++;
      this.sent.messages++;
      this.sent.documents += units.length;
      const verdicts = verdictCount(best.verdicts) ? best.verdicts : undefined;
      if (verdicts) best.verdicts = noVerdicts();
      best.worker.postMessage({ id, task, docs: units.map((u) => u.doc), verdicts } satisfies PoolRequest);
    }
  }
}

function assemble(doc: CleanDocument, r: ExtractResult): DocumentExtraction {
  return { document: r.document ?? doc, entities: r.entities, relations: r.relations };
}
