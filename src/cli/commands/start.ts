import type { Command } from 'commander';
import { runCommand } from '../graph-session.ts';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('what `npm start` does: make sure Neo4j runs (the local one unless NEO4J_URI is set), then `kg run seeds/`')
    .action(async () => {
      await runCommand('kg start', 'full', ['seeds'], {});
    });
}
