// What a scheduler (cron, CI) relies on, through the real CLI: the exit code
// of a run where documents failed, --json and --quiet, progress lines that do
// not grow with the documents, documents from standard input that do not
// replace each other, and a NEO4J_URI that does not answer.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { GraphStore } from '../../src/load/index.ts';
import { ROOT, testEnv } from './env.ts';
import { openStore, query, scratchDir, wipe } from './helpers.ts';

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function kg(args: string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Result> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [path.join(ROOT, 'bin', 'kg.js'), ...args],
      {
        cwd: ROOT,
        env: { ...testEnv(), CI: '1', ...options.env },
        maxBuffer: 64 * 1024 * 1024,
      },
      (err, stdout, stderr) => resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
    );
    child.stdin!.end(options.input ?? '');
  });
}

let store: GraphStore;
beforeAll(async () => {
  store = await openStore();
  await store.applySchema();
});
afterAll(async () => store?.close());
beforeEach(async () => wipe(store));

/** Two readable documents and one that fails (empty). */
function mixedCorpus(): string {
  const dir = scratchDir('cli-scheduler');
  writeFileSync(path.join(dir, 'a.txt'), 'The United Kingdom and the United States signed a Memorandum of Understanding on AI safety in April 2024.\n');
  writeFileSync(path.join(dir, 'b.txt'), 'Japan launched the Japan AI Safety Institute in February 2024.\n');
  writeFileSync(path.join(dir, 'empty.txt'), '');
  return dir;
}

describe('exit code of a run where documents failed', () => {
  it('exits 2 and says why and how to accept it; --allow-failures exits 0; the good documents are written either way', async () => {
    const dir = mixedCorpus();
    const r = await kg(['run', dir]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('kg run: 1 of 3 documents failed: exit code 2 (--allow-failures to exit 0 when some documents fail)');
    expect(r.stdout).toMatch(/failed: .*empty\.txt: empty input/);
    expect((await query<{ n: number }>(store, 'MATCH (d:Document) RETURN count(d) AS n'))[0]!.n).toBe(2);

    const allowed = await kg(['run', '--allow-failures', dir]);
    expect(allowed.code, allowed.stderr).toBe(0);
  });

  it('--json prints one JSON summary (no password) and --quiet prints nothing on stdout, only the failure', async () => {
    const dir = mixedCorpus();
    const j = await kg(['run', '--json', '--allow-failures', dir]);
    expect(j.code, j.stderr).toBe(0);
    expect(j.stdout.trim().split('\n')).toHaveLength(1); // one line per run in a cron log
    const summary = JSON.parse(j.stdout);
    expect(summary).toMatchObject({
      command: 'run',
      mode: 'full',
      status: 'done',
      documents: { new: 2, changed: 0, unchanged: 0, failed: 1 },
      extracted: 2,
      written: 2,
    });
    expect(summary.graph.documents).toBe(2);
    expect(summary.errors).toHaveLength(1);
    expect(j.stdout).not.toContain(inject('neo4j').password ?? 'no password');

    const q = await kg(['refresh', '--quiet', dir]);
    expect(q.code).toBe(2);
    expect(q.stdout).toBe('');
    expect(q.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^kg refresh: failed: .*empty\.txt: empty input/),
      'kg refresh: 1 of 3 documents failed: exit code 2 (--allow-failures to exit 0 when some documents fail)',
    ]);
  });

  it('kg schedule writes too: --json is one JSON line per run, --quiet only the failures, and --max-runs ends like a run (2, or 0 with --allow-failures)', async () => {
    const dir = mixedCorpus();
    const file = path.join(scratchDir('cli-scheduler-pipeline'), 'every-second.json');
    writeFileSync(file, JSON.stringify({ name: 'every-second', inputs: [dir], schedule: '* * * * * *', mode: 'full' }));

    const j = await kg(['schedule', file, '--max-runs', '2', '--json']);
    expect(j.code, j.stderr).toBe(2);
    expect(j.stderr).toContain('kg schedule every-second: 2 of 6 documents failed: exit code 2 (--allow-failures to exit 0 when some documents fail)');
    const lines = j.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(JSON.parse(line)).toMatchObject({
        pipeline: 'every-second',
        command: 'schedule',
        mode: 'full',
        status: 'done',
        documents: { failed: 1 },
        errors: [expect.stringMatching(/empty\.txt: empty input/)],
        graph: { documents: 2 },
      });
    }
    expect(j.stdout).not.toContain(inject('neo4j').password ?? 'no password');

    const q = await kg(['schedule', file, '--max-runs', '1', '--quiet', '--allow-failures']);
    expect(q.code, q.stderr).toBe(0);
    expect(q.stdout).toBe('');
    expect(q.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^\S+ kg schedule every-second: failed: .*empty\.txt: empty input/)]);
  });

  it('without a terminal, progress is a few lines per phase, not a line per document', async () => {
    const dir = scratchDir('cli-scheduler-many');
    for (let i = 0; i < 40; i++)
      writeFileSync(path.join(dir, `d${String(i).padStart(2, '0')}.txt`), `Country ${i} joined the International Network of AI Safety Institutes in 2024.\n`);
    const r = await kg(['run', '--workers', '0', dir], { env: { KG_PROGRESS_SECONDS: '60' } });
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('kg run:'));
    expect(lines.length).toBeLessThanOrEqual(6);
    expect(lines).toContain('kg run: 40 documents read, 40 to extract');
    // Resolution has no ticks of its own: a line says it is under way.
    expect(lines).toContain("kg run: resolving 40 documents against the graph's entities");
    expect(lines.some((l) => /^kg run: extract done: 40 in [\d.]+ s/.test(l))).toBe(true);
    expect(lines.some((l) => /^kg run: write done: 40 in [\d.]+ s/.test(l))).toBe(true);
  });
});

