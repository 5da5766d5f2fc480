// The local Neo4j server: a real Neo4j 5.26 Community (jars from Maven Central,
// see tools/neo4j/pom.xml and scripts/neo4j-fetch.js) run as one detached JVM
// on 127.0.0.1, with its data, logs and conf under .neo4j/ (git-ignored).
// Side effects only: processes, files, ports. Nothing here knows the graph.
//
// When NEO4J_URI is set, nothing local is started: connectionFromEnv() points
// every command at that server instead.
import { spawn, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j, { type AuthToken } from 'neo4j-driver';
import { writeBrowserContent } from '../queries/guide.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const DEFAULT_USER = 'neo4j';
/**
 * The password every local server had before each got its own: a store that
 * still accepts it is given a generated one at its next start.
 */
export const LEGACY_PASSWORD = 'ai-governance-kg';
const MAIN_CLASS = 'org.neo4j.server.CommunityEntryPoint';
const STAMP = '.kg-fetched';
/** Under the Browser's own folder: served at /browser/kg/PORT/ by the local server. */
export const BROWSER_CONTENT_DIR = 'kg';

/** Where and how to reach a Neo4j server, local or not. */
export interface Connection {
  uri: string;
  user: string;
  /** null: connect without auth. */
  password: string | null;
  database?: string;
  /** true: the server is the one src/server runs. */
  local: boolean;
  /** Neo4j Browser address for people, when known. */
  browserUrl: string | null;
  /** The local server's password file (mode 0600), for people; never the password itself in logs. */
  passwordFile?: string;
}

export interface LocalServerConfig {
  home: string;
  lib: string;
  boltPort: number;
  httpPort: number;
  user: string;
  java: string;
  heap: string;
  pagecache: string;
  /** Extra JVM options, whitespace-separated, after the defaults (so they win). */
  javaOptions: string[];
  startTimeoutMs: number;
}

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a TCP port, got "${value}"`);
  return n;
}

/** The local server's settings, from the environment (see docs/neo4j.md). */
export function localConfig(env: NodeJS.ProcessEnv = process.env): LocalServerConfig {
  return {
    home: path.resolve(ROOT, env.KG_NEO4J_HOME || '.neo4j'),
    lib: path.resolve(ROOT, env.KG_NEO4J_LIB || path.join('.neo4j', 'lib')),
    boltPort: port(env.KG_NEO4J_BOLT_PORT, 7687, 'KG_NEO4J_BOLT_PORT'),
    httpPort: port(env.KG_NEO4J_HTTP_PORT, 7474, 'KG_NEO4J_HTTP_PORT'),
    user: DEFAULT_USER,
    java: env.JAVA_HOME ? path.join(env.JAVA_HOME, 'bin', 'java') : 'java',
    heap: env.KG_NEO4J_HEAP || '1g',
    pagecache: env.KG_NEO4J_PAGECACHE || '256m',
    javaOptions: (env.KG_NEO4J_JAVA_OPTS ?? '').split(/\s+/).filter(Boolean),
    startTimeoutMs: Number(env.KG_NEO4J_START_TIMEOUT_MS || 180_000),
  };
}

/**
 * The local server's connection. `password`: by default the one its first
 * start generated (null before that).
 */
export function localConnection(cfg: LocalServerConfig, password: string | null = readPassword(cfg)): Connection {
  return {
    uri: `bolt://127.0.0.1:${cfg.boltPort}`,
    user: cfg.user,
    password,
    local: true,
    // Browser 5.24 pre-fills the user from the URL (never a password) and knows the auth methods NATIVE, SSO, NO_AUTH.
    browserUrl: `http://localhost:${cfg.httpPort}/browser/?dbms=bolt://${cfg.user}@localhost:${cfg.boltPort}&preselectAuthMethod=NATIVE`,
    passwordFile: passwordFile(cfg),
  };
}

// ---------------------------------------------------------------- password
//
// Each local server has its own password, generated at its first start and
// kept in <home>/password, readable by its user only (the home itself is
// 0700). It never goes on a command line (other users see those in ps):
// neo4j-admin gets it in a 0600 argument file, and the run summary names
// the file instead of printing it. `kg neo4j env` prints it for a shell.

export const passwordFile = (cfg: LocalServerConfig) => path.join(cfg.home, 'password');

