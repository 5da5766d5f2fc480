// Two traps a cron operator met through the real CLI, no server needed:
// - NEO4J_URI at a port that accepts connections and never answers (another
//   service's port, here a bare TCP listener): the command printed "cannot
//   reach Neo4j" and then never exited, the driver's socket stuck in the Bolt
//   handshake keeping the process alive;
// - a password in REDIS_URL (redis://:secret@host) or NEO4J_URI was printed in
//   the one-line failure message, which goes where cron logs go.
import { execFile } from 'node:child_process';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../src/util/redact.ts';
import { closedPort } from './helpers.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function kg(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(ROOT, 'bin', 'kg.js'), ...args],
      // Killed if it has not exited by then: a hang shows as code null, signal SIGKILL.
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 90_000, killSignal: 'SIGKILL' },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: unknown; signal?: string }) | null;
        resolve({ code: e ? (typeof e.code === 'number' ? e.code : null) : 0, signal: e?.signal ?? null, stdout, stderr });
      },
    );
  });
}

let silent: Server;
let silentPort: number;
const sockets = new Set<Socket>();
beforeAll(async () => {
  // Accepts, reads, never writes a byte.
  silent = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => silent.close(r));
});

describe('NEO4J_URI at a port that accepts and never answers', () => {
  it('kg run says which variable pointed there and exits 1 instead of hanging', async () => {
    const r = await kg(['run', '--quiet', 'seeds'], { NEO4J_URI: `bolt://127.0.0.1:${silentPort}`, NEO4J_PASSWORD: 'whatever-123' });
    expect(r.signal, `still running after 90 s; stderr: ${r.stderr}`).toBe(null);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(`kg: cannot reach Neo4j at bolt://127.0.0.1:${silentPort} (NEO4J_URI points there)`);
    expect(r.stdout).toBe('');
  }, 120_000);
});

describe('passwords in addresses are not printed', () => {
  it('redactUrl hides the password of a URL, nothing else', () => {
    expect(redactUrl('redis://:s3cret@127.0.0.1:6379')).toBe('redis://:***@127.0.0.1:6379');
    expect(redactUrl('rediss://default:pa@ss@cache.example.net:6380/2')).toBe('rediss://default:***@cache.example.net:6380/2');
    expect(redactUrl('bolt://neo4j:pw@127.0.0.1:7687')).toBe('bolt://neo4j:***@127.0.0.1:7687');
    for (const plain of ['redis://127.0.0.1:6390', 'redis://user@host:1', 'neo4j+s://abc.databases.neo4j.io', 'redis://host/path@x:y', 'not a url'])
      expect(redactUrl(plain)).toBe(plain);
  });

  it('kg enqueue with no Redis at a REDIS_URL holding a password names the address without it', async () => {
    const port = await closedPort();
    const r = await kg(['enqueue', 'seeds'], { REDIS_URL: `redis://default:Sup3rSecret@127.0.0.1:${port}`, KG_REDIS_ATTEMPTS: '1' });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('Sup3rSecret');
    expect(r.stderr.trim()).toMatch(new RegExp(`^kg: no Redis answers at redis://default:\\*\\*\\*@127\\.0\\.0\\.1:${port} \\(REDIS_URL points there\\)`));
  }, 60_000);

  it('kg run with no Neo4j at a NEO4J_URI holding a password names the address without it', async () => {
    const port = await closedPort();
    const r = await kg(['run', '--quiet', 'seeds'], { NEO4J_URI: `bolt://neo4j:Sup3rSecret@127.0.0.1:${port}` });
    expect(r.code).toBe(1);
    expect(r.stderr).not.toContain('Sup3rSecret');
    expect(r.stderr).toContain(`kg: cannot reach Neo4j at bolt://neo4j:***@127.0.0.1:${port} (NEO4J_URI points there)`);
  }, 60_000);
});
