// The distributed pipeline end to end: a local redis-server (Debian's, on a
// port of its own, data in .redis/test), documents enqueued, two `kg worker`
// processes extracting them, the writer loading them: the graph must be the
// one `kg run` builds from the same documents.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/load/index.ts';
import { listRuns } from '../../src/load/runs.ts';
import { enqueuePaths, runWriter } from '../../src/queue/index.ts';
import { localRedis, startRedis, stopRedis } from '../../src/queue/redis.ts';
import { runPipeline } from '../../src/refresh/index.ts';
import { freePort, ROOT } from './env.ts';
import { normalize, openStore, scratchDir, wipe } from './helpers.ts';

const PORT = process.env.KG_TEST_REDIS_PORT ? Number(process.env.KG_TEST_REDIS_PORT) : await freePort();
const URL_ = `redis://127.0.0.1:${PORT}`;
const redisCfg = localRedis(URL_, path.join(ROOT, '.redis', 'test'));

let store: GraphStore;
let startedRedis = false;
beforeAll(async () => {
  startedRedis = (await startRedis(redisCfg)).started;
  store = await openStore();
  await store.applySchema();
});
afterAll(async () => {
  await store?.close();
  if (startedRedis) await stopRedis(redisCfg);
});
beforeEach(async () => {
  const r = new Redis(URL_);
  await r.flushdb();
  r.disconnect();
  await wipe(store);
});

/** The seeds three times over under other names: 15 documents that share entities. */
function corpus(): string {
  const dir = scratchDir('queue');
  const seeds = path.join(ROOT, 'seeds');
  for (const copy of ['a', 'b', 'c']) {
    for (const f of readdirSync(seeds)) cpSync(path.join(seeds, f), path.join(dir, `${copy}-${f}`));
  }
  return dir;
}

interface WorkerProc {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startWorker(): Promise<WorkerProc> {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kg.js'), 'worker'], {
    cwd: ROOT,
    env: { ...process.env, REDIS_URL: URL_ },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (out.includes('kg worker: ready')) {
        clearInterval(timer);
        resolve({ child, output: () => out, exited });
      }
    }, 100);
    void exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`kg worker exited (${code}) before it was ready: ${out}`));
    });
  });
}

describe('kg enqueue / kg worker / kg writer', () => {
  it('two workers and the writer build the graph kg run builds from the same documents', async () => {
    const dir = corpus();

    await runPipeline(store, { paths: [dir], mode: 'full' });
    const expected = normalize(await store.readGraph());
    expect(expected.documents).toHaveLength(15);
    expect(expected.relations.length).toBeGreaterThan(20);
    await wipe(store);

    const workers = await Promise.all([startWorker(), startWorker()]);
    try {
      const queued = await enqueuePaths([dir], URL_);
      expect(queued).toEqual({ queued: 15, failures: [], warnings: [] });
      const summary = await runWriter(store, { untilEmpty: true, log: () => {} }, URL_);
      expect(summary.written).toBe(15);
      expect(summary.failed).toBe(0);
    } finally {
      for (const w of workers) w.child.kill('SIGTERM');
    }
    const codes = await Promise.all(workers.map((w) => w.exited));
    expect(codes).toEqual([0, 0]);
    const extracted = workers.map((w) => Number(/(\d+) documents extracted/.exec(w.output())?.[1] ?? NaN));
    expect(extracted[0]! + extracted[1]!).toBe(15);
    expect(extracted.every((n) => n > 0)).toBe(true); // both workers took documents

    const actual = normalize(await store.readGraph());
    expect(actual).toEqual(expected); // documents, entities with mentions, relations with evidence
    const runs = await listRuns(store);
    const queueRuns = runs.filter((r) => r.kind === 'queue');
    expect(queueRuns.every((r) => r.status === 'done' && r.failed === 0)).toBe(true);
    expect(queueRuns.reduce((a, r) => a + r.new, 0)).toBe(15);
  });

  it('a document enqueued again while waiting is queued once; enqueued again after a change, the writer replaces its facts', async () => {
    const dir = scratchDir('queue-change');
    cpSync(path.join(ROOT, 'seeds'), dir, { recursive: true });
    await enqueuePaths([dir], URL_);
    await enqueuePaths([dir], URL_); // same ids and bodies: the same jobs
    const r = new Redis(URL_);
    const { Queue } = await import('bullmq');
    const q = new Queue('kg-documents', { connection: r, prefix: process.env.KG_QUEUE_PREFIX || 'kg' });
    expect(await q.getWaitingCount()).toBe(5);
    await q.close();
    r.disconnect();
    // In-process worker via the CLI module, until the queue is empty.
    const { runWorker } = await import('../../src/queue/index.ts');
    expect(await runWorker({ untilEmpty: true, log: () => {} }, URL_)).toEqual({ extracted: 5, failed: 0 });
    await runWriter(store, { untilEmpty: true, log: () => {} }, URL_);
    const first = await store.readGraph();
    expect(first.documents).toHaveLength(5);

    // The same as a full run of the changed corpus, again.
    const file = path.join(dir, readdirSync(dir).sort()[0]!);
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n[^\n]*\n*$/, '\n'));
    await enqueuePaths([file], URL_);
    await runWorker({ untilEmpty: true, log: () => {} }, URL_);
    const summary = await runWriter(store, { untilEmpty: true, log: () => {} }, URL_);
    expect(summary.runs.map((x) => [x.new, x.changed])).toEqual([[0, 1]]);
    const viaQueue = normalize(await store.readGraph());
    await wipe(store);
    await runPipeline(store, { paths: [dir], mode: 'full' });
    expect(viaQueue).toEqual(normalize(await store.readGraph()));
  });
});