/** The local server's password, or null when it never started. */
export function readPassword(cfg: LocalServerConfig): string | null {
  try {
    const p = readFileSync(passwordFile(cfg), 'utf8').trim();
    return p || null;
  } catch {
    return null;
  }
}

/** 32 characters of base64url: 192 random bits, nothing a shell or Cypher needs quoted. */
// neo4j-admin (picocli) takes an argument that starts with '-' for an option, so a password starting with one
// (1 in 64 of base64url's) failed set-initial-password with "Missing required parameter": draw again.
const newPassword = (): string => {
  const password = randomBytes(24).toString('base64url');
  return password.startsWith('-') ? newPassword() : password;
};

/** Writes a file only its user can read or write, atomically (no window with wider permissions). */
function writePrivate(file: string, content: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  rmSync(tmp, { force: true });
  writeFileSync(tmp, content, { mode: 0o600, flag: 'wx' });
  renameSync(tmp, file);
}

/** Directories and files of the store: their user only. */
function restrictPermissions(cfg: LocalServerConfig): void {
  chmodSync(cfg.home, 0o700);
  for (const dir of ['data', 'conf', 'logs', 'run']) {
    const p = path.join(cfg.home, dir);
    if (existsSync(p)) chmodSync(p, 0o700);
  }
  if (existsSync(passwordFile(cfg)) && (statSync(passwordFile(cfg)).mode & 0o077) !== 0) chmodSync(passwordFile(cfg), 0o600);
  // A store made before (umask 022) has files others could read: narrowed once.
  const data = path.join(cfg.home, 'data');
  if (!existsSync(data)) return;
  for (const e of readdirSync(data, { recursive: true, withFileTypes: true })) {
    const p = path.join(e.parentPath, e.name);
    try {
      const mode = statSync(p).mode & 0o777;
      if (mode & 0o077) chmodSync(p, mode & 0o700);
    } catch {
      /* gone meanwhile (the server rotates files) */
    }
  }
}

/** Runs fn with a umask that keeps what child processes create (Neo4j's store and logs) to their user. */
function withPrivateUmask<T>(fn: () => T): T {
  let previous: number | null = null;
  try {
    previous = process.umask(0o077);
  } catch {
    /* worker thread: the home's 0700 still guards the files */
  }
  try {
    return fn();
  } finally {
    if (previous !== null) process.umask(previous);
  }
}