describe('documents from standard input', () => {
  it('a second `kg run -` adds its document instead of replacing the first one', async () => {
    const first = await kg(['run', '-'], { input: 'Japan launched the Japan AI Safety Institute in February 2024.\n' });
    expect(first.code, first.stderr).toBe(0);
    const second = await kg(['run', '-'], { input: 'Canada launched the Canadian AI Safety Institute in November 2024.\n' });
    expect(second.code, second.stderr).toBe(0);
    const docs = await query<{ id: string }>(store, 'MATCH (d:Document) RETURN d.id AS id ORDER BY id');
    expect(docs).toHaveLength(2);
    for (const d of docs) expect(d.id).toMatch(/^stdin:[0-9a-f]{16}$/);
    const mentioned = await query<{ name: string }>(store, 'MATCH (:Document)-[:MENTIONS]->(e:Entity) RETURN DISTINCT e.name AS name');
    const names = mentioned.map((m) => m.name);
    expect(names).toContain('Japan');
    expect(names).toContain('Canada');
  });

  it('--url names the piped document', async () => {
    const r = await kg(['run', '-', '--url', 'https://example.org/news/1?utm_source=feed'], {
      input: 'Japan launched the Japan AI Safety Institute in February 2024.\n',
    });
    expect(r.code, r.stderr).toBe(0);
    expect(await query(store, 'MATCH (d:Document) RETURN d.id AS id, d.url AS url')).toEqual([
      { id: 'https://example.org/news/1', url: 'https://example.org/news/1' },
    ]);
  });
});

describe('NEO4J_URI pointing to a server that does not answer', () => {
  it('names the variable and the way back to the local server', async () => {
    const srv = createServer();
    await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
    const port = (srv.address() as { port: number }).port;
    await new Promise((r) => srv.close(r));
    const r = await kg(['run', 'seeds'], { env: { NEO4J_URI: `bolt://127.0.0.1:${port}`, NEO4J_PASSWORD: 'whatever-123' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `kg: cannot reach Neo4j at bolt://127.0.0.1:${port} (NEO4J_URI points there): start that server, or unset NEO4J_URI to use the local one (\`unset NEO4J_URI; kg neo4j start\`)`,
    );
  });
});
