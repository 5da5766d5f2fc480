// The local Neo4j server that src/server runs (the test instance).
import net from 'node:net';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { localConfig, probeBolt, serverStatus, startServer } from '../../src/server/index.ts';
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
    const discovery = await (await fetch(`${httpBase()}/`)).json() as { bolt_direct: string };
    expect(discovery.bolt_direct).toBe(`bolt://127.0.0.1:${testServerConfig().boltPort}`);
  });

  it('accepts the credentials the run summary prints, and nothing else', async () => {
    const conn = inject('neo4j');
    const ask = (auth: string) => fetch(`${httpBase()}/db/neo4j/query/v2`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: auth },
      body: JSON.stringify({ statement: 'RETURN 41 + 1 AS answer' }),
    });
    const ok = await ask(basic('neo4j', 'ai-governance-kg'));
    expect(ok.status).toBeLessThan(300);
    expect(JSON.stringify(await ok.json())).toContain('42');
    expect((await ask(basic('neo4j', 'not-the-password'))).status).toBe(401);
    expect(await probeBolt({ ...conn, password: 'not-the-password' })).toBe('unauthorized');
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
      const cfg = localConfig({ ...testEnv(), KG_NEO4J_HOME: scratchDir('port-taken'), KG_NEO4J_BOLT_PORT: String(squatter.port), KG_NEO4J_HTTP_PORT: String(squatter.port + 1) });
      await expect(startServer(cfg)).rejects.toThrow(`port ${squatter.port} (Bolt) on 127.0.0.1 is taken by another process`);
    } finally {
      await squatter.close();
    }
  });

  it('fails clearly when java is missing', async () => {
    const cfg = localConfig({ ...testEnv(), KG_NEO4J_HOME: scratchDir('no-java'), JAVA_HOME: '/nonexistent-jdk' });
    await expect(startServer(cfg)).rejects.toThrow(/^java not found \(\/nonexistent-jdk\/bin\/java\): the local Neo4j 5\.26 needs Java 17 or 21/);
  });
});
