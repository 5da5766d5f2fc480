#!/usr/bin/env node
// Fetches the jars of the local Neo4j server (tools/neo4j/pom.xml) from Maven
// Central into .neo4j/lib, the classpath src/server runs
// org.neo4j.server.CommunityEntryPoint on: the server's jars, the Browser
// unpacked in lib/web/browser/ (served from there, with the project's style
// and guide beside it) and APOC core in lib/plugins/. Called by
// scripts/postinstall.js (so `npm ci` leaves a runnable server behind) and by `kg neo4j start` when
// the jars are missing; `npm run neo4j:fetch` runs it by hand.
//
// Idempotent: a stamp file records the hash of the pom the jars came from, so
// a present and current lib is skipped and a changed pom refetches.
// Skipped with a message (exit 0) when:
//   KG_SKIP_NEO4J=1              nothing local wanted
//   NEO4J_URI is set             the graph lives on another server
//   mvn or java is not installed nothing can be fetched or run here
// `--force` ignores the two env skips (used when a start needs the jars).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pom = path.join(root, 'tools', 'neo4j', 'pom.xml');
const STAMP = '.kg-fetched';
// Pinned so Maven 3.8 does not resolve "latest" of the plugin.
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1';

/** The pom's executions, run in one mvn call (see tools/neo4j/pom.xml). */
export const EXECUTIONS = ['copy-dependencies@lib', 'unpack-dependencies@web', 'copy-dependencies@plugins'];

export function libDir(env = process.env) {
  return path.resolve(root, env.KG_NEO4J_LIB || path.join('.neo4j', 'lib'));
}

export function pomHash() {
  return createHash('sha256').update(readFileSync(pom)).digest('hex');
}

function has(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/** @returns {{ status: 'present' | 'fetched' | 'skipped' | 'failed', message: string, lib: string }} */
export function fetchNeo4j({ force = false, env = process.env, log = (m) => console.log(m) } = {}) {
  const lib = libDir(env);
  const say = (status, message) => {
    log(`neo4j-fetch: ${message}`);
    return { status, message, lib };
  };
  if (!force && env.KG_SKIP_NEO4J === '1') return say('skipped', 'KG_SKIP_NEO4J=1, not fetching the local Neo4j server');
  if (!force && env.NEO4J_URI) return say('skipped', `NEO4J_URI is set (${env.NEO4J_URI}), not fetching the local Neo4j server`);
  const hash = pomHash();
  const stamp = path.join(lib, STAMP);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) {
    return say('present', `Neo4j jars already in ${path.relative(root, lib) || lib}`);
  }
  const java = env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java';
  if (!has(java, ['-version']))
    return say('skipped', 'java not found (Neo4j 5.26 needs Java 17 or 21): install openjdk-17-jre-headless, then run `npm run neo4j:fetch`');
  if (!has('mvn', ['-v'])) return say('skipped', 'mvn not found: install maven, then run `npm run neo4j:fetch` (or point NEO4J_URI at a running Neo4j)');

  // Fetch into a sibling temp dir and swap it in, so an interrupted fetch
  // never leaves a half lib that looks complete.
  const tmp = `${lib}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  log('neo4j-fetch: fetching Neo4j jars from Maven Central (about 180 MB, once)...');
  const started = Date.now();
  const r = spawnSync('mvn', ['-B', '-q', '-Dstyle.color=never', '-f', pom, ...EXECUTIONS.map((e) => `${DEPENDENCY_PLUGIN}:${e}`), `-Dkg.out=${tmp}`], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (r.error || r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    return say('failed', `mvn copy-dependencies failed (exit ${r.status ?? r.error?.message}); Neo4j jars not fetched`);
  }
  const jars = readdirSync(tmp).filter((f) => f.endsWith('.jar'));
  const plugins = existsSync(path.join(tmp, 'plugins')) ? readdirSync(path.join(tmp, 'plugins')) : [];
  if (
    !jars.some((f) => /^neo4j-5\.\d+\.\d+\.jar$/.test(f)) ||
    !existsSync(path.join(tmp, 'web', 'browser', 'index.html')) ||
    !plugins.some((f) => /^apoc-core-.*\.jar$/.test(f))
  ) {
    rmSync(tmp, { recursive: true, force: true });
    return say('failed', 'mvn finished but the neo4j jar, the unpacked Browser (web/browser) or APOC core (plugins) is missing');
  }
  rmSync(path.join(tmp, '.markers'), { recursive: true, force: true });
  writeFileSync(path.join(tmp, STAMP), hash + '\n');
  rmSync(lib, { recursive: true, force: true });
  mkdirSync(path.dirname(lib), { recursive: true });
  renameSync(tmp, lib);
  return say('fetched', `${jars.length} jars in ${path.relative(root, lib) || lib} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const result = fetchNeo4j({ force: process.argv.includes('--force') });
  // Never fail `npm ci` for a missing JDK/Maven; a real fetch error is a failure.
  process.exitCode = result.status === 'failed' ? 1 : 0;
}
