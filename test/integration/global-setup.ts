// Makes sure the integration tests' Neo4j runs (starting it if need be) and
// hands its connection to the tests. A server this setup started is stopped
// afterwards unless KG_TEST_KEEP_NEO4J=1; one that was already running stays.
import type { TestProject } from 'vitest/node';
import { externalConnection, startServer, stopServer } from '../../src/server/index.ts';
import { testEnv, testServerConfig } from './env.ts';

export default async function setup(project: TestProject) {
  const ext = externalConnection(testEnv());
  if (ext) {
    project.provide('neo4j', ext);
    return;
  }
  const cfg = testServerConfig();
  const r = await startServer(cfg);
  console.log(
    `integration: Neo4j ${r.started ? `started in ${r.seconds.toFixed(1)} s` : 'already running'} (home ${cfg.home}, Bolt ${cfg.boltPort}, HTTP ${cfg.httpPort})`,
  );
  project.provide('neo4j', r.connection);
  return async () => {
    if (r.started && process.env.KG_TEST_KEEP_NEO4J !== '1') await stopServer(cfg);
  };
}
