import type { Command } from 'commander';
import { runCommand } from '../graph-session.ts';

export function registerRefresh(program: Command): void {
  program
    .command('refresh')
    .description('like run, but documents whose cleaned text is unchanged (same contentHash) are skipped before extraction; changed ones have their facts replaced')
    .argument('[paths...]', 'files or directories (default: seeds)')
    .option('-p, --pipeline <file>', 'take inputs and concurrency from a pipeline definition (pipelines/NAME)')
    .option('-c, --concurrency <n>', 'documents extracted at once (in this thread)')
    .option('-w, --workers <n>', 'worker threads for extraction: a number (0 = this thread) or "auto" (one per core when there are many documents to extract)', 'auto')
    .action(async (paths: string[], opts: { pipeline?: string; concurrency?: string; workers?: string }) => {
      await runCommand('kg refresh', 'refresh', paths, opts);
    });
}
