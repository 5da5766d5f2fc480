import type { Command } from 'commander';
import { outputOptions, runCommand, type RunCommandOptions } from '../graph-session.ts';

export function registerStart(program: Command): void {
  outputOptions(
    program.command('start').description('what `npm start` does: make sure Neo4j runs (the local one unless NEO4J_URI is set), then `kg run seeds/`'),
  )
    .option('--allow-failures', 'exit 0 even when some documents failed')
    .action(async (opts: RunCommandOptions) => {
      await runCommand('kg start', 'full', ['seeds'], opts);
    });
}
