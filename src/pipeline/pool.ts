// A pool of worker threads running clean and extract, the CPU-bound stages:
// one thread per core by default. Each thread loads the stages once (tsx,
// compromise, the registry) and then takes documents one at a time; results
// come back by structured clone. Threads start lazily and are ended by close().
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { CleanDocument, DocumentExtraction, RawDocument } from '../model/schemas.ts';

export type PoolTask = 'extract' | 'clean' | 'process';
export interface PoolRequest { id: number; task: PoolTask; doc: RawDocument | CleanDocument }
export type PoolResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

const ENTRY = new URL('./worker-entry.mjs', import.meta.url);

/** Threads the machine can run at once (os.availableParallelism). */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  inFlight: number;
}

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  slot: Slot;
}

/** Tasks given to one thread before it answers: hides the message round trip. */
const PER_THREAD = 2;

export class ExtractPool {
  readonly size: number;
  private slots: Slot[] = [];
  private pending = new Map<number, Pending>();
  private waiting: Array<{ req: Omit<PoolRequest, 'id'>; resolve: (v: unknown) => void; reject: (e: Error) => void }> = [];
  private nextId = 0;
  private closed = false;

  constructor(size = defaultWorkers()) {
    if (!Number.isInteger(size) || size < 1) throw new Error(`worker pool size must be a positive integer, not ${size}`);
    this.size = size;
  }

  /** Starts the threads (else the first task does) and waits until each has loaded the stages. */
  async start(): Promise<void> {
    this.spawn();
    await Promise.all(this.slots.map((s) => s.ready));
  }

  extract(doc: CleanDocument): Promise<DocumentExtraction> {
    return this.submit('extract', doc) as Promise<DocumentExtraction>;
  }

  clean(doc: RawDocument): Promise<CleanDocument> {
    return this.submit('clean', doc) as Promise<CleanDocument>;
  }

  /** clean -> extract in one trip. */
  process(doc: RawDocument): Promise<DocumentExtraction> {
    return this.submit('process', doc) as Promise<DocumentExtraction>;
  }

  async close(): Promise<void> {
    this.closed = true;
    const err = new Error('worker pool closed');
    for (const w of this.waiting.splice(0)) w.reject(err);
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }

  private submit(task: PoolTask, doc: RawDocument | CleanDocument): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('worker pool closed'));
    this.spawn();
    return new Promise((resolve, reject) => {
      this.waiting.push({ req: { task, doc }, resolve, reject });
      this.dispatch();
    });
  }

  private spawn(): void {
    if (this.slots.length) return;
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(ENTRY);
      const slot: Slot = { worker, ready: Promise.resolve(), inFlight: PER_THREAD }; // busy until ready
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
      worker.on('error', (err) => this.onThreadDeath(slot, err));
      worker.on('exit', (code) => { if (!this.closed) this.onThreadDeath(slot, new Error(`extraction thread exited with code ${code}`)); });
      this.slots.push(slot);
    }
  }

  private onMessage(m: PoolResponse): void {
    if (m.id === -1) return;
    const p = this.pending.get(m.id);
    if (!p) return;
    this.pending.delete(m.id);
    p.slot.inFlight--;
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
    this.dispatch();
  }

  /** A thread that crashed fails its tasks and everything queued: the caller decides what next. */
  private onThreadDeath(slot: Slot, err: Error): void {
    for (const [id, p] of this.pending) {
      if (p.slot !== slot) continue;
      this.pending.delete(id);
      p.reject(err);
    }
    if (!this.slots.includes(slot)) return;
    this.closed = true;
    for (const w of this.waiting.splice(0)) w.reject(err);
    void this.close();
  }

  private dispatch(): void {
    while (this.waiting.length) {
      let best: Slot | undefined;
      for (const s of this.slots) if (s.inFlight < PER_THREAD && (!best || s.inFlight < best.inFlight)) best = s;
      if (!best) return;
      const job = this.waiting.shift()!;
      const id = this.nextId++;
      this.pending.set(id, { resolve: job.resolve, reject: job.reject, slot: best });
      best.inFlight++;
      best.worker.postMessage({ id, ...job.req } satisfies PoolRequest);
    }
  }
}
