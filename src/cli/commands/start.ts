import type { Command } from 'commander';
import type { RunCommandOptions } from '../graph-session.ts';
import { outputOptions } from '../options.ts';

export function registerStart(program: Command): void {
  outputOptions(
    program.command('start').description('what `npm start` does: make sure Neo4j runs (the local one unless NEO4J_URI is set), then `kg run seeds/`'),
  )
    .option('--allow-failures', 'exit 0 even when some documents failed')
    .action(async (opts: RunCommandOptions) => {
      // Loaded when the command runs: `kg --help` loads neither the graph nor the pipeline.
      const { runCommand } = await import('../graph-session.ts');
      await runCommand('kg start', 'full', ['seeds'], opts);
    });
}
