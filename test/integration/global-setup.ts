// Makes sure the integration tests' Neo4j runs (starting it if need be) and
// hands its connection to the tests. A server this setup started is stopped
// afterwards unless KG_TEST_KEEP_NEO4J=1; one that was already running stays.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { externalConnection, localConfig, startServer, stopServer } from '../../src/server/index.ts';
import { ROOT, testEnv, testServerConfig } from './env.ts';

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
    // A test that timed out leaves the server it started itself running (its finally never ran
    // before the process moved on): the second instance, or one in a scratch home. Seen: a 1 GB
    // Java left for 20 minutes after a fresh-clone run, holding the ports the next file wanted.
    for (const home of leftoverHomes()) await stopServer(localConfig({ ...testEnv(2), KG_NEO4J_HOME: home }));
  };
}

/** The second instance's home and every scratch folder under test-artifacts/ (stopServer ignores those with no server of theirs). */
function leftoverHomes(): string[] {
  const scratch = path.join(ROOT, 'test-artifacts');
  const dirs = existsSync(scratch) ? readdirSync(scratch, { withFileTypes: true }).filter((e) => e.isDirectory()) : [];
  return [testServerConfig(2).home, ...dirs.map((e) => path.join(scratch, e.name))];
}
