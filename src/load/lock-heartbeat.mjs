// The writer lock's heartbeat, on a thread of its own: the run's main thread
// may be busy for minutes (extraction of many documents in this thread, a
// long slice) and a timer there would not fire, letting the lock expire
// while its holder still writes. Plain JavaScript (no tsx to load): it only
// needs the driver. workerData: { uri, auth, database, owner, lockId, ttlMs,
// intervalMs, flag }; `flag` (Int32Array on a SharedArrayBuffer) is set to 1
// once a renewal finds the lock owned by someone else, readable by the main
// thread without waiting for a message.
import { workerData } from 'node:worker_threads';
import neo4j from 'neo4j-driver';

const { uri, auth, database, owner, lockId, ttlMs, intervalMs, flag } = workerData;
const lost = new Int32Array(flag);
const driver = neo4j.driver(uri, auth, {
  disableLosslessIntegers: true,
  connectionTimeout: 5_000,
  maxConnectionPoolSize: 1,
  userAgent: 'ai-governance-kg lock',
});

const HEARTBEAT_OWNED = `MATCH (l:Lock {id: $id}) WHERE l.owner = $owner
SET l.expiresAt = $expiresAt, l.expiresAtIso = $expiresAtIso
RETURN l.owner AS owner`;

let busy = false;
async function beat() {
  if (busy) return;
  busy = true;
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    const now = Date.now();
    const res = await session.run(HEARTBEAT_OWNED, { id: lockId, owner, expiresAt: now + ttlMs, expiresAtIso: new Date(now + ttlMs).toISOString() });
    if (res.records.length === 0) Atomics.store(lost, 0, 1);
  } catch {
    // Server away: the run's own writes fail and say so; the fence refuses
    // them if another writer took over meanwhile.
  } finally {
    await session.close().catch(() => {});
    busy = false;
  }
}

// The main thread ends this thread (Worker.terminate) when it releases the lock.
setInterval(beat, intervalMs);
