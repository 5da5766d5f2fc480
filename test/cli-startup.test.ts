// `kg --help`, `kg --version` and `kg <command> --help` load no heavy
// dependency: each command imports its implementation (the pipeline, the
// Neo4j driver, compromise, BullMQ/ioredis) only when it runs. Before, every
// start loaded them all (about 2 s of CPU for `kg --help`). What a start
// loads is recorded by a loader hook (test/fixtures/module-log), not timed.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from './helpers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HEAVY = ['neo4j-driver', 'compromise', 'bullmq', 'ioredis'];

let scratch: string;
let runs = 0;

/** Runs bin/kg.js with the module recorder; its exit code, stdout and the module URLs it loaded. */
function kg(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; stdout: string; modules: string[] }> {
  const log = path.join(scratch, `modules-${++runs}.txt`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', path.join(ROOT, 'test', 'fixtures', 'module-log', 'register.mjs'), path.join(ROOT, 'bin', 'kg.js'), ...args],
      { cwd: ROOT, env: { ...process.env, KG_FROM_SOURCE: '', ...env, KG_MODULE_LOG: log }, timeout: 120_000, killSignal: 'SIGKILL' },
      (err, stdout) => {
        const e = err as (Error & { code?: unknown }) | null;
        const modules = existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : [];
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout, modules });
      },
    );
  });
}

/** The heavy packages among the loaded modules. */
const heavy = (modules: string[]) => HEAVY.filter((name) => modules.some((url) => url.includes(`/node_modules/${name}/`)));

beforeAll(() => {
  // The built code is what `kg` runs (a source edited since the build is rebuilt here, as in package.test.ts).
  buildIfStale();
  scratch = mkdtempSync(path.join(tmpdir(), 'kg-startup-'));
}, 600_000);
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('kg starting from the built code', () => {
  it('the recorder sees the heavy dependencies when a command uses them (kg enqueue with no Redis)', async () => {
    // A closed port and one attempt: enqueue loads the queue (BullMQ, ioredis) and reading (compromise, the driver via the pipeline), then fails at once.
    const r = await kg(['enqueue', 'seeds/000_214a7621b3c46c95.txt'], { REDIS_URL: 'redis://127.0.0.1:1', KG_REDIS_ATTEMPTS: '1' });
    expect(r.code).toBe(1);
    expect(r.modules.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(heavy(r.modules)).toEqual(HEAVY);
  }, 120_000);

  it('kg --help lists every command and loads none of the heavy dependencies', async () => {
    const r = await kg(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of [
      'extract',
      'eval',
      'clean',
      'run',
      'refresh',
      'remove',
      'export',
      'neo4j',
      'start',
      'schedule',
      'enqueue',
      'worker',
      'writer',
      'redis',
      'query',
      'guide',
      'curate',
      'review',
    ])
      expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
    expect(r.modules.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(heavy(r.modules)).toEqual([]);
  }, 120_000);

  it('kg --version loads none of them', async () => {
    const r = await kg(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
    expect(heavy(r.modules)).toEqual([]);
  }, 120_000);

  it.each(['run', 'enqueue', 'writer', 'review', 'curate merge', 'neo4j start', 'redis status', 'query', 'eval', 'schedule'])(
    'kg %s --help shows its options and loads none of them',
    async (cmd) => {
      const r = await kg([...cmd.split(' '), '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: kg ${cmd} `, 'm'));
      expect(r.stdout).toMatch(/^Options:/m);
      expect(heavy(r.modules)).toEqual([]);
    },
    120_000,
  );
});

describe('kg starting from the sources (tsx, when the build is stale)', () => {
  it('kg --help loads none of them either', async () => {
    const r = await kg(['--help'], { KG_FROM_SOURCE: '1' });
    expect(r.code).toBe(0);
    expect(r.modules.some((u) => u.endsWith('/src/cli/main.ts'))).toBe(true);
    expect(heavy(r.modules)).toEqual([]);
  }, 120_000);
});
