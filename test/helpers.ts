// Helpers the unit tests share (the integration tests have their own, test/integration/helpers.ts).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function newest(dir: string): number {
  let n = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    n = Math.max(n, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return n;
}

/** Builds dist/ when a source is newer than the last build (npm install builds it; tests of the built code need it current). */
export function buildIfStale(): void {
  const stamp = path.join(ROOT, 'dist', '.built');
  if (!existsSync(stamp) || statSync(stamp).mtimeMs < newest(path.join(ROOT, 'src')))
    execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build.js')], { stdio: 'inherit' });
}

/** A port nothing listens on (taken from the OS, then released). */
export async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** How deep the elements under `root` nest (root at 0). */
export function elementDepth(root: Element): number {
  let deepest = 0;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length) {
    const [el, d] = stack.pop()!;
    deepest = Math.max(deepest, d);
    for (const c of Array.from(el.children)) stack.push([c, d + 1]);
  }
  return deepest;
}
