#!/usr/bin/env node
// The `kg` command. It runs the built JavaScript (dist/, from `npm run build`,
// which `npm install` runs) when that build is at least as new as every file
// under src/, so a checkout never runs stale code; otherwise (a source edited
// since the build, or no build) it runs the TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stamp = path.join(root, 'dist', '.built');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function builtIsFresh() {
  if (!existsSync(stamp)) return false;
  const src = path.join(root, 'src');
  if (!existsSync(src)) return true; // an installed package: dist/ only
  return statSync(stamp).mtimeMs >= newestSource(src);
}

let main;
if (process.env.KG_FROM_SOURCE !== '1' && builtIsFresh()) {
  ({ main } = await import('../dist/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv);
// The command is done (servers it starts, the local Neo4j or Redis, run
// detached). Whatever a library still holds open must not keep it alive: the
// Neo4j driver has no timeout on the Bolt handshake, so a NEO4J_URI port that
// accepts connections and never answers (another service's port) left its
// socket open after the "cannot reach" message and the process never exited,
// a cron job hanging for good. The timer does not hold the process itself,
// and output still being written to a slow reader is waited for.
const exitWhenWritten = () => {
  if (process.stdout.writableLength > 0 || process.stderr.writableLength > 0) setTimeout(exitWhenWritten, 200).unref();
  else process.exit();
};
setTimeout(exitWhenWritten, 2_000).unref();
