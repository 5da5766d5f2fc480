#!/usr/bin/env node
// Runs after `npm install` / `npm ci`.
//
// Installed as a dependency of another project (inside a node_modules
// folder): nothing is fetched. The local Neo4j's jars come when asked
// (`kg neo4j start` fetches them, or KG_FETCH_NEO4J=1 at install).
//
// In the project's own checkout (the README's first command):
//  - `npx kg` resolves to this checkout's CLI (npm links the bins of
//    dependencies, not the project's own);
//  - the local Neo4j server's jars come from Maven Central (skipped when
//    KG_SKIP_NEO4J=1, NEO4J_URI is set, or java/mvn are missing);
//  - the system programs the test suite drives and no registry package
//    ships, redis-server (queue tests) and Chromium (Neo4j Browser test),
//    are installed from Debian with apt-get when missing and this runs as
//    root (KG_SKIP_APT=1 to skip); otherwise it says what to install.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const asDependency = root.split(path.sep).includes('node_modules');

if (asDependency) {
  if (process.env.KG_FETCH_NEO4J === '1') {
    const { fetchNeo4j } = await import('./neo4j-fetch.js');
    if (fetchNeo4j().status === 'failed') process.exitCode = 1;
  }
} else {
  const binDir = path.join(root, 'node_modules', '.bin');
  mkdirSync(binDir, { recursive: true });
  const link = path.join(binDir, 'kg');
  rmSync(link, { force: true });
  symlinkSync(path.relative(binDir, path.join(root, 'bin', 'kg.js')), link);

  const { fetchNeo4j } = await import('./neo4j-fetch.js');
  if (fetchNeo4j().status === 'failed') process.exitCode = 1;

  installTestPrograms();
}

function has(cmd) {
  const r = spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
  return r.status === 0;
}

function installTestPrograms() {
  const missing = [];
  if (!has('redis-server')) missing.push('redis-server');
  if (!has('chromium') && !process.env.CHROMIUM_PATH) missing.push('chromium', 'fonts-dejavu-core');
  if (!missing.length) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (process.env.KG_SKIP_APT === '1' || !root || !has('apt-get')) {
    console.error(
      `postinstall: the test suite also needs ${missing.filter((p) => !p.startsWith('fonts')).join(' and ')}: apt-get install ${missing.join(' ')} (as root; this install did not, ${process.env.KG_SKIP_APT === '1' ? 'KG_SKIP_APT=1' : !root ? 'not running as root' : 'no apt-get'})`,
    );
    return;
  }
  console.error(`postinstall: apt-get install ${missing.join(' ')} (for the queue and browser tests; KG_SKIP_APT=1 skips this)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install =
    update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing], { stdio: 'inherit', env }) : update;
  if (install.status !== 0) console.error(`postinstall: apt-get failed; install ${missing.join(' ')} by hand for the queue and browser tests`);
}
