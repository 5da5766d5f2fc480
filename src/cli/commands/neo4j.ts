import type { Command } from 'commander';
import type { Connection } from '../../server/index.ts';
import { redactUrl } from '../../util/redact.ts';

// The server module loads the Neo4j driver: imported when a subcommand runs,
// so `kg --help` does not load it.
const server = () => import('../../server/index.ts');
const session = () => import('../graph-session.ts');

/** A value a POSIX shell reads back verbatim. */
export const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** `export NEO4J_URI=... NEO4J_USER=... NEO4J_PASSWORD=...` for the local server. */
export function envLine(conn: Connection): string {
  return `export NEO4J_URI=${shellQuote(conn.uri)} NEO4J_USER=${shellQuote(conn.user)} NEO4J_PASSWORD=${shellQuote(conn.password ?? '')}`;
}

async function refuseWhenExternal(action: string): Promise<void> {
  const ext = (await server()).externalConnection();
  if (ext) throw new Error(`NEO4J_URI is set (${redactUrl(ext.uri)}): kg does not ${action} a local Neo4j then; unset it to use the local server`);
}

export function registerNeo4j(program: Command): void {
  const neo = program
    .command('neo4j')
    .description('the local Neo4j server (data, logs and conf in .neo4j/; KG_NEO4J_HOME, KG_NEO4J_BOLT_PORT, KG_NEO4J_HTTP_PORT move it)');

  neo
    .command('start')
    .description('start it (or reuse the running one) and wait until Bolt answers')
    .action(async () => {
      await refuseWhenExternal('start');
      const [{ localConfig, startServer }, { connectionLines }] = await Promise.all([server(), session()]);
      const cfg = localConfig();
      const r = await startServer(cfg);
      console.log(
        [
          r.started ? `Neo4j started in ${r.seconds.toFixed(1)} s (pid ${r.pid}, home ${cfg.home})` : `Neo4j already running (pid ${r.pid}, home ${cfg.home})`,
          ...connectionLines(r.connection),
        ].join('\n'),
      );
    });

  neo
    .command('env')
    .description('print `export NEO4J_URI=... NEO4J_USER=... NEO4J_PASSWORD=...` for the local server (starting it if need be): eval "$(npx kg neo4j env)"')
    .action(async () => {
      await refuseWhenExternal('print the environment of');
      const { localConfig, startServer } = await server();
      const r = await startServer(localConfig());
      if (r.started) console.error(`kg: local Neo4j started in ${r.seconds.toFixed(1)} s (pid ${r.pid})`);
      // stdout only for the shell that evaluates it.
      console.log(envLine(r.connection));
    });

  neo
    .command('stop')
    .description('stop it (SIGTERM, then wait for a clean shutdown)')
    .action(async () => {
      await refuseWhenExternal('stop');
      const { localConfig, stopServer } = await server();
      const r = await stopServer(localConfig());
      console.log(
        r.stopped
          ? `Neo4j stopped (pid ${r.pid}) in ${r.seconds.toFixed(1)} s${r.killed ? ' — it ignored SIGTERM and was killed' : ''}`
          : 'Neo4j was not running',
      );
    });

  neo
    .command('status')
    .description('is it running, and does Bolt answer? (exit 3 when not running)')
    .action(async () => {
      const [{ externalConnection, localConfig, serverStatus }, { connectionLines }] = await Promise.all([server(), session()]);
      const ext = externalConnection();
      if (ext) {
        console.log(`NEO4J_URI is set: using ${redactUrl(ext.uri)}; no local server is managed`);
        return;
      }
      const s = await serverStatus(localConfig());
      if (!s.running) {
        console.log(`Neo4j is not running (home ${s.home}); start it with \`kg neo4j start\``);
        process.exitCode = 3;
        return;
      }
      console.log([`Neo4j running (pid ${s.pid}, home ${s.home}), Bolt ${s.bolt}`, ...connectionLines(s.connection)].join('\n'));
      if (s.bolt !== 'up') process.exitCode = 1;
    });
}
