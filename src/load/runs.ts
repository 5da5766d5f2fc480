// Bookkeeping in the graph itself: the one-writer lock and the Run records.
//
// The lock is a (:Lock {id: 'graph-writer'}) node with an owner and an expiry
// that the holder keeps pushing forward (heartbeat). A lock whose expiry has
// passed is free: a crashed run cannot leave the graph locked for longer than
// the TTL. A lock held by a process of this host that no longer runs, or by
// this very process but from a run that has ended, is free at once.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import neo4j from 'neo4j-driver';
import { processAlive } from '../server/index.ts';
import type { GraphStore } from './index.ts';

export const LOCK_ID = 'graph-writer';

/** Lock tokens this process holds right now. */
const heldHere = new Set<string>();

export class LockHeldError extends Error {
  constructor(readonly owner: string, readonly expiresAt: string, readonly purpose: string | null) {
    super(`another writer holds the graph lock (${purpose ?? 'run'} by ${owner}, until ${expiresAt} unless it keeps running): try again later`);
    this.name = 'LockHeldError';
  }
}

export interface LockHandle {
  owner: string;
  /** Set when a heartbeat found the lock taken over (the run should stop). */
  lost: boolean;
  release(): Promise<void>;
}

/** Is this lock owner certainly gone? (Owner format: host:pid:token.) */
function ownerGone(owner: string): boolean {
  const [host, pidText, token] = owner.split(':');
  if (host !== hostname()) return false;
  const pid = Number(pidText);
  if (pid === process.pid) return !heldHere.has(token);
  return Number.isInteger(pid) && pid > 0 && !processAlive(pid);
}

const TAKE_LOCK = `MERGE (l:Lock {id: $id})
SET l.touchedAt = $now
WITH l
WHERE l.owner IS NULL OR l.owner = $owner OR l.expiresAt < $now OR l.owner IN $gone
SET l.owner = $owner, l.expiresAt = $expiresAt, l.acquiredAt = $now, l.purpose = $purpose, l.expiresAtIso = $expiresAtIso
RETURN l.owner AS owner`;

const READ_LOCK = 'MATCH (l:Lock {id: $id}) RETURN l.owner AS owner, l.expiresAtIso AS expiresAtIso, l.purpose AS purpose';

/** Returns a row only while the lock is still ours. */
const HEARTBEAT_OWNED = `MATCH (l:Lock {id: $id}) WHERE l.owner = $owner
SET l.expiresAt = $expiresAt, l.expiresAtIso = $expiresAtIso
RETURN l.owner AS owner`;

const RELEASE = 'MATCH (l:Lock {id: $id}) WHERE l.owner = $owner DELETE l';

export async function acquireLock(store: GraphStore, purpose: string, ttlMs = Number(process.env.KG_LOCK_TTL_MS || 60_000)): Promise<LockHandle> {
  const token = randomUUID();
  const owner = `${hostname()}:${process.pid}:${token}`;
  const stamp = () => {
    const now = Date.now();
    return { now, expiresAt: now + ttlMs, expiresAtIso: new Date(now + ttlMs).toISOString() };
  };
  // Is the current holder gone? Decided here, where pids can be checked.
  const current = await store.read(async (tx) => (await tx.run(READ_LOCK, { id: LOCK_ID })).records[0]?.toObject() as
    { owner: string | null; expiresAtIso: string | null; purpose: string | null } | undefined);
  const gone = current?.owner && ownerGone(current.owner) ? [current.owner] : [];
  heldHere.add(token);
  const got = await store.write(async (tx) => {
    const res = await tx.run(TAKE_LOCK, { id: LOCK_ID, owner, purpose, gone, ...stamp() });
    return res.records.length > 0;
  }).catch((err) => { heldHere.delete(token); throw err; });
  if (!got) {
    heldHere.delete(token);
    const now = await store.read(async (tx) => (await tx.run(READ_LOCK, { id: LOCK_ID })).records[0]?.toObject() as
      { owner: string; expiresAtIso: string; purpose: string | null } | undefined);
    throw new LockHeldError(now?.owner ?? current?.owner ?? '?', now?.expiresAtIso ?? '?', now?.purpose ?? null);
  }

  const handle: LockHandle = {
    owner,
    lost: false,
    async release() {
      clearInterval(timer);
      heldHere.delete(token);
      await store.writeOnce(RELEASE, { id: LOCK_ID, owner }).catch(() => {
        // Unreachable server: the lock expires by itself, and this process
        // already treats it as gone (heldHere).
      });
    },
  };
  const timer = setInterval(() => {
    store.writeOnce(HEARTBEAT_OWNED, { id: LOCK_ID, owner, ...stamp() })
      .then((n) => { if (n === 0) handle.lost = true; })
      .catch(() => { /* server away: the run's own writes will fail and say so */ });
  }, Math.max(1000, Math.floor(ttlMs / 3)));
  timer.unref();
  return handle;
}

