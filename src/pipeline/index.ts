// Composes the pure stages over many documents: read -> clean -> extract,
// collecting per-document failures instead of stopping the run. Few documents
// are processed in this thread (p-queue); many go to a pool of worker threads
// (pool.ts), one per core, which takes them in batches and is what scales
// extraction with the cores. A time budget per document (pool.ts) is
// enforced on the pool's threads; a run that extracts in this thread sends its
// few large documents to one guard thread so that the budget holds for them
// too (guard.ts; with workers 0, everything stays in this thread and has no
// budget).
import PQueue from 'p-queue';
import { cleanDocument } from '../clean/index.ts';
import { extractDocument } from '../extract/index.ts';
import { readInputs, type InputFailure, type ReadOptions } from '../ingest/index.ts';
import type { CleanDocument, DocumentExtraction, RawDocument } from '../model/schemas.ts';
import { Guard } from './guard.ts';
import { defaultWorkers, docBudgetMs, ExtractPool, MAX_BATCH } from './pool.ts';

export { GUARD_CHARS, GUARD_MARKUP_CHARS, Guard, needsGuard } from './guard.ts';
export { DEFAULT_DOC_BUDGET_S, defaultWorkers, docBudgetMs, ExtractPool, isBudgetStop, MAX_BATCH } from './pool.ts';

export type DocumentFailure = InputFailure;

export interface ExtractRun {
  extractions: DocumentExtraction[];
  failures: DocumentFailure[];
  warnings: Array<{ source: string; warning: string }>;
  /** Worker threads used (0: extracted in this thread). */
  workers: number;
}

/**
 * How many worker threads: 0 = in this thread; a number = that many threads;
 * 'auto' (default) = one per core once a run has more documents than the
 * threshold: starting the threads (each loads tsx, compromise and the
 * registry) takes about 2 s on 2 cores, which one core spends on ~300
 * documents cleaned and extracted, or ~1,000 documents only extracted.
 */
export type Workers = number | 'auto';

export const AUTO_THRESHOLD = { raw: 300, cleaned: 1000 };

export interface ExtractOptions {
  /** Documents in flight in this thread when no pool is used. */
  concurrency?: number;
  workers?: Workers;
  /** How inputs are read (stdin's id, size cap); extractPaths only. */
  read?: ReadOptions;
  /** Called once per document, done or failed, for progress display. */
  onDocument?: (source: string, ok: boolean) => void;
  /** Time budget per document in ms (0: none); default docBudgetMs() (KG_DOC_BUDGET_S, 60 s). */
  budgetMs?: number;
  /**
   * The caller's guard thread (it closes it), whose spentMs (cleaning time on
   * it, by document id) is taken from the documents' extraction budgets; else
   * a run starts a guard of its own when a document needs one.
   */
  guard?: Guard;
}

export function processDocument(raw: RawDocument): DocumentExtraction {
  return extractDocument(cleanDocument(raw));
}

/** Parses a --doc-budget value (seconds, 0 for none) into ms; undefined: the default (KG_DOC_BUDGET_S, 60 s). */
export function parseBudget(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const s = Number(value);
  if (value.trim() === '' || !Number.isFinite(s) || s < 0) throw new Error(`--doc-budget must be a number of seconds (0 for no budget), not "${value}"`);
  return Math.round(s * 1000);
}