/** neo4j-admin dbms set-initial-password, the password in a 0600 argument file rather than in argv. */
function setInitialPassword(cfg: LocalServerConfig, env: NodeJS.ProcessEnv, password: string): void {
  const argFile = path.join(cfg.home, 'run', 'set-initial-password.args');
  // java reads @file arguments itself; quotes keep a path with spaces one argument.
  writePrivate(argFile, ['-cp', `"${path.join(cfg.lib, '*')}"`, 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', `"${password}"`].join('\n') + '\n');
  try {
    const r = withPrivateUmask(() => spawnSync(cfg.java, [`@${argFile}`], { env, encoding: 'utf8', cwd: cfg.home }));
    if (r.status !== 0) throw new Error(`neo4j-admin dbms set-initial-password failed: ${(r.stderr || r.stdout || String(r.error)).trim()}`);
  } finally {
    rmSync(argFile, { force: true });
  }
}

/**
 * A store from before generated passwords has no password file. The
 * passwords it may take, most likely first: one generated by an adoption a
 * crash interrupted (password.new), NEO4J_PASSWORD (its owner chose it: kept),
 * the old constant (replaced by a generated one).
 */
function adoptionCandidates(cfg: LocalServerConfig, env: NodeJS.ProcessEnv): string[] {
  let pending: string | null = null;
  try {
    pending = readFileSync(`${passwordFile(cfg)}.new`, 'utf8').trim() || null;
  } catch {
    /* none */
  }
  return [...new Set([pending, env.NEO4J_PASSWORD, LEGACY_PASSWORD].filter((p): p is string => !!p))];
}

/**
 * Records the password a store without a password file took. The old
 * constant is changed first (through Bolt, as a parameter) to a generated
 * one, which waits in password.new until the change is done.
 */
async function adoptPassword(cfg: LocalServerConfig, current: string): Promise<string> {
  const pending = `${passwordFile(cfg)}.new`;
  if (current !== LEGACY_PASSWORD) {
    writePrivate(passwordFile(cfg), `${current}\n`);
    rmSync(pending, { force: true });
    return current;
  }
  const next = newPassword();
  writePrivate(pending, `${next}\n`);
  const driver = neo4j.driver(localConnection(cfg, current).uri, neo4j.auth.basic(cfg.user, current), { logging: undefined });
  try {
    await driver.executeQuery('ALTER CURRENT USER SET PASSWORD FROM $old TO $new', { old: current, new: next }, { database: 'system' });
  } finally {
    await driver.close();
  }
  renameSync(pending, passwordFile(cfg));
  return next;
}

/** The server NEO4J_URI names, or null when the local one is meant. */
export function externalConnection(env: NodeJS.ProcessEnv = process.env): Connection | null {
  if (!env.NEO4J_URI) return null;
  return {
    uri: env.NEO4J_URI,
    user: env.NEO4J_USER || DEFAULT_USER,
    password: env.NEO4J_PASSWORD ?? null,
    database: env.NEO4J_DATABASE || undefined,
    local: false,
    browserUrl: null,
  };
}

export function authFor(conn: Connection): AuthToken {
  // neo4j.auth.none() exists at run time but not in the driver's typings.
  return conn.password === null ? { scheme: 'none', principal: '', credentials: '' } : neo4j.auth.basic(conn.user, conn.password);
}

// ---------------------------------------------------------------- processes

const pidFile = (cfg: LocalServerConfig) => path.join(cfg.home, 'run', 'kg-neo4j.pid');
const startLockFile = (cfg: LocalServerConfig) => path.join(cfg.home, 'run', 'kg-starting.lock');

/** Whether a process with this pid exists (EPERM: it does, owned by someone else). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Is pid a Neo4j JVM of this home (and not a recycled pid of something else)? */
function isOurServer(pid: number, cfg: LocalServerConfig): boolean {
  if (!processAlive(pid)) return false;
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return cmdline.includes(MAIN_CLASS) && cmdline.includes(`--home-dir=${cfg.home}`);
  } catch {
    return true; // no /proc: trust the pid file
  }
}

function readPid(cfg: LocalServerConfig): number | null {
  try {
    const pid = Number(readFileSync(pidFile(cfg), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/** pid of this home's running server, or null (removing a stale pid file). */
export function runningPid(cfg: LocalServerConfig): number | null {
  const pid = readPid(cfg);
  if (pid === null) return null;
  if (isOurServer(pid, cfg)) return pid;
  rmSync(pidFile(cfg), { force: true });
  return null;
}

function portFree(p: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(p, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

function javaVersion(java: string): number {
  const r = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) {
    throw new Error(
      `java not found (${java}): the local Neo4j 5.26 needs Java 17 or 21 — install openjdk-17-jre-headless or set JAVA_HOME, or set NEO4J_URI to use another Neo4j`,
    );
  }
  const m = /version "(\d+)(?:\.(\d+))?/.exec(r.stderr + r.stdout);
  const major = m ? (m[1] === '1' ? Number(m[2]) : Number(m[1])) : 0;
  if (major !== 17 && major !== 21) {
    throw new Error(`${java} is Java ${major || '?'}; the local Neo4j 5.26 runs on Java 17 or 21 (set JAVA_HOME)`);
  }
  return major;
}

const POM = path.join(ROOT, 'tools', 'neo4j', 'pom.xml');

/** Whether lib holds what the current pom fetches (its stamp is the pom's hash, as scripts/neo4j-fetch.js writes it). */
export function libCurrent(lib: string, pom = POM): boolean {
  try {
    return readFileSync(path.join(lib, STAMP), 'utf8').trim() === createHash('sha256').update(readFileSync(pom)).digest('hex');
  } catch {
    return false;
  }
}

function ensureLib(cfg: LocalServerConfig): void {
  // A lib fetched for an older pom (before the Browser was unpacked and APOC
  // fetched, say) is fetched again, so a `git pull` without `npm install` still starts what the code expects.
  if (libCurrent(cfg.lib)) return;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'neo4j-fetch.js'), '--force'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, KG_NEO4J_LIB: cfg.lib },
  });
  if (r.status !== 0 || !existsSync(path.join(cfg.lib, STAMP))) {
    throw new Error(`the Neo4j jars are missing from ${cfg.lib} and could not be fetched (needs mvn and Maven Central; try \`npm run neo4j:fetch\`)`);
  }
}

/**
 * The plugins the fetch brought (APOC core and what it needs, in lib/plugins)
 * go into this server's plugins/ folder, where Neo4j loads procedures from.
 * A list of what was copied (.kg-plugins) lets a later start remove jars the
 * current fetch no longer has (an older APOC), never a jar someone added.
 */
export function installPlugins(lib: string, pluginsDir: string): string[] {
  const source = path.join(lib, 'plugins');
  const wanted = existsSync(source)
    ? readdirSync(source)
        .filter((f) => f.endsWith('.jar'))
        .sort()
    : [];
  const manifest = path.join(pluginsDir, '.kg-plugins');
  let previous: string[] = [];
  try {
    previous = readFileSync(manifest, 'utf8').split('\n').filter(Boolean);
  } catch {
    /* first start */
  }
  mkdirSync(pluginsDir, { recursive: true });
  for (const old of previous) if (!wanted.includes(old)) rmSync(path.join(pluginsDir, old), { force: true });
  for (const jar of wanted) {
    const from = path.join(source, jar);
    const to = path.join(pluginsDir, jar);
    if (!existsSync(to) || statSync(to).size !== statSync(from).size) copyFileSync(from, to);
  }
  writeFileSync(manifest, wanted.map((j) => `${j}\n`).join(''));
  return wanted;
}

/** Where the server serves the project's Browser style and guide (written by writeBrowserContent at each start). */
export function browserContentUrls(httpPort: number): { guide: string; style: string } {
  // "localhost", not 127.0.0.1: the Browser loads remote guides and styles only from hosts in
  // browser.remote_content_hostname_whitelist, and the page the summary prints is on localhost (same origin).
  // One folder per HTTP port: servers of one checkout (yours, the tests') share lib/, and each page names its own server.
  const base = `http://localhost:${httpPort}/browser/${BROWSER_CONTENT_DIR}/${httpPort}`;
  return { guide: `${base}/guide.html`, style: `${base}/browser-style.grass` };
}

/**
 * The style and guide, rendered for this server's address, into the unpacked
 * Browser (lib/web/browser/kg/PORT/), which the server serves. A lib that cannot be
 * written costs the guide, not the start: one line on stderr says so.
 */
function serveBrowserContent(cfg: LocalServerConfig): void {
  const browserDir = path.join(cfg.lib, 'web', 'browser');
  if (!existsSync(browserDir)) return;
  const urls = browserContentUrls(cfg.httpPort);
  try {
    writeBrowserContent(path.join(browserDir, BROWSER_CONTENT_DIR, String(cfg.httpPort)), { base: path.dirname(urls.guide), ...urls });
  } catch (err) {
    process.stderr.write(`kg: the Browser style and guide could not be written to ${browserDir}: ${(err as Error).message}\n`);
  }
}

/** neo4j.conf of the local server (exported for its unit test). */
export function neo4jConf(cfg: LocalServerConfig): string {
  const content = browserContentUrls(cfg.httpPort);
  return [
    '# Generated by src/server on every start; edits are overwritten.',
    'server.default_listen_address=127.0.0.1',
    'server.default_advertised_address=127.0.0.1',
    'server.bolt.enabled=true',
    `server.bolt.listen_address=127.0.0.1:${cfg.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${cfg.boltPort}`,
    'server.http.enabled=true',
    `server.http.listen_address=127.0.0.1:${cfg.httpPort}`,
    `server.http.advertised_address=127.0.0.1:${cfg.httpPort}`,
    'server.https.enabled=false',
    'dbms.security.auth_enabled=true',
    // The HTTP API answers CORS for the Browser's own origin only (the default
    // "*" let any web page the analyst opened query the graph). The Browser
    // itself talks to Bolt and fetches from its own origin, which needs no CORS.
    `dbms.security.http_access_control_allow_origin=http://localhost:${cfg.httpPort}`,
    `server.memory.pagecache.size=${cfg.pagecache}`,
    'dbms.usage_report.enabled=false',
    // Neo4j Browser reads these through dbms.clientConfig(). On connect it runs the
    // post-connect commands (each gets its leading ':'), so the project's style and
    // guide come up with no second process: this server serves them itself (web/ on
    // the classpath, see javaArgs). 5.26 still names the allowlist "whitelist".
    `browser.post_connect_cmd=style ${content.style}; play ${content.guide}`,
    'browser.remote_content_hostname_whitelist=localhost',
    // No usage-collection banner: the Browser shows it only when telemetry is allowed.
    'client.allow_telemetry=false',
    // APOC core (plugins/): some of its procedures use internals Neo4j only lets
    // "unrestricted" ones use; the allowlist keeps other plugins' procedures out.
    'dbms.security.procedures.unrestricted=apoc.*',
    'dbms.security.procedures.allowlist=apoc.*',
    'db.tx_log.rotation.retention_policy=keep_none',
    // Both default to 5 s each and made a stop take 11 s on an idle server.
    'internal.server.bolt.connection_shutdown_wait_time=1s',
    'internal.server.bolt.thread_pool_shutdown_wait_time=1s',
    '',
  ].join('\n');
}

function javaArgs(cfg: LocalServerConfig): string[] {
  // The 5.26 defaults of server.jvm.additional, minus AlwaysPreTouch; heap on
  // the command line since only the bootloader reads server.memory.heap.*.
  return [
    '-Xms256m',
    `-Xmx${cfg.heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+UnlockExperimentalVMOptions',
    '-XX:+TrustFinalNonStaticFields',
    '-XX:+DisableExplicitGC',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    '--enable-native-access=ALL-UNNAMED',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    ...cfg.javaOptions,
    // web/ first: Neo4j serves /browser/ from the first "browser" resource on the
    // classpath, here the unpacked Browser with the project's style and guide in browser/kg/.
    // plugins/ last, as Neo4j's own launcher does: APOC registers its components
    // (apoc.ApocConfig...) as classpath extensions, beside the procedures Neo4j loads from that folder.
    '-cp',
    [path.join(cfg.lib, 'web'), path.join(cfg.lib, '*'), path.join(cfg.home, 'plugins', '*')].join(path.delimiter),
    MAIN_CLASS,
    `--home-dir=${cfg.home}`,
    `--config-dir=${path.join(cfg.home, 'conf')}`,
  ];
}

/** The last error line the server logged, and where to read more: one line. */
function logHint(cfg: LocalServerConfig): string {
  let last = '';
  for (const f of ['neo4j.log', 'console.log']) {
    try {
      const lines = readFileSync(path.join(cfg.home, 'logs', f), 'utf8')
        .trimEnd()
        .split('\n');
      const hit = [...lines].reverse().find((l) => /ERROR|Exception|Error:/.test(l));
      if (hit && !last) last = hit.trim().slice(0, 300);
    } catch {
      /* not written yet */
    }
  }
  return `${last ? `: ${last}` : ''} (see ${path.join(cfg.home, 'logs')}/neo4j.log and console.log)`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export type BoltProbe = 'up' | 'down' | 'unauthorized';

/** One connectivity check: does Bolt answer, with these credentials? */
export async function probeBolt(conn: Connection, timeoutMs = 3000): Promise<BoltProbe> {
  const driver = neo4j.driver(conn.uri, authFor(conn), { connectionTimeout: timeoutMs, maxConnectionPoolSize: 1, logging: undefined });
  try {
    await driver.verifyConnectivity({ database: conn.database });
    return 'up';
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    if (code.includes('Unauthorized') || code.includes('AuthenticationRateLimit')) return 'unauthorized';
    return 'down';
  } finally {
    await driver.close().catch(() => {});
  }
}

function unauthorizedMessage(cfg: LocalServerConfig): string {
  return (
    `the local Neo4j at bolt://127.0.0.1:${cfg.boltPort} rejected user "${cfg.user}" with the password in ${passwordFile(cfg)}: ` +
    `put the store's password in that file (mode 0600), ` +
    `or stop the server (\`kg neo4j stop\`) and delete ${path.join(cfg.home, 'data')} to start afresh with a new one`
  );
}

export interface StartResult {
  pid: number;
  /** false: a server of this home was already running and is reused. */
  started: boolean;
  /** Time until Bolt answered. */
  seconds: number;
  connection: Connection;
}

function takeStartLock(cfg: LocalServerConfig): (() => void) | null {
  const file = startLockFile(cfg);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeFileSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(file, 'utf8').trim() || '0');
      if (holder > 0 && processAlive(holder)) return null;
      rmSync(file, { force: true }); // left behind by a crashed start
    }
  }
  return null;
}

