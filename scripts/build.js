#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm install` / `npm ci` in a checkout
// builds too): src/ -> dist/ with tsc (JavaScript, declarations), the
// worker-thread entry copied beside its worker, and a stamp bin/kg.js
// compares with the sources to never run a stale build.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
let tsc;
try {
  tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
} catch {
  // Installed without devDependencies: the published package ships dist/ already.
  console.error('build: typescript is not installed; skipped (bin/kg.js runs the sources with tsx)');
  process.exit(0);
}
rmSync(dist, { recursive: true, force: true });
const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
// Plain JavaScript modules started as worker threads (the extraction pool's
// entry, the writer lock's heartbeat) are not compiled: copied beside their callers.
const src = path.join(root, 'src');
for (const e of readdirSync(src, { recursive: true, withFileTypes: true })) {
  if (!e.isFile() || !e.name.endsWith('.mjs')) continue;
  const from = path.join(e.parentPath ?? e.path, e.name);
  const to = path.join(dist, path.relative(src, from));
  mkdirSync(path.dirname(to), { recursive: true });
  copyFileSync(from, to);
}
writeFileSync(path.join(dist, '.built'), `${new Date().toISOString()}\n`);
