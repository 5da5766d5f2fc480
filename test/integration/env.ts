// Where the integration tests' Neo4j lives. Never the graph people use: a
// local server of its own (home .neo4j/test, Bolt 17687, HTTP 17474 unless
// KG_TEST_NEO4J_HOME / KG_TEST_NEO4J_BOLT_PORT / KG_TEST_NEO4J_HTTP_PORT say
// otherwise), because the tests wipe the database. KG_TEST_NEO4J_URI (with
// NEO4J_USER / NEO4J_PASSWORD) points them at another server instead — whose
// database they will wipe.
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { localConfig, type Connection, type LocalServerConfig } from '../../src/server/index.ts';

/**
 * A TCP port nothing listens on now: a test's own Redis takes it (KG_TEST_REDIS_PORT fixes one), so two clones
 * testing at once never share a Redis and its queues.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The environment that points `kg` (and src/server) at test instance `n` (1 or 2). */
export function testEnv(n: 1 | 2 = 1): NodeJS.ProcessEnv {
  const bolt = Number(process.env.KG_TEST_NEO4J_BOLT_PORT || 17687) + (n - 1);
  const http = Number(process.env.KG_TEST_NEO4J_HTTP_PORT || 17474) + (n - 1);
  const home = process.env.KG_TEST_NEO4J_HOME || path.join(ROOT, '.neo4j', 'test');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    KG_NEO4J_HOME: n === 1 ? home : `${home}-${n}`,
    KG_NEO4J_BOLT_PORT: String(bolt),
    KG_NEO4J_HTTP_PORT: String(http),
  };
  delete env.NEO4J_URI;
  delete env.NEO4J_PASSWORD;
  delete env.NEO4J_USER;
  if (process.env.KG_TEST_NEO4J_URI) {
    env.NEO4J_URI = process.env.KG_TEST_NEO4J_URI;
    env.NEO4J_USER = process.env.NEO4J_USER;
    env.NEO4J_PASSWORD = process.env.NEO4J_PASSWORD;
  }
  return env;
}

export function testServerConfig(n: 1 | 2 = 1): LocalServerConfig {
  return localConfig(testEnv(n));
}

export const external = (): boolean => Boolean(process.env.KG_TEST_NEO4J_URI);

export type TestNeo4j = Connection;

declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: Connection;
  }
}
