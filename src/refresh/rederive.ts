// Re-derives documents already in the graph: their stored cleaned text is
// extracted again and resolved under the analysts' decisions, and their facts
// replaced, as a run would (one transaction per batch, under the writer lock,
// recorded as a Run of kind "curate"). This is how a decision (kg curate)
// reaches the live graph at once, and how a withdrawn one leaves it: the
// documents it touched say again what they say.
import { existsSync } from 'node:fs';
import { cleanDocument } from '../clean/index.ts';
import type { EntityReset } from '../curate/index.ts';
import { readInputs } from '../ingest/index.ts';
import { decisionRows, storedDocuments, writeDecisionNodes, type StoredDocument } from '../load/curation.ts';
import type { GraphStore, WriteResult } from '../load/index.ts';
import { acquireLock, finishRun, startRun, type RunRecord } from '../load/runs.ts';
import type { Decision } from '../model/decisions.ts';
import type { CleanDocument } from '../model/schemas.ts';
import { extractCleaned, type Workers } from '../pipeline/index.ts';
import { resolveForWrite } from './resolve-write.ts';

export interface RederiveOptions {
  /** Every decision of the file, withdrawals included (the ones in force are applied). */
  decisions: Decision[];
  /** Entities that enter resolution without their graph state (resetFor). */
  reset?: ReadonlyMap<string, EntityReset>;
  workers?: Workers;
}

export interface RederiveSummary {
  run: RunRecord;
  /** Documents extracted again and written. */
  rederived: string[];
  /** Documents that could not be: no stored text and no readable source; the decision reaches them when they are next loaded. */
  unavailable: Array<{ id: string; reason: string }>;
  written: WriteResult[];
}

const describe = (err: unknown) => (err as Error)?.message ?? String(err);

/** The document as a CleanDocument: from its stored text, else from its source file when it is still there. */
async function cleaned(d: StoredDocument): Promise<CleanDocument | string> {
  if (d.text !== null) {
    return {
      id: d.id,
      source: d.source,
      url: d.url,
      title: d.title,
      publishedAt: d.publishedAt,
      author: null,
      lang: null,
      text: d.text,
      contentHash: d.contentHash,
      sourceMap: [],
      warnings: d.warnings,
    };
  }
  // Loaded before texts were kept: its source, if it is a file still there (a JSON Lines record: `file#line`).
  const file = d.source.replace(/#\d+$/, '');
  if (d.source === '-' || !existsSync(file)) return `no stored text, and its source ${d.source} cannot be read again`;
  for await (const item of readInputs([file])) {
    if (item.ok && item.doc.id === d.id) return cleanDocument(item.doc);
  }
  return `no stored text, and ${file} no longer holds it`;
}

/**
 * Extracts the documents again and writes them, inside a run that holds the
 * writer lock (`run` collects errors and warnings). The decision nodes are
 * not written here: the caller writes them once it is done.
 */
export async function rederiveInRun(
  store: GraphStore,
  ids: string[],
  options: RederiveOptions,
  run: RunRecord,
  lock: { lost: boolean },
): Promise<Omit<RederiveSummary, 'run'>> {
  const unavailable: RederiveSummary['unavailable'] = [];
  const docs: CleanDocument[] = [];
  for (const d of await storedDocuments(store, ids)) {
    const c = await cleaned(d);
    if (typeof c === 'string') unavailable.push({ id: d.id, reason: c });
    else docs.push(c);
  }
  const extracted = await extractCleaned(docs, { workers: options.workers ?? 'auto' });
  for (const f of extracted.failures) run.errors.push(`${f.source}: extraction failed: ${f.error}`);
  const slices = resolveForWrite(extracted.extractions, await store.knownEntities(), options.decisions, options.reset);
  const written: WriteResult[] = [];
  await store.writeInBatches(slices, {
    beforeBatch: () => {
      if (lock.lost) throw new Error('the graph lock was taken over by another writer; stopping');
    },
    onFailed: (facts, err) => {
      run.errors.push(`${facts.document.source}: write failed: ${describe(err)}`);
    },
    onWritten: (results) => {
      written.push(...results);
    },
  });
  for (const u of unavailable) run.warnings.push(`${u.id}: not re-derived: ${u.reason}`);
  return { rederived: written.map((w) => w.id), unavailable, written };
}

export async function rederiveDocuments(store: GraphStore, ids: string[], options: RederiveOptions): Promise<RederiveSummary> {
  await store.applySchema();
  const lock = await acquireLock(store, 'curate');
  let run: RunRecord | null = null;
  try {
    run = await startRun(store, 'curate', null);
    const result = await rederiveInRun(store, ids, options, run, lock);
    await writeDecisionNodes(store, decisionRows(options.decisions));
    run.changed = result.written.length;
    run.failed = run.errors.length;
    run.status = 'done';
    await finishRun(store, run);
    return { run, ...result };
  } catch (err) {
    if (run) {
      run.status = 'failed';
      run.errors.push(describe(err));
      await finishRun(store, run, true).catch(() => {});
    }
    throw err;
  } finally {
    await lock.release();
  }
}
