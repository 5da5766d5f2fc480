// Which Neo4j the commands use, decided from the environment (no server needed).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBrowserContent } from '../src/queries/guide.ts';
import {
  browserContentUrls,
  ensureNeo4j,
  externalConnection,
  installPlugins,
  libCurrent,
  localConfig,
  localConnection,
  neo4jConf,
} from '../src/server/index.ts';

const scratch: string[] = [];
const tmpDir = () => {
  const d = mkdtempSync(path.join(os.tmpdir(), 'kg-server-config-'));
  scratch.push(d);
  return d;
};
afterEach(() => {
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** neo4j.conf as a map (the last line for a name wins, as in Neo4j). */
const settings = (conf: string) =>
  Object.fromEntries(
    conf
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );

describe('server configuration', () => {
  it('defaults to the local server on 7687/7474 under .neo4j with user neo4j', () => {
    const cfg = localConfig({});
    expect(cfg).toMatchObject({ boltPort: 7687, httpPort: 7474, user: 'neo4j', heap: '1g', pagecache: '256m' });
    // No password in the configuration: each server's is generated at its first start, kept in its home.
    expect(cfg).not.toHaveProperty('password');
    expect(cfg.home).toMatch(/\/\.neo4j$/);
    expect(localConnection(cfg)).toMatchObject({
      uri: 'bolt://127.0.0.1:7687',
      local: true,
      browserUrl: 'http://localhost:7474/browser/?dbms=bolt://neo4j@localhost:7687&preselectAuthMethod=NATIVE',
    });
  });

  it('moves home and ports with KG_NEO4J_*', () => {
    const cfg = localConfig({ KG_NEO4J_HOME: '/tmp/other-neo4j', KG_NEO4J_BOLT_PORT: '7688', KG_NEO4J_HTTP_PORT: '7475' });
    expect(cfg).toMatchObject({ home: '/tmp/other-neo4j', boltPort: 7688, httpPort: 7475 });
    expect(localConnection(cfg)).toMatchObject({ password: null, passwordFile: '/tmp/other-neo4j/password' });
    expect(() => localConfig({ KG_NEO4J_BOLT_PORT: 'seven' })).toThrow('KG_NEO4J_BOLT_PORT must be a TCP port');
  });

  it('passes KG_NEO4J_JAVA_OPTS to the local JVM as separate options, none by default', () => {
    expect(localConfig({}).javaOptions).toEqual([]);
    expect(localConfig({ KG_NEO4J_JAVA_OPTS: ' -XX:+UseParallelGC   -Xss2m ' }).javaOptions).toEqual(['-XX:+UseParallelGC', '-Xss2m']);
  });

  it('uses the server NEO4J_URI names (neo4j+s:// too) and starts nothing local', async () => {
    const env = { NEO4J_URI: 'neo4j+s://graph.example.invalid:7687', NEO4J_USER: 'analyst', NEO4J_PASSWORD: 'secret', NEO4J_DATABASE: 'kg' };
    expect(externalConnection(env)).toEqual({ uri: env.NEO4J_URI, user: 'analyst', password: 'secret', database: 'kg', local: false, browserUrl: null });
    expect(await ensureNeo4j(env)).toEqual({ connection: externalConnection(env), start: null });
    expect(externalConnection({})).toBeNull();
    expect(externalConnection({ NEO4J_URI: 'bolt://h:7687' })).toMatchObject({ user: 'neo4j', password: null });
  });

  it('has the Browser load the style and guide its own server serves on connect, with no usage banner', () => {
    const conf = settings(neo4jConf(localConfig({ KG_NEO4J_HTTP_PORT: '7475' })));
    const urls = browserContentUrls(7475);
    expect(urls).toEqual({ style: 'http://localhost:7475/browser/kg/7475/browser-style.grass', guide: 'http://localhost:7475/browser/kg/7475/guide.html' });
    // The Browser splits the setting at ';' and prefixes each command with ':'.
    expect(conf['browser.post_connect_cmd']?.split(';').map((c) => c.trim())).toEqual([`style ${urls.style}`, `play ${urls.guide}`]);
    // Neo4j 5.26's name (the Browser reads this one); the guide's host must be in it.
    expect(conf['browser.remote_content_hostname_whitelist']).toBe('localhost');
    expect(conf['client.allow_telemetry']).toBe('false');
    expect(conf['dbms.usage_report.enabled']).toBe('false');
  });

  it('lets APOC core run: its procedures unrestricted and allowed', () => {
    const conf = settings(neo4jConf(localConfig({})));
    expect(conf['dbms.security.procedures.unrestricted']).toBe('apoc.*');
    expect(conf['dbms.security.procedures.allowlist']).toBe('apoc.*');
  });

  it("copies the fetched plugins into a server's plugins folder and later removes only the ones it copied", () => {
    const lib = tmpDir();
    const plugins = path.join(tmpDir(), 'plugins');
    mkdirSync(path.join(lib, 'plugins'));
    writeFileSync(path.join(lib, 'plugins', 'apoc-core-5.26.1.jar'), 'old apoc');
    writeFileSync(path.join(lib, 'plugins', 'opencsv-5.7.1.jar'), 'csv');
    expect(installPlugins(lib, plugins)).toEqual(['apoc-core-5.26.1.jar', 'opencsv-5.7.1.jar']);
    expect(readFileSync(path.join(plugins, 'apoc-core-5.26.1.jar'), 'utf8')).toBe('old apoc');
    writeFileSync(path.join(plugins, 'someones-own-plugin.jar'), 'theirs');

    // A newer fetch: APOC upgraded.
    rmSync(path.join(lib, 'plugins', 'apoc-core-5.26.1.jar'));
    writeFileSync(path.join(lib, 'plugins', 'apoc-core-5.26.19.jar'), 'new apoc');
    installPlugins(lib, plugins);
    expect(
      readdirSync(plugins)
        .filter((f) => f.endsWith('.jar'))
        .sort(),
    ).toEqual(['apoc-core-5.26.19.jar', 'opencsv-5.7.1.jar', 'someones-own-plugin.jar']);
  });

  it('knows a lib fetched for another pom is not current', () => {
    const lib = tmpDir();
    const pom = path.join(lib, 'pom.xml');
    writeFileSync(pom, '<project>one</project>');
    expect(libCurrent(lib, pom)).toBe(false); // never fetched
    writeFileSync(path.join(lib, '.kg-fetched'), `${createHash('sha256').update('<project>one</project>').digest('hex')}\n`);
    expect(libCurrent(lib, pom)).toBe(true);
    writeFileSync(pom, '<project>two</project>');
    expect(libCurrent(lib, pom)).toBe(false);
  });

  it("writes the style and the guide, its placeholders filled for the server's addresses", () => {
    const dir = path.join(tmpDir(), 'kg', '7475');
    const urls = browserContentUrls(7475);
    const files = writeBrowserContent(dir, { base: path.dirname(urls.guide), ...urls });
    expect(files).toContain('browser-style.grass');
    expect(files).toContain('guide.html');
    const guide = readFileSync(path.join(dir, 'guide.html'), 'utf8');
    expect(guide).not.toMatch(/\{\{/);
    expect(guide).toContain(`:style ${urls.style}`);
    expect(guide).toContain('data-query="partnership-network"');
    expect(readFileSync(path.join(dir, 'browser-style.grass'), 'utf8')).toContain('node.Institute');
    expect(readdirSync(dir).some((f) => f.endsWith('.tmp'))).toBe(false);
    expect(existsSync(path.join(dir, 'browser-style.grass'))).toBe(true);
  });
});
