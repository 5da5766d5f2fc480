import type { Command } from 'commander';
import { extractPaths, parseWorkers } from '../../pipeline/index.ts';
import { resolveGraph } from '../../resolve/index.ts';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('run clean -> extract -> resolve without Neo4j and print the JSON export')
    .argument('[paths...]', 'files or directories (.txt .md .html .jsonl .gz, - for stdin)', ['seeds'])
    .option('-w, --workers <n>', 'worker threads for clean+extract: a number (0 = this thread) or "auto" (one per core past 300 documents)', 'auto')
    .action(async (paths: string[], opts: { workers: string }) => {
      const run = await extractPaths(paths, { workers: parseWorkers(opts.workers) });
      for (const f of run.failures) console.error(`kg: skipped ${f.source}: ${f.error}`);
      for (const w of run.warnings) console.error(`kg: ${w.source}: ${w.warning}`);
      const graph = resolveGraph(run.extractions);
      process.stdout.write(JSON.stringify(graph, null, 1) + '\n');
      if (run.extractions.length === 0 && run.failures.length > 0) process.exitCode = 1;
    });
}
