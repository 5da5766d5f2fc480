// Composes the pure stages over many documents: read -> clean -> extract,
// collecting per-document failures instead of stopping the run. Few documents
// are processed in this thread (p-queue); many go to a pool of worker threads
// (pool.ts), one per core, which takes them in batches and is what scales
// extraction with the cores.
import PQueue from 'p-queue';
import { cleanDocument } from "../clean/index.js";
import { extractDocument } from "../extract/index.js";
import { readInputs } from "../ingest/index.js";
import { defaultWorkers, ExtractPool, MAX_BATCH } from "./pool.js";
export { defaultWorkers, ExtractPool, MAX_BATCH } from "./pool.js";
export const AUTO_THRESHOLD = { raw: 300, cleaned: 1000 };
export function processDocument(raw) {
    return extractDocument(cleanDocument(raw));
}
/** Parses a --workers value: a non-negative integer or "auto". */
export function parseWorkers(value) {
    if (value === undefined || value === 'auto')
        return 'auto';
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0)
        throw new Error(`--workers must be "auto" or a non-negative integer, not "${value}"`);
    return n;
}
function poolSize(workers, documents, threshold) {
    if (workers === 'auto')
        return documents > threshold && defaultWorkers() > 1 ? defaultWorkers() : 0;
    return workers;
}
/**
 * Runs `local` (this thread) or `remote` (the pool) over items; failures per
 * document. Extractions come out sorted by document id, failures and warnings
 * in input order, whatever order the threads finish in.
 */
async function runAll(items, local, remote, options, threshold, knownCount) {
    const run = { extractions: [], failures: [], warnings: [], workers: 0 };
    const sources = [];
    const outcomes = [];
    const done = [];
    let pool = null;
    const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
    const decide = (documents) => {
        const size = poolSize(options.workers ?? 'auto', documents, threshold);
        if (size > 0) {
            pool = new ExtractPool(size);
            run.workers = size;
        }
    };
    const record = (seq, outcome) => {
        outcomes[seq] = outcome;
        options.onDocument?.(sources[seq], outcome.ok);
    };
    const submit = (item) => {
        const seq = sources.push(item.source) - 1;
        const p = pool;
        const task = p
            ? // The pool queues and batches the documents itself.
                remote(p, item)
            : queue.add(async () => local(item));
        done.push(task.then((value) => record(seq, { ok: true, value }), (err) => record(seq, { ok: false, error: err?.message ?? String(err) })));
    };
    // Reading must not run ahead of extraction without bound.
    const backpressure = async () => {
        const p = pool;
        if (p) {
            const limit = p.size * MAX_BATCH * 4;
            if (done.length > limit)
                await done[done.length - 1 - limit];
        }
        else if (queue.size > queue.concurrency * 4)
            await queue.onSizeLessThan(queue.concurrency * 2);
    };
    // With a known count the decision is immediate; a stream is buffered up to the threshold.
    const buffered = [];
    let decided = false;
    if (knownCount !== undefined || (options.workers !== undefined && options.workers !== 'auto')) {
        decide(knownCount ?? Infinity);
        decided = true;
    }
    try {
        for await (const item of items) {
            if (decided) {
                submit(item);
                await backpressure();
                continue;
            }
            buffered.push(item);
            if (buffered.length > threshold) {
                decide(buffered.length);
                decided = true;
                for (const b of buffered.splice(0))
                    submit(b);
            }
        }
        if (!decided)
            for (const b of buffered.splice(0))
                submit(b);
        await Promise.all(done);
    }
    finally {
        await pool?.close();
    }
    outcomes.forEach((o, seq) => {
        if (!o.ok) {
            run.failures.push({ source: sources[seq], error: o.error });
            return;
        }
        run.extractions.push(o.value);
        for (const w of o.value.document.warnings)
            run.warnings.push({ source: sources[seq], warning: w });
    });
    // Output must not depend on the order documents were finished in.
    run.extractions.sort((a, b) => a.document.id.localeCompare(b.document.id));
    return run;
}
/** read -> clean -> extract over files and directories (what `kg extract` runs). */
export async function extractPaths(paths, options = {}) {
    const failures = [];
    async function* raws() {
        for await (const item of readInputs(paths, options.read)) {
            if (item.ok)
                yield item.doc;
            else {
                failures.push(item.failure);
                options.onDocument?.(item.failure.source, false);
            }
        }
    }
    const run = await runAll(raws(), processDocument, (pool, raw) => pool.process(raw), options, AUTO_THRESHOLD.raw);
    run.failures.unshift(...failures);
    return run;
}
/** extract over documents already cleaned (what a run does after comparing fingerprints). */
export async function extractCleaned(docs, options = {}) {
    return runAll(docs, extractDocument, (pool, doc) => pool.extract(doc), options, AUTO_THRESHOLD.cleaned, docs.length);
}
//# sourceMappingURL=index.js.map