/** Waits until Bolt answers (with these credentials or not): 'up' or 'unauthorized'. */
async function waitForBolt(
  cfg: LocalServerConfig,
  conn: Connection,
  pid: number,
  started: number,
  child?: { exitCode: number | null },
): Promise<'up' | 'unauthorized'> {
  const exitMeaning: Record<number, string> = { 1: 'web server failed', 2: 'database failed', 3: 'invalid configuration' };
  for (;;) {
    const exited = child ? child.exitCode !== null : !processAlive(pid);
    if (exited) {
      const code = child?.exitCode ?? null;
      throw new Error(
        `the local Neo4j exited during start${code !== null ? ` with code ${code}${exitMeaning[code] ? ` (${exitMeaning[code]})` : ''}` : ''}${logHint(cfg)}`,
      );
    }
    const state = await probeBolt(conn, 2000);
    if (state !== 'down') return state;
    if (Date.now() - started > cfg.startTimeoutMs) {
      throw new Error(`the local Neo4j (pid ${pid}) did not answer on Bolt port ${cfg.boltPort} within ${cfg.startTimeoutMs / 1000} s${logHint(cfg)}`);
    }
    await sleep(250);
  }
}

/**
 * Once Bolt answers: the connection with the server's password. A store
 * without a password file (from before generated passwords) is tried with the
 * passwords it may take, and the one it takes is recorded (adoptPassword).
 */
