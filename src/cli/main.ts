// The `kg` command line. Each command lives in its own module under commands/
// and registers itself on the program.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerClean } from './commands/clean.ts';
import { registerCurate, registerReview } from './commands/curate.ts';
import { registerExtract } from './commands/extract.ts';
import { registerEval } from './commands/eval.ts';
import { registerExport } from './commands/export.ts';
import { registerNeo4j } from './commands/neo4j.ts';
import { registerQueue } from './commands/queue.ts';
import { registerQuery } from './commands/query.ts';
import { registerGuide } from './commands/guide.ts';
import { registerRemove } from './commands/remove.ts';
import { registerRefresh, registerRun } from './commands/run.ts';
import { registerSchedule } from './commands/schedule.ts';
import { registerStart } from './commands/start.ts';

/** The package's version (package.json two folders up, from src/cli or dist/cli). */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  const program = new Command('kg')
    .description('AI-governance knowledge graph: news and policy texts in, Neo4j graph out')
    .version(version(), '-V, --version', 'the version of kg')
    .exitOverride()
    .showHelpAfterError('(run `kg --help` for the commands)');
  registerExtract(program);
  registerEval(program);
  registerClean(program);
  registerRun(program);
  registerRefresh(program);
  registerRemove(program);
  registerExport(program);
  registerNeo4j(program);
  registerStart(program);
  registerSchedule(program);
  registerQueue(program);
  registerQuery(program);
  registerGuide(program);
  registerCurate(program);
  registerReview(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    console.error(`kg: ${(err as Error).message}`);
    return 1;
  }
}
