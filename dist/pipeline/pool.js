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
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { noVerdicts, verdictCount } from "../extract/verdicts.js";
const ENTRY = new URL('./worker-entry.mjs', import.meta.url);
/** Threads the machine can run at once (os.availableParallelism). */
export function defaultWorkers() {
    return Math.max(1, availableParallelism());
}
/** Most documents in one message: ~25 ms of extraction, far above a message's cost. */
export const MAX_BATCH = 32;
/** Batches given to one thread before it answers: it never waits for the next one. */
const PER_THREAD = 2;
export class ExtractPool {
    size;
    slots = [];
    pending = new Map();
    waiting = [];
    head = 0; // waiting[head..] are queued (a cursor, not shift(): the queue can hold thousands)
    nextId = 0;
    closed = false;
    dispatchScheduled = false;
    /** Messages sent to the threads and documents they carried (for tests and diagnostics). */
    sent = { messages: 0, documents: 0 };
    constructor(size = defaultWorkers()) {
        if (!Number.isInteger(size) || size < 1)
            throw new Error(`worker pool size must be a positive integer, not ${size}`);
        this.size = size;
    }
    /** Starts the threads (else the first task does) and waits until each has loaded and warmed the stages. */
    async start() {
        this.spawn();
        await Promise.all(this.slots.map((s) => s.ready));
    }
    /** Documents queued and not yet sent to a thread. */
    get queued() {
        return this.waiting.length - this.head;
    }
    extract(doc) {
        return this.one('extract', doc).then((v) => assemble(doc, v));
    }
    clean(doc) {
        return this.one('clean', doc);
    }
    /** clean -> extract in one trip. */
    process(doc) {
        return this.one('process', doc);
    }
    /** extract over many documents; results in input order, each document's failure its own. */
    async extractMany(docs) {
        const results = await Promise.all(docs.map((d) => this.settled('extract', d)));
        return results.map((r, i) => (r.ok ? { ok: true, value: assemble(docs[i], r.value) } : r));
    }
    /** clean -> extract over many documents; results in input order, each document's failure its own. */
    processMany(docs) {
        return Promise.all(docs.map((d) => this.settled('process', d)));
    }
    async close() {
        this.closed = true;
        this.failWaiting(new Error('worker pool closed'));
        await Promise.all(this.slots.map((s) => s.worker.terminate()));
        this.slots = [];
    }
    one(task, doc) {
        return this.settled(task, doc).then((r) => {
            if (r.ok)
                return r.value;
            throw new Error(r.error);
        });
    }
    /** Queues one document; the promise never rejects: failures are results. */
    settled(task, doc) {
        if (this.closed)
            return Promise.resolve({ ok: false, error: 'worker pool closed' });
        this.spawn();
        return new Promise((settle) => {
            this.waiting.push({ task, doc, settle });
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
    spawn() {
        if (this.slots.length)
            return;
        for (let i = 0; i < this.size; i++) {
            const worker = new Worker(ENTRY);
            const slot = { worker, ready: Promise.resolve(), inFlight: PER_THREAD, verdicts: noVerdicts() }; // busy until ready
            slot.ready = new Promise((resolve, reject) => {
                const onReady = (m) => {
                    if (m.id !== -1)
                        return;
                    worker.off('message', onReady);
                    slot.inFlight = 0;
                    resolve();
                    this.dispatch();
                };
                worker.on('message', onReady);
                worker.once('error', reject);
            });
            slot.ready.catch(() => { }); // reported through the tasks
            worker.on('message', (m) => this.onMessage(m));
            worker.on('error', (err) => this.onThreadDeath(slot, err));
            worker.on('exit', (code) => {
                if (!this.closed)
                    this.onThreadDeath(slot, new Error(`extraction thread exited with code ${code}`));
            });
            this.slots.push(slot);
        }
    }
    onMessage(m) {
        if (m.id === -1)
            return;
        const p = this.pending.get(m.id);
        if (!p)
            return;
        this.pending.delete(m.id);
        p.slot.inFlight--;
        if (m.verdicts && verdictCount(m.verdicts)) {
            for (const s of this.slots) {
                if (s === p.slot)
                    continue;
                s.verdicts.verbs.push(...m.verdicts.verbs);
                s.verdicts.commonNouns.push(...m.verdicts.commonNouns);
            }
        }
        // Send the thread its next batch before settling this one's promises.
        this.dispatch();
        p.units.forEach((u, i) => {
            u.settle(m.results[i] ?? { ok: false, error: 'extraction thread returned no result' });
        });
    }
    /** A thread that crashed fails its documents and everything queued: the caller decides what next. */
    onThreadDeath(slot, err) {
        for (const [id, p] of this.pending) {
            if (p.slot !== slot)
                continue;
            this.pending.delete(id);
            for (const u of p.units)
                u.settle({ ok: false, error: err.message });
        }
        if (!this.slots.includes(slot))
            return;
        this.closed = true;
        this.failWaiting(err);
        void this.close();
    }
    failWaiting(err) {
        const units = this.waiting.slice(this.head);
        this.waiting = [];
        this.head = 0;
        for (const u of units)
            u.settle({ ok: false, error: err.message });
    }
    dispatch() {
        while (this.queued > 0) {
            let best;
            for (const s of this.slots)
                if (s.inFlight < PER_THREAD && (!best || s.inFlight < best.inFlight))
                    best = s;
            if (!best)
                return;
            // Full batches while the queue is long; smaller ones at its end, so no thread idles while another has two.
            const take = Math.min(MAX_BATCH, Math.ceil(this.queued / (this.slots.length * PER_THREAD)));
            const task = this.waiting[this.head].task;
            const units = [];
            while (units.length < take && this.head < this.waiting.length && this.waiting[this.head].task === task)
                units.push(this.waiting[this.head++]);
            if (this.head === this.waiting.length) {
                this.waiting = [];
                this.head = 0;
            }
            else if (this.head > 4096) {
                this.waiting = this.waiting.slice(this.head);
                this.head = 0;
            }
            const id = this.nextId++;
            this.pending.set(id, { units, slot: best });
            best.inFlight++;
            this.sent.messages++;
            this.sent.documents += units.length;
            const verdicts = verdictCount(best.verdicts) ? best.verdicts : undefined;
            if (verdicts)
                best.verdicts = noVerdicts();
            best.worker.postMessage({ id, task, docs: units.map((u) => u.doc), verdicts });
        }
    }
}
function assemble(doc, r) {
    return { document: r.document ?? doc, entities: r.entities, relations: r.relations };
}
//# sourceMappingURL=pool.js.map