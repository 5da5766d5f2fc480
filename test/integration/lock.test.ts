// The writer lock under a busy main thread, a frozen holder and two runs at
// once on a fresh database.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphStore, LockLostError, sliceByDocument } from '../../src/load/index.ts';
import { acquireLock, LOCK_ID, LockHeldError } from '../../src/load/runs.ts';
import { runPipeline } from '../../src/refresh/index.ts';
import { ROOT } from './env.ts';
import { copySeeds, doc, entity, graph, openStore, query, wipe } from './helpers.ts';

let store: GraphStore;
beforeAll(async () => {
  store = await openStore();
  await store.applySchema();
});
afterAll(async () => {
  await store.close();
});

/** Blocks this thread (no event loop turn) for `ms`, as a long synchronous extraction does. */
const starve = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** A child's standard output, and a wait for a word in it. */
function output(child: ChildProcessByStdio<Writable, Readable, null>) {
  let text = '';
  const waiting: Array<() => void> = [];
  child.stdout.on('data', (c: Buffer) => {
    text += c.toString();
    for (const w of waiting.splice(0)) w();
  });
  const saw = (word: string): Promise<void> => (text.includes(word) ? Promise.resolve() : new Promise((r) => waiting.push(() => r(saw(word)))));
  return { saw, text: () => text };
}

const oneDocument = (id: string) =>
  sliceByDocument(
    graph({
      documents: [doc(id)],
      entities: [entity(`org/${id}`, 'Organization', `Org ${id}`, [[id, 0, 3]])],
      relations: [],
    }),
  );

describe('the writer lock', () => {
  it('is renewed while the main thread is starved past its expiry: another process cannot take it meanwhile', async () => {
    await wipe(store);
    // Contender B in its own process: when told, waits past the lock's TTL
    // (while this thread is starved) and tries to take the lock.
    const script = `
      import { createInterface } from 'node:readline';
      import { GraphStore } from './src/load/index.ts';
      import { acquireLock } from './src/load/runs.ts';
      const store = await GraphStore.open(JSON.parse(process.env.KG_TEST_CONNECTION));
      process.stdout.write('ready\\n');
      for await (const line of createInterface({ input: process.stdin })) {
        await new Promise((r) => setTimeout(r, 6000));
        try { const lock = await acquireLock(store, 'run', 4000); process.stdout.write('took\\n'); await lock.release(); }
        catch (err) { process.stdout.write('refused ' + err.name + '\\n'); }
        break;
      }
      await store.close(); process.exit(0);`;
    const b = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, KG_TEST_CONNECTION: JSON.stringify(store.connection) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const out = output(b);
    const exited = new Promise((r) => b.on('exit', r));
    await out.saw('ready');
    // A lifetime of 4 s (renewed every 1.3 s) and the contender trying after 6 s:
    // with 1.5 s, one renewal slowed past it by a loaded machine let B in.
    const lock = await acquireLock(store, 'run', 4000);
    try {
      await new Promise((r) => setTimeout(r, 300)); // the heartbeat thread is up
      await new Promise<void>((r) => b.stdin.write('go\n', () => r()));
      starve(9000);
      await Promise.race([out.saw('refused'), out.saw('took')]);
      expect(out.text()).toContain('refused LockHeldError');
      expect(lock.lost).toBe(false);
    } finally {
      await lock.release();
      b.kill();
      await exited;
    }
  });

  it('a holder frozen past its expiry cannot commit once another writer took over', async () => {
    await wipe(store);
    // Holder A in its own process: takes the lock, says so, and writes when told.
    const script = `
      import { createInterface } from 'node:readline';
      import { GraphStore, sliceByDocument } from './src/load/index.ts';
      import { acquireLock } from './src/load/runs.ts';
      const store = await GraphStore.open(JSON.parse(process.env.KG_TEST_CONNECTION));
      const lock = await acquireLock(store, 'run', 1500);
      process.stdout.write('locked\\n');
      for await (const line of createInterface({ input: process.stdin })) {
        const facts = sliceByDocument(JSON.parse(line));
        try { await store.writeDocuments(facts); process.stdout.write('committed\\n'); }
        catch (err) { process.stdout.write('failed ' + err.name + '\\n'); }
        break;
      }
      await lock.release(); await store.close(); process.exit(0);`;
    const a = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: ROOT,
      env: { ...process.env, KG_TEST_CONNECTION: JSON.stringify(store.connection) },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const { saw, text } = output(a);
    const exited = new Promise((r) => a.on('exit', r));
    await saw('locked');
    a.kill('SIGSTOP');
    try {
      await new Promise((r) => setTimeout(r, 2500)); // past A's expiry
      const b = await acquireLock(store, 'run', 60_000);
      try {
        await store.writeDocuments(oneDocument('b.txt'));
        a.kill('SIGCONT');
        a.stdin.write(
          JSON.stringify({ documents: [doc('a.txt')], entities: [entity('org/a.txt', 'Organization', 'Org a', [['a.txt', 0, 3]])], relations: [] }) + '\n',
        );
        await Promise.race([saw('failed'), saw('committed')]);
        expect(text()).toContain('failed LockLostError');
        expect((await store.readGraph()).documents.map((d) => d.id)).toEqual(['b.txt']);
      } finally {
        await b.release();
      }
    } finally {
      a.kill('SIGCONT');
      await exited;
    }
  });

  it("a writer's commit fails with LockLostError once its lock is another's", async () => {
    await wipe(store);
    const lock = await acquireLock(store, 'run', 60_000);
    const other = await GraphStore.open(store.connection);
    try {
      await other.write((tx) => tx.run("MATCH (l:Lock {id: $id}) SET l.owner = 'another-host:1:token'", { id: LOCK_ID }));
      await expect(store.writeDocuments(oneDocument('a.txt'))).rejects.toBeInstanceOf(LockLostError);
      expect((await store.readGraph()).documents).toEqual([]);
    } finally {
      await other.close();
      await lock.release();
      await wipe(store);
    }
  });

  it('two runs at once on a fresh database: one runs, the other gets the lock message', async () => {
    const dir = copySeeds('lock-fresh');
    for (let round = 0; round < 3; round++) {
      await wipe(store);
      for (const { name } of await query<{ name: string }>(store, 'SHOW CONSTRAINTS YIELD name RETURN name')) {
        await store.writeOnce(`DROP CONSTRAINT ${name}`);
      }
      for (const { name } of await query<{ name: string }>(store, "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")) {
        await store.writeOnce(`DROP INDEX ${name}`);
      }
      const second = await GraphStore.open(store.connection);
      try {
        // Whichever holds the lock writes only once the other has ended.
        const results: Array<Promise<unknown>> = [];
        const other = (i: number) => results[1 - i]!.catch(() => {});
        for (const [i, s] of [store, second].entries()) {
          results.push(
            runPipeline(s, {
              paths: [dir],
              mode: 'refresh',
              workers: 0,
              afterBatchWritten: async () => {
                await other(i);
              },
            }).then(() => 'ran'),
          );
        }
        const settled = await Promise.allSettled(results);
        expect(settled.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const [failure] = settled.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(failure!.reason).toBeInstanceOf(LockHeldError);
      } finally {
        await second.close();
      }
    }
    await store.applySchema();
  });
});
