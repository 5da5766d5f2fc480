// `kg enqueue` and `kg worker` with no Redis where REDIS_URL points: one line
// that says what to do, a bounded retry, a non-zero exit (before: a stack
// trace per reconnection attempt, for ever).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closedPort } from './helpers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function kg(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin', 'kg.js'), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr });
      },
    );
  });
}

describe('no Redis', () => {
  // kg writer also needs Neo4j: pointed at none, it must still name Redis, the first thing missing, without
  // trying (or starting) Neo4j first.
  for (const args of [['enqueue', 'seeds'], ['worker'], ['writer']]) {
    it(`kg ${args[0]} says what to do in one line and exits 1`, async () => {
      const url = `redis://127.0.0.1:${await closedPort()}`;
      const r = await kg(args, { REDIS_URL: url, KG_REDIS_ATTEMPTS: '2', NEO4J_URI: `bolt://127.0.0.1:${await closedPort()}` });
      expect(r.code).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines.filter((l) => !l.startsWith('kg worker: waiting for Redis'))).toEqual([
        `kg: no Redis answers at ${url} (REDIS_URL points there) after 2 attempts: start the local one with \`kg redis start\` (needs redis-server: apt-get install redis-server) or set REDIS_URL to a running Redis`,
      ]);
    }, 60_000);
  }
});

describe('SIGTERM while no Redis answers yet', () => {
  it('stops a waiting kg worker at once instead of retrying on', async () => {
    const { spawn } = await import('node:child_process');
    const url = `redis://127.0.0.1:${await closedPort()}`;
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'kg.js'), 'worker'], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL: url, KG_REDIS_ATTEMPTS: '100000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Started and retrying: then stop it.
    await new Promise<void>((resolve) => {
      const t = setInterval(() => {
        if (err.includes('waiting for Redis')) {
          clearInterval(t);
          resolve();
        }
      }, 100);
    });
    expect(child.exitCode).toBe(null);
    child.kill('SIGTERM');
    const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running 20 s after SIGTERM'), 20_000))]);
    if (code === 'still running 20 s after SIGTERM') child.kill('SIGKILL');
    expect(code).toBe(0);
    expect(err).toContain('kg worker: stopped before Redis answered');
  }, 60_000);
});
