import type { Command } from 'commander';
import { runCommand } from '../graph-session.ts';

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('read -> clean -> extract -> resolve -> load into Neo4j (starts the local Neo4j unless NEO4J_URI is set); every document is extracted and its facts replaced')
    .argument('[paths...]', 'files or directories (default: seeds)')
    .option('-p, --pipeline <file>', 'take inputs and concurrency from a pipeline definition (pipelines/NAME)')
    .option('-c, --concurrency <n>', 'documents extracted at once (in this thread)')
    .option('-w, --workers <n>', 'worker threads for extraction: a number (0 = this thread) or "auto" (one per core when there are many documents to extract)', 'auto')
    .action(async (paths: string[], opts: { pipeline?: string; concurrency?: string; workers?: string }) => {
      await runCommand('kg run', 'full', paths, opts);
    });
}