async function connectAs(
  cfg: LocalServerConfig,
  env: NodeJS.ProcessEnv,
  pid: number,
  started: number,
  child?: { exitCode: number | null },
): Promise<Connection> {
  const stored = readPassword(cfg);
  if (stored !== null) {
    if ((await waitForBolt(cfg, localConnection(cfg, stored), pid, started, child)) === 'up') return localConnection(cfg, stored);
    throw new Error(unauthorizedMessage(cfg));
  }
  const [first, ...rest] = adoptionCandidates(cfg, env);
  let state: BoltProbe = await waitForBolt(cfg, localConnection(cfg, first!), pid, started, child);
  let current = first!;
  for (const candidate of rest) {
    if (state === 'up') break;
    current = candidate;
    state = await probeBolt(localConnection(cfg, candidate));
  }
  if (state !== 'up') throw new Error(unauthorizedMessage(cfg));
  return localConnection(cfg, await adoptPassword(cfg, current));
}

/**
 * Starts this home's server, or reuses it when it is already running; returns
 * once Bolt answers with the server's password (generated at its first start).
 */
export async function startServer(cfg: LocalServerConfig = localConfig(), env: NodeJS.ProcessEnv = process.env): Promise<StartResult> {
  const t0 = Date.now();
  mkdirSync(path.join(cfg.home, 'run'), { recursive: true });
  restrictPermissions(cfg);

  let release = takeStartLock(cfg);
  while (!release) {
    // Another process is starting this server right now: wait for it.
    if (Date.now() - t0 > cfg.startTimeoutMs) throw new Error(`another process has been starting the local Neo4j for too long (${startLockFile(cfg)})`);
    await sleep(250);
    release = takeStartLock(cfg);
  }
  try {
    const existing = runningPid(cfg);
    if (existing !== null) {
      serveBrowserContent(cfg); // the guide shows the saved queries as they are now
      const connection = await connectAs(cfg, env, existing, t0);
      restrictPermissions(cfg);
      return { pid: existing, started: false, seconds: (Date.now() - t0) / 1000, connection };
    }

    javaVersion(cfg.java);
    ensureLib(cfg);
    for (const [p, name] of [
      [cfg.boltPort, 'Bolt'],
      [cfg.httpPort, 'HTTP'],
    ] as const) {
      if (!(await portFree(p))) {
        throw new Error(
          `port ${p} (${name}) on 127.0.0.1 is taken by another process, not the Neo4j of ${cfg.home}: stop it, or choose other ports with KG_NEO4J_BOLT_PORT / KG_NEO4J_HTTP_PORT`,
        );
      }
    }

    for (const dir of ['conf', 'data', 'logs', 'run', 'import', 'plugins']) mkdirSync(path.join(cfg.home, dir), { recursive: true, mode: 0o700 });
    writeFileSync(path.join(cfg.home, 'conf', 'neo4j.conf'), neo4jConf(cfg));
    installPlugins(cfg.lib, path.join(cfg.home, 'plugins'));
    serveBrowserContent(cfg);
    const childEnv = { ...env, NEO4J_HOME: cfg.home, NEO4J_CONF: path.join(cfg.home, 'conf') };

    if (!existsSync(path.join(cfg.home, 'data', 'dbms', 'auth.ini')) && !existsSync(path.join(cfg.home, 'data', 'databases'))) {
      // First start: the password has to be set before the DBMS first runs.
      // A password file left from an emptied store is reused (shells that
      // exported it stay right); otherwise a new one is generated.
      const password = readPassword(cfg) ?? newPassword();
      writePrivate(passwordFile(cfg), `${password}\n`);
      setInitialPassword(cfg, childEnv, password);
    }

    const log = openSync(path.join(cfg.home, 'logs', 'console.log'), 'a', 0o600);
    const child = withPrivateUmask(() => spawn(cfg.java, javaArgs(cfg), { cwd: cfg.home, env: childEnv, detached: true, stdio: ['ignore', log, log] }));
    closeSync(log);
    const pid = child.pid;
    if (pid === undefined) throw new Error(`could not start ${cfg.java}`);
    const state = { exitCode: null as number | null };
    child.once('exit', (code, signal) => {
      state.exitCode = code ?? (signal ? 128 : -1);
    });
    child.unref();
    writeFileSync(pidFile(cfg), `${pid}\n`);
    let connection: Connection;
    try {
      connection = await connectAs(cfg, env, pid, t0, state);
    } catch (err) {
      if (state.exitCode === null) {
        try {
          process.kill(pid, 'SIGTERM');
        } catch {
          /* gone */
        }
      }
      rmSync(pidFile(cfg), { force: true });
      throw err;
    }
    restrictPermissions(cfg);
    return { pid, started: true, seconds: (Date.now() - t0) / 1000, connection };
  } finally {
    release();
  }
}

