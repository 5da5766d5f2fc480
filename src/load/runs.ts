// Bookkeeping in the graph itself: the Run records (the one-writer lock is
// in lock.ts, re-exported here).
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { GraphStore } from './index.ts';

export { acquireLock, LOCK_ID, LockHeldError, type LockHandle } from './lock.ts';

export interface RunCounts {
  new: number;
  changed: number;
  unchanged: number;
  failed: number;
  removed?: number;
  /** Syndicated copies linked to their first copy instead of extracted (src/load/duplicates.ts). */
  duplicates?: number;
}

export interface RunRecord extends RunCounts {
  id: string;
  kind: string;
  pipeline: string | null;
  startedAt: string;
  endedAt: string | null;
  status: 'running' | 'done' | 'failed' | 'interrupted';
  errors: string[];
  /** "source: warning" for each document read with a warning (other language, decoding guessed, truncated, no text). */
  warnings: string[];
}

/**
 * Starts a Run record. Call with the writer lock held: any Run still marked
 * running then belongs to a run that died (crash, Neo4j gone) and is marked
 * interrupted.
 */
export async function startRun(store: GraphStore, kind: string, pipeline: string | null): Promise<RunRecord> {
  await store.write((tx) =>
    tx.run("MATCH (r:Run {status: 'running'}) SET r.status = 'interrupted', r.endedAt = coalesce(r.endedAt, $now)", { now: new Date().toISOString() }),
  );
  const run: RunRecord = {
    id: randomUUID(),
    kind,
    pipeline,
    startedAt: new Date().toISOString(),
    endedAt: null,
    status: 'running',
    new: 0,
    changed: 0,
    unchanged: 0,
    failed: 0,
    errors: [],
    warnings: [],
  };
  await store.write((tx) =>
    tx.run(
      `CREATE (r:Run {id: $id, kind: $kind, pipeline: $pipeline, startedAt: $startedAt, status: 'running',
       new: 0, changed: 0, unchanged: 0, failed: 0, errors: [], warnings: []})`,
      run,
    ),
  );
  return run;
}

const FINISH_RUN = `MATCH (r:Run {id: $id})
SET r.endedAt = $endedAt, r.status = $status, r.new = $new, r.changed = $changed,
    r.unchanged = $unchanged, r.failed = $failed, r.errors = $errors, r.warnings = $warnings, r.removed = $removed, r.duplicates = $duplicates`;

/** Records the run's end. `once`: a single attempt (on the failure path, where Neo4j may be gone). */
export async function finishRun(store: GraphStore, run: RunRecord, once = false): Promise<void> {
  run.endedAt = new Date().toISOString();
  const params = { ...run, removed: run.removed ?? null, duplicates: run.duplicates ?? null };
  if (once) await store.writeOnce(FINISH_RUN, params);
  else await store.write((tx) => tx.run(FINISH_RUN, params));
}

export async function listRuns(store: GraphStore, limit = 20): Promise<RunRecord[]> {
  return store.read(async (tx) => {
    const res = await tx.run('MATCH (r:Run) RETURN r ORDER BY r.startedAt DESC LIMIT $limit', { limit: neo4j.int(Math.trunc(limit)) });
    return res.records.map((rec) => {
      const p = (rec.get('r') as { properties: Record<string, unknown> }).properties;
      return {
        id: p.id,
        kind: p.kind,
        pipeline: p.pipeline ?? null,
        startedAt: p.startedAt,
        endedAt: p.endedAt ?? null,
        status: p.status,
        new: p.new,
        changed: p.changed,
        unchanged: p.unchanged,
        failed: p.failed,
        removed: p.removed ?? undefined,
        duplicates: p.duplicates ?? undefined,
        errors: p.errors ?? [],
        warnings: p.warnings ?? [],
      } as RunRecord;
    });
  });
}
