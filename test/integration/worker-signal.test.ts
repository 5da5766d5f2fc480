// SIGTERM stops a `kg worker` within seconds even when it holds a document it
// cannot finish in time: the document goes back to the queue for another
// worker (before, a worker could ignore SIGTERM for a minute).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RawDocument } from '../../src/model/schemas.ts';
import { DOCUMENTS } from '../../src/queue/index.ts';
import { localRedis, startRedis, stopRedis } from '../../src/queue/redis.ts';
import { freePort, ROOT } from './env.ts';

const PORT = process.env.KG_TEST_REDIS_PORT ? Number(process.env.KG_TEST_REDIS_PORT) + 1 : await freePort();
const URL_ = `redis://127.0.0.1:${PORT}`;
const redisCfg = localRedis(URL_, path.join(ROOT, '.redis', 'test-signal'));
const PREFIX = process.env.KG_QUEUE_PREFIX || 'kg';

let startedRedis = false;
beforeAll(async () => {
  startedRedis = (await startRedis(redisCfg)).started;
});
afterAll(async () => {
  if (startedRedis) await stopRedis(redisCfg);
});

const waitFor = (pred: () => boolean | Promise<boolean>, what: string, ms = 120_000) =>
  new Promise<void>((resolve, reject) => {
    const t0 = Date.now();
    const tick = async () => {
      if (await pred()) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error(`timed out waiting for ${what}`));
      setTimeout(tick, 100);
    };
    void tick();
  });

describe('kg worker and SIGTERM', () => {
  it('returns the document it holds to the queue and exits 0 within seconds', async () => {
    const r = new Redis(URL_);
    await r.flushdb();
    const queue = new Queue<RawDocument>(DOCUMENTS, { connection: r, prefix: PREFIX });
    // A long document keeps the worker's extraction thread busy for seconds
    // (words without names: its result stays small).
    const sentence = 'the committee discussed the matter at length and agreed to continue the work next week. ';
    const body = sentence.repeat(120_000);
    await queue.add('document', { id: 'long.txt', source: 'long.txt', format: 'text', body }, { jobId: 'long' });

    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kg.js'), 'worker', '--threads', '1'], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: URL_, KG_WORKER_GRACE_MS: '1000' },
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
    try {
      await waitFor(async () => (await queue.getActiveCount()) === 1, 'the worker to take the document');
      child.kill('SIGTERM');
      const t0 = Date.now();
      const code = await Promise.race([exited, new Promise<string>((res) => setTimeout(() => res('still running'), 20_000))]);
      expect(code, out).toBe(0);
      expect(Date.now() - t0).toBeLessThan(20_000);
      expect(out).toMatch(/stopped after 1000 ms with 1 document\(s\) unfinished; they are back on the queue/);
      expect(await queue.getJobState('long')).toBe('waiting');
      // The stop is reported once, as a stop: no error line from the connections it closed.
      expect(out).not.toMatch(/Connection is closed/);
    } finally {
      child.kill('SIGKILL');
      await queue.close();
      r.disconnect();
    }
  });
});