export interface StopResult {
  /** false: nothing was running. */
  stopped: boolean;
  pid: number | null;
  seconds: number;
  /** true: it ignored SIGTERM and was killed. */
  killed: boolean;
}

/** SIGTERM (Neo4j's shutdown hook checkpoints and closes the store), then wait. */
export async function stopServer(cfg: LocalServerConfig = localConfig(), timeoutMs = 60_000): Promise<StopResult> {
  const t0 = Date.now();
  const pid = runningPid(cfg);
  if (pid === null) return { stopped: false, pid: null, seconds: 0, killed: false };
  process.kill(pid, 'SIGTERM');
  let killed = false;
  while (processAlive(pid)) {
    if (!killed && Date.now() - t0 > timeoutMs) {
      process.kill(pid, 'SIGKILL');
      killed = true;
    }
    await sleep(100);
  }
  rmSync(pidFile(cfg), { force: true });
  return { stopped: true, pid, seconds: (Date.now() - t0) / 1000, killed };
}

export interface StatusResult {
  running: boolean;
  pid: number | null;
  bolt: BoltProbe;
  home: string;
  connection: Connection;
}

export async function serverStatus(cfg: LocalServerConfig = localConfig()): Promise<StatusResult> {
  const pid = runningPid(cfg);
  const conn = localConnection(cfg);
  return { running: pid !== null, pid, bolt: pid === null ? 'down' : await probeBolt(conn), home: cfg.home, connection: conn };
}

/**
 * The server every command works against: NEO4J_URI's when set (nothing
 * local is started), else the local one, started if need be.
 */
export async function ensureNeo4j(env: NodeJS.ProcessEnv = process.env): Promise<{ connection: Connection; start: StartResult | null }> {
  const external = externalConnection(env);
  if (external) return { connection: external, start: null };
  const start = await startServer(localConfig(env), env);
  return { connection: start.connection, start };
}
