// Which Neo4j the commands use, decided from the environment (no server needed).
import { describe, expect, it } from 'vitest';
import { ensureNeo4j, externalConnection, localConfig, localConnection } from '../src/server/index.ts';

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
});
