// The sample corpus through the real CLI (`kg run seeds`, as `npm start`
// does), then Cypher on what it wrote.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { GraphStore } from '../../src/load/index.ts';
import { Graph } from '../../src/model/schemas.ts';
import { ROOT, testEnv } from './env.ts';
import { openStore, query, scratchDir, wipe } from './helpers.ts';

const run = promisify(execFile);

async function kg(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, 'bin', 'kg.js'), ...args], {
      cwd: ROOT,
      env: { ...testEnv(), CI: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code?: number; stdout: string; stderr: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout, stderr: e.stderr };
  }
}

let store: GraphStore;
let first: { code: number; stdout: string; stderr: string };
beforeAll(async () => {
  store = await openStore();
  await store.applySchema();
  await wipe(store);
  first = await kg('run', 'seeds');
});
afterAll(async () => store?.close());

/** K-AISI's node(s), by name or alias. */
const KAISI = "MATCH (k:Entity) WHERE k.name = 'K-AISI' OR 'K-AISI' IN k.aliases";

describe('kg run seeds', () => {
  it('exits 0 with a summary: documents, entities and relationships by type, time, Browser address and credentials', () => {
    expect(first.code, first.stderr).toBe(0);
    const out = first.stdout;
    expect(out).toMatch(/^kg run: 5 documents — 5 new, 0 changed, 0 unchanged, 0 failed; 5 extracted, 5 written in [\d.]+ s/m);
    expect(out).toMatch(/^Graph: 5 documents, \d+ entities, \d+ relationships/m);
    expect(out).toMatch(/^ {2}entities by type: {6}\w+ \d+/m);
    expect(out).toMatch(/^ {2}relationships by type: \w+ \d+/m);
    expect(out).toMatch(/^Time: [\d.]+ s in all$/m);
    const env = testEnv();
    expect(out).toContain(`Neo4j Browser: http://localhost:${env.KG_NEO4J_HTTP_PORT}/browser/`);
    expect(out).toContain(`connect URL bolt://localhost:${env.KG_NEO4J_BOLT_PORT}, user neo4j, password in ${path.join(env.KG_NEO4J_HOME!, 'password')}`);
    // The password itself is never printed (summaries end up in logs).
    const password = inject('neo4j').password!;
    expect(password).toMatch(/^[\w-]{32}$/);
    expect(first.stdout + first.stderr).not.toContain(password);
  });

  it('finds exactly one node for K-AISI', async () => {
    const rows = await query<{ id: string; type: string }>(store, `${KAISI} RETURN k.id AS id, k.type AS type`);
    expect(rows).toHaveLength(1);
    expect(rows[0].type).toBe('Institute');
  });

  it('has the AI Seoul Summit HELD_IN Seoul, with its evidence sentence', async () => {
    const rows = await query<{ sentences: string[]; docs: string[] }>(
      store,
      `
      MATCH (s:Summit)-[r:HELD_IN]->(l:Entity {name: 'Seoul'})
      WHERE s.name = 'AI Seoul Summit' OR 'AI Seoul Summit' IN s.aliases
      RETURN r.evidenceSentences AS sentences, r.evidenceDocs AS docs`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].sentences.length).toBeGreaterThan(0);
    expect(rows[0].sentences.length).toBe(rows[0].docs.length);
    for (const s of rows[0].sentences) expect(s).toMatch(/Seoul/);
  });

  it('has OpenAI SIGNED an Agreement that K-AISI also SIGNED, each with its evidence sentence', async () => {
    const rows = await query<{ agreement: string; openai: string[]; kaisi: string[]; names: string[] }>(
      store,
      `
      ${KAISI}
      MATCH (o:Entity {name: 'OpenAI'})-[r1:SIGNED]->(a:Agreement)<-[r2:SIGNED]-(k)
      RETURN a.name AS agreement, r1.evidenceSentences AS openai, r2.evidenceSentences AS kaisi, [k.name] + k.aliases AS names`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    for (const r of rows) {
      expect(r.openai.length).toBeGreaterThan(0);
      expect(r.kaisi.length).toBeGreaterThan(0);
      expect(r.openai.some((s) => s.includes('OpenAI'))).toBe(true);
      expect(r.kaisi.some((s) => r.names.some((n) => s.includes(n)))).toBe(true);
    }
  });

  it('a second load changes no count and duplicates no provenance', async () => {
    const before = await store.counts();
    const second = await kg('run', 'seeds');
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/0 new, 0 changed, 5 unchanged, 0 failed; 5 extracted, 5 written/);
    expect(await store.counts()).toEqual(before);
  });

  it('kg refresh on the unchanged corpus extracts nothing', async () => {
    const r = await kg('refresh', 'seeds');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 new, 0 changed, 5 unchanged, 0 failed; 0 extracted, 0 written/);
  });

  it('kg export prints the graph as the JSON export', async () => {
    const r = await kg('export');
    expect(r.code, r.stderr).toBe(0);
    const g = Graph.parse(JSON.parse(r.stdout));
    expect(g.documents).toHaveLength(5);
    const counts = await store.counts();
    expect(g.entities.length).toBe(Object.values(counts.entities).reduce((a, b) => a + b, 0));
    expect(g.relations.length).toBe(Object.values(counts.relations).reduce((a, b) => a + b, 0));
    expect(g.relations.every((rel) => rel.evidence.length > 0)).toBe(true);
  });

  it('kg run --pipeline takes inputs from the definition; kg schedule runs it on its cron schedule', async () => {
    const dir = scratchDir('schedule');
    const file = path.join(dir, 'every-second.json');
    writeFileSync(file, JSON.stringify({ name: 'every-second', inputs: ['seeds'], schedule: '* * * * * *' }));
    const r = await kg('run', '--pipeline', file);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^kg run: 5 documents/m);
    const s = await kg('schedule', file, '--max-runs', '1');
    expect(s.code, s.stderr).toBe(0);
    expect(s.stdout).toMatch(/kg schedule every-second: 5 documents — 0 new, 0 changed, 5 unchanged, 0 failed; 0 extracted/);
    const [last] = await query<{ pipeline: string; kind: string }>(
      store,
      'MATCH (r:Run) RETURN r.pipeline AS pipeline, r.kind AS kind ORDER BY r.startedAt DESC LIMIT 1',
    );
    expect(last).toEqual({ pipeline: 'every-second', kind: 'refresh' });
  });

  it('fails with a one-line reason and a non-zero exit', async () => {
    const missing = await kg('remove', 'no/such/document.txt');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n').at(-1)).toBe('kg: 1 of 1 documents were not in the graph');
    const nothing = await kg('run', 'no/such/input/dir');
    expect(nothing.code).toBe(1);
    expect(nothing.stderr.trim().split('\n').at(-1)).toMatch(/^kg: all 1 inputs failed \(first: no\/such\/input\/dir: /);
    const noPipeline = await kg('run', '--pipeline', 'pipelines/does-not-exist');
    expect(noPipeline.code).toBe(1);
    expect(noPipeline.stderr.trim().split('\n').at(-1)).toBe('kg: pipeline definition not found: pipelines/does-not-exist (nor pipelines/does-not-exist.json)');
  });

  it('kg remove retracts a document', async () => {
    const r = await kg('remove', './seeds/002_79664b61c4693597.txt');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^kg remove: 1 removed/m);
    expect((await store.counts()).documents).toBe(4);
    const back = await kg('refresh', 'seeds');
    expect(back.stdout).toMatch(/1 new, 0 changed, 4 unchanged/);
  });
});
