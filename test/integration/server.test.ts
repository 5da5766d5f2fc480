// The local Neo4j server that src/server runs (the test instance).
import { execFile, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import neo4j from 'neo4j-driver';
import {
  browserContentUrls,
  externalConnection,
  LEGACY_PASSWORD,
  localConfig,
  probeBolt,
  serverStatus,
  startServer,
  stopServer,
} from '../../src/server/index.ts';
import { external, ROOT, testEnv, testServerConfig } from './env.ts';
import { scratchDir } from './helpers.ts';

const httpBase = () => `http://127.0.0.1:${testServerConfig().httpPort}`;
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

function occupyPort(): Promise<{ port: number; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      resolve({ port, close: () => new Promise((r) => srv.close(() => r())) });
    });
  });
}

describe.skipIf(external())('local Neo4j server', () => {
  it('is running, and a second start reuses it', async () => {
    const cfg = testServerConfig();
    const status = await serverStatus(cfg);
    expect(status).toMatchObject({ running: true, bolt: 'up' });
    const again = await startServer(cfg);
    expect(again).toMatchObject({ started: false, pid: status.pid });
  });

  it('serves Neo4j Browser on its HTTP port, advertising its own Bolt port', async () => {
    const page = await (await fetch(`${httpBase()}/browser/`)).text();
    expect(page).toContain('<title>Neo4j Browser</title>');
    const discovery = (await (await fetch(`${httpBase()}/`)).json()) as { bolt_direct: string };
    expect(discovery.bolt_direct).toBe(`bolt://127.0.0.1:${testServerConfig().boltPort}`);
  });

  it("serves the project's style and guide itself, and hands the Browser the settings that load them on connect", async () => {
    const port = testServerConfig().httpPort;
    const urls = browserContentUrls(port);
    // localhost is how the Browser asks for them (127.0.0.1 is where it listens).
    const style = await fetch(urls.style.replace('localhost', '127.0.0.1'));
    expect(style.status).toBe(200);
    expect(await style.text()).toContain('node.Institute');
    const guide = await fetch(urls.guide.replace('localhost', '127.0.0.1'));
    expect(guide.status).toBe(200);
    const html = await guide.text();
    expect(html).toContain('data-query="partnership-network"');
    expect(html).toContain(urls.style);

    const conn = inject('neo4j');
    const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password!));
    try {
      const { records } = await driver.executeQuery('CALL dbms.clientConfig() YIELD name, value RETURN name, value');
      const config = Object.fromEntries(records.map((r) => [r.get('name'), r.get('value')]));
      expect(config['browser.post_connect_cmd']).toBe(`style ${urls.style}; play ${urls.guide}`);
      expect(config['client.allow_telemetry']).toBe('false');
    } finally {
      await driver.close();
    }
  });

  it('has APOC core: apoc.version() answers, and built-in procedures still run', async () => {
    const conn = inject('neo4j');
    const driver = neo4j.driver(conn.uri, neo4j.auth.basic(conn.user, conn.password!));
    try {
      const { records } = await driver.executeQuery('RETURN apoc.version() AS version, apoc.text.join(["a", "b"], "-") AS joined');
      expect(records[0]!.get('version')).toMatch(/^5\.26\./);
      expect(records[0]!.get('joined')).toBe('a-b');
      // The procedure allowlist (apoc.*) leaves Neo4j's own procedures alone.
      const schema = await driver.executeQuery('CALL db.schema.visualization() YIELD nodes RETURN size(nodes) AS n');
      expect(typeof schema.records[0]!.get('n')).not.toBe('undefined');
    } finally {
      await driver.close();
    }
  });

  const ask = (auth: string, headers: Record<string, string> = {}) =>
    fetch(`${httpBase()}/db/neo4j/query/v2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: auth, ...headers },
      body: JSON.stringify({ statement: 'RETURN 41 + 1 AS answer' }),
    });

  it('accepts its generated password (the one in its password file), and nothing else', async () => {
    const conn = inject('neo4j');
    const cfg = testServerConfig();
    expect(conn.password).toMatch(/^[\w-]{32}$/);
    expect(readFileSync(path.join(cfg.home, 'password'), 'utf8').trim()).toBe(conn.password);
    const ok = await ask(basic('neo4j', conn.password!));
    expect(ok.status).toBeLessThan(300);
    expect(JSON.stringify(await ok.json())).toContain('42');
    expect((await ask(basic('neo4j', 'not-the-password'))).status).toBe(401);
    expect(await probeBolt({ ...conn, password: 'not-the-password' })).toBe('unauthorized');
    expect(await probeBolt(conn)).toBe('up');
    // The constant every local server had before is no password of this one.
    expect(await probeBolt({ ...conn, password: LEGACY_PASSWORD })).toBe('unauthorized');
    expect(await probeBolt(conn)).toBe('up');
  });

  it('keeps its password in a file only its user can read, inside a home only its user can enter', () => {
    const cfg = testServerConfig();
    expect(statSync(path.join(cfg.home, 'password')).mode & 0o777).toBe(0o600);
    expect(statSync(cfg.home).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(cfg.home, 'data')).mode & 0o777).toBe(0o700);
    const open = readdirSync(path.join(cfg.home, 'data'), { recursive: true, withFileTypes: true })
      .map((e) => path.join(e.parentPath, e.name))
      .filter((p) => (statSync(p).mode & 0o077) !== 0);
    expect(open).toEqual([]);
    // Nothing of the password on any command line of the server's process.
    const pid = Number(readFileSync(path.join(cfg.home, 'run', 'kg-neo4j.pid'), 'utf8'));
    expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).not.toContain(inject('neo4j').password!);
  });

  it("refuses cross-origin requests to its HTTP API: CORS names the Browser's own origin, never * or the caller", async () => {
    const conn = inject('neo4j');
    const own = `http://localhost:${testServerConfig().httpPort}`;
    const foreign = 'http://localhost:8123'; // another local web page, as an attacker's would be
    // The preflight a browser sends before a cross-origin POST with credentials.
    const pre = await fetch(`${httpBase()}/db/neo4j/query/v2`, {
      method: 'OPTIONS',
      headers: { origin: foreign, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(pre.headers.get('access-control-allow-origin')).toBe(own);
    // A browser compares this header with the page's origin: another origin gets no answer to read.
    const res = await ask(basic('neo4j', conn.password!), { origin: foreign });
    expect(res.headers.get('access-control-allow-origin')).toBe(own);
    expect(res.headers.get('access-control-allow-origin')).not.toBe(foreign);
    await res.body?.cancel();
    const conf = readFileSync(path.join(testServerConfig().home, 'conf', 'neo4j.conf'), 'utf8');
    expect(conf).toMatch(new RegExp(`^dbms\\.security\\.http_access_control_allow_origin=${own}$`, 'm'));
  });

  it('`kg neo4j env` prints exports a shell evaluates to connect', async () => {
    const kg = path.join(ROOT, 'bin', 'kg.js');
    const { stdout } = await promisify(execFile)(process.execPath, [kg, 'neo4j', 'env'], { cwd: ROOT, env: testEnv() });
    const cfg = testServerConfig();
    expect(stdout).toMatch(new RegExp(`^export NEO4J_URI='bolt://127\\.0\\.0\\.1:${cfg.boltPort}' NEO4J_USER='neo4j' NEO4J_PASSWORD='[\\w-]{32}'\n$`));
    // What `eval "$(npx kg neo4j env)"` leaves in a shell.
    const shell = await promisify(execFile)('bash', ['-c', 'eval "$KG_ENV_LINE" && printf "%s\\n" "$NEO4J_URI" "$NEO4J_USER" "$NEO4J_PASSWORD"'], {
      env: { PATH: process.env.PATH, KG_ENV_LINE: stdout },
    });
    const [uri, user, password] = shell.stdout.split('\n');
    const conn = externalConnection({ NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password })!;
    expect(await probeBolt(conn)).toBe('up');
  });

  it('listens on 127.0.0.1 only', async () => {
    expect(testServerConfig().home.startsWith(ROOT) || process.env.KG_TEST_NEO4J_HOME).toBeTruthy();
    const conf = (await import('node:fs')).readFileSync(path.join(testServerConfig().home, 'conf', 'neo4j.conf'), 'utf8');
    expect(conf).toMatch(/^server\.default_listen_address=127\.0\.0\.1$/m);
    expect(conf).toMatch(/^dbms\.security\.auth_enabled=true$/m);
  });

  it('fails clearly when its port is taken by something else', async () => {
    const squatter = await occupyPort();
    try {
      const cfg = localConfig({
        ...testEnv(),
        KG_NEO4J_HOME: scratchDir('port-taken'),
        KG_NEO4J_BOLT_PORT: String(squatter.port),
        KG_NEO4J_HTTP_PORT: String(squatter.port + 1),
      });
      await expect(startServer(cfg)).rejects.toThrow(`port ${squatter.port} (Bolt) on 127.0.0.1 is taken by another process`);
    } finally {
      await squatter.close();
    }
  });

  it('gives a store from before generated passwords its own at its next start', async () => {
    // A store as the old code made it: the constant password, no password file.
    const env = { ...testEnv(2), KG_NEO4J_HOME: path.join(ROOT, scratchDir('legacy-store')) };
    const cfg = localConfig(env);
    mkdirSync(path.join(cfg.home, 'conf'), { recursive: true });
    writeFileSync(path.join(cfg.home, 'conf', 'neo4j.conf'), '');
    const admin = spawnSync(cfg.java, ['-cp', path.join(cfg.lib, '*'), 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', LEGACY_PASSWORD], {
      env: { ...env, NEO4J_HOME: cfg.home, NEO4J_CONF: path.join(cfg.home, 'conf') },
      encoding: 'utf8',
    });
    expect(admin.status, admin.stderr).toBe(0);
    try {
      const r = await startServer(cfg, env);
      expect(r.connection.password).toMatch(/^[\w-]{32}$/);
      expect(readFileSync(path.join(cfg.home, 'password'), 'utf8').trim()).toBe(r.connection.password);
      expect(statSync(path.join(cfg.home, 'password')).mode & 0o777).toBe(0o600);
      // The old store's files (auth.ini was made 0644) are their user's only now.
      const open = readdirSync(path.join(cfg.home, 'data'), { recursive: true, withFileTypes: true })
        .map((e) => path.join(e.parentPath, e.name))
        .filter((p) => (statSync(p).mode & 0o077) !== 0);
      expect(open).toEqual([]);
      expect(await probeBolt(r.connection)).toBe('up');
      expect(await probeBolt({ ...r.connection, password: LEGACY_PASSWORD })).toBe('unauthorized');
      // And the next start reads it from the file.
      await stopServer(cfg);
      expect((await startServer(cfg, env)).connection.password).toBe(r.connection.password);
    } finally {
      await stopServer(cfg);
    }
    // Two server starts and neo4j-admin: each start is bounded by its own timeout (180 s) and
    // took about 60 s on a loaded 2-core machine, so the suite's 180 s per test timed out there
    // and left this server on the second instance's ports for the next file.
  }, 600_000);

  it('fails clearly when java is missing', async () => {
    const cfg = localConfig({ ...testEnv(), KG_NEO4J_HOME: scratchDir('no-java'), JAVA_HOME: '/nonexistent-jdk' });
    await expect(startServer(cfg)).rejects.toThrow(/^java not found \(\/nonexistent-jdk\/bin\/java\): the local Neo4j 5\.26 needs Java 17 or 21/);
  });
});
