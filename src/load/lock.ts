// The one-writer lock, kept in the graph itself.
//
// The lock is a (:Lock {id: 'graph-writer'}) node with an owner and an expiry
// that the holder keeps pushing forward (heartbeat). A lock whose expiry has
// passed is free: a crashed run cannot leave the graph locked for longer than
// the TTL. A lock held by a process of this host that no longer runs, or by
// this very process but from a run that has ended, is free at once.
//
// Two things make it hold under load and faults:
// - the heartbeat runs on a thread of its own (lock-heartbeat.mjs), so a main
//   thread busy extracting cannot starve it;
// - every write transaction of the holder is fenced (GraphStore.fence): it
//   first checks, and renews, that the lock is still its own, in the same
//   transaction. A writer that froze past the expiry and lost the lock to
//   another cannot commit afterwards; and as the check locks the Lock node,
//   a takeover waits for a transaction in flight to end instead of writing
//   beside it.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Worker } from 'node:worker_threads';
import { authFor, processAlive } from '../server/index.ts';
import type { GraphStore } from './index.ts';

export const LOCK_ID = 'graph-writer';

/** How long a lock acquisition waits for a transaction that holds the Lock node (a writer in flight). */
const TAKE_TIMEOUT_MS = 10_000;

/** Lock tokens this process holds right now. */
const heldHere = new Set<string>();

export class LockHeldError extends Error {
  constructor(
    readonly owner: string,
    readonly expiresAt: string,
    readonly purpose: string | null,
  ) {
    super(`another writer holds the graph lock (${purpose ?? 'run'} by ${owner}, until ${expiresAt} unless it keeps running): try again later`);
    this.name = 'LockHeldError';
  }
}

export interface LockHandle {
  owner: string;
  /** Set when a heartbeat found the lock taken over (the run should stop). */
  readonly lost: boolean;
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

const RELEASE = 'MATCH (l:Lock {id: $id}) WHERE l.owner = $owner DELETE l';

/** Another writer's transaction held the Lock node (or the lock's creation) past our wait: it is busy, i.e. held. */
function contended(err: unknown): boolean {
  const code = (err as { code?: string }).code ?? '';
  return /Deadlock|TimedOut|LockClientStopped|LockAcquisition|ConstraintValidationFailed/i.test(code);
}

type LockRow = { owner: string | null; expiresAtIso: string | null; purpose: string | null } | undefined;

export async function acquireLock(store: GraphStore, purpose: string, ttlMs = Number(process.env.KG_LOCK_TTL_MS || 60_000)): Promise<LockHandle> {
  const token = randomUUID();
  const owner = `${hostname()}:${process.pid}:${token}`;
  const now = Date.now();
  const stamp = { now, expiresAt: now + ttlMs, expiresAtIso: new Date(now + ttlMs).toISOString() };
  const readLock = () => store.read(async (tx) => (await tx.run(READ_LOCK, { id: LOCK_ID })).records[0]?.toObject() as LockRow);
  // Is the current holder gone? Decided here, where pids can be checked.
  const current = await readLock();
  const gone = current?.owner && ownerGone(current.owner) ? [current.owner] : [];
  heldHere.add(token);
  const held = async (): Promise<never> => {
    heldHere.delete(token);
    const row = await readLock().catch(() => undefined);
    throw new LockHeldError(row?.owner ?? current?.owner ?? '?', row?.expiresAtIso ?? '?', row?.purpose ?? null);
  };
  // One attempt with a bounded wait, not the driver's retries: a writer in
  // flight holds the Lock node until it commits.
  const session = store.session('WRITE');
  let got: boolean;
  try {
    const res = await session.run(TAKE_LOCK, { id: LOCK_ID, owner, purpose, gone, ...stamp }, { timeout: TAKE_TIMEOUT_MS });
    got = res.records.length > 0;
  } catch (err) {
    if (contended(err)) return held();
    heldHere.delete(token);
    throw err;
  } finally {
    await session.close().catch(() => {});
  }
  if (!got) return held();

  const flag = new SharedArrayBuffer(4);
  const lostFlag = new Int32Array(flag);
  const { connection } = store;
  const worker = new Worker(new URL('./lock-heartbeat.mjs', import.meta.url), {
    // Plain JavaScript: no need for the tsx loader the main thread may run under.
    execArgv: [],
    workerData: {
      uri: connection.uri,
      auth: authFor(connection),
      database: connection.database,
      owner,
      lockId: LOCK_ID,
      ttlMs,
      intervalMs: Math.max(200, Math.floor(ttlMs / 3)),
      flag,
    },
  });
  worker.unref();
  worker.on('error', () => {
    /* the fence still guards every write */
  });
  store.fence = { lockId: LOCK_ID, owner, ttlMs };

  return {
    owner,
    get lost() {
      return Atomics.load(lostFlag, 0) === 1;
    },
    async release() {
      if (store.fence?.owner === owner) store.fence = null;
      heldHere.delete(token);
      // At once, not after its renewal in flight: with the server gone that
      // could take a connection timeout, after the run already gave up.
      await worker.terminate();
      await store.writeOnce(RELEASE, { id: LOCK_ID, owner }).catch(() => {
        // Unreachable server: the lock expires by itself, and this process
        // already treats it as gone (heldHere).
      });
    },
  };
}
