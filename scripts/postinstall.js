#!/usr/bin/env node
// Runs after `npm install` / `npm ci`: makes `npx kg` resolve to this
// checkout's CLI (npm links the bins of dependencies, not the project's own).
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const binDir = path.join(root, 'node_modules', '.bin');
mkdirSync(binDir, { recursive: true });
const link = path.join(binDir, 'kg');
rmSync(link, { force: true });
symlinkSync(path.relative(binDir, path.join(root, 'bin', 'kg.js')), link);

// The local Neo4j server's jars (skipped when KG_SKIP_NEO4J=1, NEO4J_URI is
// set, or java/mvn are missing; a no-op when already fetched).
const { fetchNeo4j } = await import('./neo4j-fetch.js');
if (fetchNeo4j().status === 'failed') process.exitCode = 1;
