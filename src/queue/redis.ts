// Redis for the document queue: the URL (REDIS_URL, default
// redis://127.0.0.1:6390 — not Redis's default port, so a system Redis is
// never touched), connections for BullMQ, and a local redis-server (Debian's
// package) managed like the local Neo4j: data under .redis/<port>, bound to
// 127.0.0.1, no persistence (the queue is a buffer, the graph is the record).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { redactUrl } from '../util/redact.ts';
import { redisUrl } from './url.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export { DEFAULT_REDIS_URL, redisUrl } from './url.ts';

/** A connection as BullMQ needs it (workers require maxRetriesPerRequest: null). */
export function connect(url = redisUrl()): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, lazyConnect: false });
}

export interface LocalRedis {
  url: string;
  port: number;
  dir: string;
  pidFile: string;
}

export function localRedis(url = redisUrl(), dir?: string): LocalRedis {
  const u = new URL(url);
  if (!['127.0.0.1', 'localhost'].includes(u.hostname)) throw new Error(`REDIS_URL ${redactUrl(url)} is not local: start that Redis yourself`);
  const port = Number(u.port || 6379);
  const home = dir ?? path.join(ROOT, '.redis', String(port));
  return { url, port, dir: home, pidFile: path.join(home, 'redis.pid') };
}

/** No Redis answered at the queue's URL: one line that says what to do. */
export class RedisUnavailableError extends Error {
  constructor(url: string, env: NodeJS.ProcessEnv = process.env, detail = '') {
    const from = env.REDIS_URL ? 'REDIS_URL points there' : `the default; REDIS_URL names another`;
    super(
      `no Redis answers at ${redactUrl(url)} (${from})${detail}: start the local one with \`kg redis start\` (needs redis-server: apt-get install redis-server) or set REDIS_URL to a running Redis`,
    );
    this.name = 'RedisUnavailableError';
  }
}

/**
 * Waits for Redis to answer, a bounded number of times (KG_REDIS_ATTEMPTS,
 * default 5, one second apart), then fails with RedisUnavailableError; false
 * when `stop` came first.
 * Without it BullMQ retries for ever and prints a stack trace per attempt.
 */
export async function requireRedis(
  url = redisUrl(),
  options: { attempts?: number; delayMs?: number; stop?: Promise<void>; log?: (line: string) => void } = {},
): Promise<boolean> {
  const attempts = Math.max(1, options.attempts ?? Number(process.env.KG_REDIS_ATTEMPTS || 5));
  const delay = options.delayMs ?? 1000;
  let stopped = false;
  void options.stop?.then(() => {
    stopped = true;
  });
  for (let i = 0; i < attempts; i++) {
    if (await ping(url)) return true;
    if (stopped) return false;
    if (i === 0 && attempts > 1) options.log?.(`waiting for Redis at ${redactUrl(url)} (${attempts} attempts, ${delay} ms apart)`);
    if (i + 1 < attempts) await Promise.race([new Promise((r) => setTimeout(r, delay)), options.stop]);
    if (stopped) return false;
  }
  throw new RedisUnavailableError(url, process.env, ` after ${attempts} attempt${attempts > 1 ? 's' : ''}`);
}

async function ping(url: string): Promise<boolean> {
  const r = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: 1000 });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}

/** Starts redis-server for this URL unless one answers there already. */
export async function startRedis(cfg: LocalRedis = localRedis()): Promise<{ started: boolean }> {
  if (await ping(cfg.url)) return { started: false };
  mkdirSync(cfg.dir, { recursive: true });
  const bin = process.env.KG_REDIS_SERVER || 'redis-server';
  const r = spawnSync(
    bin,
    [
      '--port',
      String(cfg.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      cfg.dir,
      '--daemonize',
      'yes',
      '--pidfile',
      cfg.pidFile,
      '--logfile',
      path.join(cfg.dir, 'redis.log'),
      '--save',
      '',
      '--appendonly',
      'no',
    ],
    { encoding: 'utf8' },
  );
  if (r.error) throw new Error(`cannot run ${bin} (${r.error.message}): install Redis (Debian: apt-get install redis-server) or set REDIS_URL`);
  if (r.status !== 0) throw new Error(`${bin} failed: ${r.stderr || r.stdout}`);
  for (let i = 0; i < 100; i++) {
    if (await ping(cfg.url)) return { started: true };
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error(`redis-server did not answer on port ${cfg.port} (see ${path.join(cfg.dir, 'redis.log')})`);
}

export async function stopRedis(cfg: LocalRedis = localRedis()): Promise<{ stopped: boolean }> {
  if (!(await ping(cfg.url))) return { stopped: false };
  const pid = existsSync(cfg.pidFile) ? Number(readFileSync(cfg.pidFile, 'utf8').trim()) : NaN;
  const r = new Redis(cfg.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
  r.on('error', () => {});
  await r.call('SHUTDOWN', 'NOSAVE').catch(() => {}); // the connection closes as it stops
  r.disconnect();
  for (let i = 0; i < 100 && (await ping(cfg.url)); i++) await new Promise((res) => setTimeout(res, 100));
  void pid;
  return { stopped: true };
}

export async function redisStatus(cfg: LocalRedis = localRedis()): Promise<{ running: boolean; url: string }> {
  return { running: await ping(cfg.url), url: redactUrl(cfg.url) };
}
