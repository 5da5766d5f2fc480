// The package as a user gets it: `npm pack`, the tarball installed as a
// dependency of a scratch project, the public API imported from it (and its
// declarations type-checked), and no Neo4j fetched by that install.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIfStale } from './helpers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let scratch: string;
let tarball: string;
let files: string[];
beforeAll(() => {
  // The build must be the sources' (npm install builds it; a source edited since is rebuilt here).
  buildIfStale();
  scratch = mkdtempSync(path.join(tmpdir(), 'kg-package-'));
  const packed = JSON.parse(execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: ROOT, encoding: 'utf8' }));
  tarball = path.join(scratch, packed[0].filename);
  files = packed[0].files.map((f: { path: string }) => f.path);
  const project = path.join(scratch, 'app');
  execFileSync('mkdir', ['-p', project]);
  writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', type: 'module', private: true }));
  execFileSync(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', tarball], {
    cwd: project,
    stdio: 'pipe',
    env: { ...process.env, KG_FETCH_NEO4J: '' },
  });
}, 900_000);
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
}, 120_000);

describe('the packed package', () => {
  it('holds the build, the CLI and the graph files, not the sources, tests or benchmarks', () => {
    expect(files).toContain('dist/index.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files).toContain('dist/pipeline/worker-entry.mjs');
    expect(files).toContain('dist/load/lock-heartbeat.mjs');
    expect(files).toContain('bin/kg.js');
    expect(files).toContain('graph/schema.cypher');
    expect(files).toContain('LICENSE');
    expect(files.filter((f) => /^(src|test|bench|seeds|docs\/bench)\//.test(f))).toEqual([]);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  });

  it('imports from a scratch project and builds a graph from a document in memory', () => {
    const project = path.join(scratch, 'app');
    writeFileSync(
      path.join(project, 'use.mjs'),
      `
import { buildGraph, ENTITY_TYPES } from 'ai-governance-kg';
const g = buildGraph([{ id: 'https://example.org/news/1', format: 'text', body: 'The United Kingdom and Japan signed a Memorandum of Cooperation on AI safety in Tokyo in April 2024.' }]);
console.log(JSON.stringify({ types: ENTITY_TYPES.length, docs: g.documents.map((d) => d.id), names: g.entities.map((e) => e.name).sort(), relations: g.relations.length }));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' }));
    expect(out.docs).toEqual(['https://example.org/news/1']);
    expect(out.names).toEqual(expect.arrayContaining(['Japan', 'United Kingdom']));
    expect(out.relations).toBeGreaterThan(0);
    expect(out.types).toBe(11);
  }, 120_000);

  it('type-checks a TypeScript user of its declarations', () => {
    const project = path.join(scratch, 'app');
    writeFileSync(
      path.join(project, 'use.ts'),
      `
import { buildGraph, loadGraph, type Graph } from 'ai-governance-kg';
const g: Graph = buildGraph([{ id: 'a', format: 'text', body: 'text' }]);
export const load: typeof loadGraph = loadGraph;
export const n: number = g.relations.length;
`,
    );
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, noEmit: true, skipLibCheck: true, types: [] },
        files: ['use.ts'],
      }),
    );
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project], { cwd: project, stdio: 'pipe' });
  }, 120_000);

  it('fetched no Neo4j and runs its CLI from the build', () => {
    const installed = path.join(scratch, 'app', 'node_modules', 'ai-governance-kg');
    expect(existsSync(path.join(installed, '.neo4j'))).toBe(false);
    expect(existsSync(path.join(installed, 'src'))).toBe(false);
    const version = execFileSync(process.execPath, [path.join(installed, 'bin', 'kg.js'), '--version'], { encoding: 'utf8' }).trim();
    expect(version).toBe(JSON.parse(execFileSync('cat', [path.join(ROOT, 'package.json')], { encoding: 'utf8' })).version);
  }, 120_000);
});