export interface RunCounts {
  new: number;
  changed: number;
  unchanged: number;
  failed: number;
  removed?: number;
}

export interface RunRecord extends RunCounts {
  id: string;
  kind: string;
  pipeline: string | null;
  startedAt: string;
  endedAt: string | null;
  status: 'running' | 'done' | 'failed' | 'interrupted';
  errors: string[];
}

/**
 * Starts a Run record. Call with the writer lock held: any Run still marked
 * running then belongs to a run that died (crash, Neo4j gone) and is marked
 * interrupted.
 */
export async function startRun(store: GraphStore, kind: string, pipeline: string | null): Promise<RunRecord> {
  await store.write((tx) => tx.run(
    "MATCH (r:Run {status: 'running'}) SET r.status = 'interrupted', r.endedAt = coalesce(r.endedAt, $now)",
    { now: new Date().toISOString() },
  ));
  const run: RunRecord = {
    id: randomUUID(), kind, pipeline, startedAt: new Date().toISOString(), endedAt: null, status: 'running',
    new: 0, changed: 0, unchanged: 0, failed: 0, errors: [],
  };
  await store.write((tx) => tx.run(
    `CREATE (r:Run {id: $id, kind: $kind, pipeline: $pipeline, startedAt: $startedAt, status: 'running',
       new: 0, changed: 0, unchanged: 0, failed: 0, errors: []})`,
    run,
  ));
  return run;
}

const FINISH_RUN = `MATCH (r:Run {id: $id})
SET r.endedAt = $endedAt, r.status = $status, r.new = $new, r.changed = $changed,
    r.unchanged = $unchanged, r.failed = $failed, r.errors = $errors, r.removed = $removed`;

/** Records the run's end. `once`: a single attempt (on the failure path, where Neo4j may be gone). */
export async function finishRun(store: GraphStore, run: RunRecord, once = false): Promise<void> {
  run.endedAt = new Date().toISOString();
  const params = { ...run, removed: run.removed ?? null };
  if (once) await store.writeOnce(FINISH_RUN, params);
  else await store.write((tx) => tx.run(FINISH_RUN, params));
}

export async function listRuns(store: GraphStore, limit = 20): Promise<RunRecord[]> {
  return store.read(async (tx) => {
    const res = await tx.run(
      'MATCH (r:Run) RETURN r ORDER BY r.startedAt DESC LIMIT $limit',
      { limit: neo4j.int(Math.trunc(limit)) },
    );
    return res.records.map((rec) => {
      const p = (rec.get('r') as { properties: Record<string, unknown> }).properties;
      return {
        id: p.id, kind: p.kind, pipeline: p.pipeline ?? null, startedAt: p.startedAt, endedAt: p.endedAt ?? null,
        status: p.status, new: p.new, changed: p.changed, unchanged: p.unchanged, failed: p.failed,
        removed: p.removed ?? undefined, errors: p.errors ?? [],
      } as RunRecord;
    });
  });
}