/** Parses a --workers value: a non-negative integer or "auto". */
export function parseWorkers(value: string | undefined): Workers {
  if (value === undefined || value === 'auto') return 'auto';
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--workers must be "auto" or a non-negative integer, not "${value}"`);
  return n;
}

function poolSize(workers: Workers, documents: number, threshold: number): number {
  if (workers === 'auto') return documents > threshold && defaultWorkers() > 1 ? defaultWorkers() : 0;
  return workers;
}

type Step<T> = (doc: T) => Promise<DocumentExtraction> | DocumentExtraction;

type Outcome = { ok: true; value: DocumentExtraction } | { ok: false; error: string };

/**
 * Runs `local` (this thread) or `remote` (the pool) over items; failures per
 * document. Extractions come out sorted by document id, failures and warnings
 * in input order, whatever order the threads finish in.
 */
async function runAll<T extends RawDocument | CleanDocument>(
  items: AsyncIterable<T> | Iterable<T>,
  local: Step<T>,
  remote: (pool: ExtractPool, item: T, spentMs: number) => Promise<DocumentExtraction>,
  options: ExtractOptions,
  threshold: number,
  knownCount?: number,
): Promise<ExtractRun> {
  const run: ExtractRun = { extractions: [], failures: [], warnings: [], workers: 0 };
  const sources: string[] = [];
  const outcomes: Outcome[] = [];
  const done: Array<Promise<void>> = [];
  let pool: ExtractPool | null = null;
  const budgetMs = options.budgetMs ?? docBudgetMs();
  // The thread a large document goes to when the others are worked on here (started on the first).
  const guard = options.guard ?? new Guard(budgetMs, options.workers !== 0);
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  const decide = (documents: number) => {
    const size = poolSize(options.workers ?? 'auto', documents, threshold);
    if (size > 0) {
      pool = new ExtractPool(size, { budgetMs });
      run.workers = size;
    }
  };
  const record = (seq: number, outcome: Outcome) => {
    outcomes[seq] = outcome;
    options.onDocument?.(sources[seq]!, outcome.ok);
  };
  const submit = (item: T) => {
    const seq = sources.push(item.source) - 1;
    const p = (pool as ExtractPool | null) ?? (guard.wants(item) ? guard.thread() : null);
    const task = p
      ? // The pool queues and batches the documents itself.
        remote(p, item, guard.spentMs.get(item.id) ?? 0)
      : (queue.add(async () => local(item)) as Promise<DocumentExtraction>);
    done.push(
      task.then(
        (value) => record(seq, { ok: true, value }),
        (err) => record(seq, { ok: false, error: (err as Error)?.message ?? String(err) }),
      ),
    );
  };
  // Reading must not run ahead of extraction without bound.
  const backpressure = async () => {
    const p = pool as ExtractPool | null;
    if (p) {
      const limit = p.size * MAX_BATCH * 4;
      if (done.length > limit) await done[done.length - 1 - limit];
    } else if (queue.size > queue.concurrency * 4) await queue.onSizeLessThan(queue.concurrency * 2);
  };
  // With a known count the decision is immediate; a stream is buffered up to the threshold.
  const buffered: T[] = [];
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
        for (const b of buffered.splice(0)) submit(b);
      }
    }
    if (!decided) for (const b of buffered.splice(0)) submit(b);
    await Promise.all(done);
  } finally {
    await (pool as ExtractPool | null)?.close();
    if (guard !== options.guard) await guard.close();
  }
  outcomes.forEach((o, seq) => {
    if (!o.ok) {
      run.failures.push({ source: sources[seq]!, error: o.error });
      return;
    }
    run.extractions.push(o.value);
    for (const w of o.value.document.warnings) run.warnings.push({ source: sources[seq]!, warning: w });
  });
  // Output must not depend on the order documents were finished in.
  run.extractions.sort((a, b) => a.document.id.localeCompare(b.document.id));
  return run;
}

/** read -> clean -> extract over files and directories (what `kg extract` runs). */
export async function extractPaths(paths: string[], options: ExtractOptions = {}): Promise<ExtractRun> {
  const failures: DocumentFailure[] = [];
  async function* raws(): AsyncGenerator<RawDocument> {
    for await (const item of readInputs(paths, options.read)) {
      if (item.ok) yield item.doc;
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
export async function extractCleaned(docs: CleanDocument[], options: ExtractOptions = {}): Promise<ExtractRun> {
  return runAll(docs, extractDocument, (pool, doc, spentMs) => pool.extract(doc, spentMs), options, AUTO_THRESHOLD.cleaned, docs.length);
}
