import type { Command } from 'commander';
import { extractPaths } from '../../pipeline/index.ts';
import { resolveGraph } from '../../resolve/index.ts';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('run clean -> extract -> resolve without Neo4j and print the JSON export')
    .argument('[paths...]', 'files or directories (.txt .md .html .jsonl .gz, - for stdin)', ['seeds'])
    .action(async (paths: string[]) => {
      const run = await extractPaths(paths);
      for (const f of run.failures) console.error(`kg: skipped ${f.source}: ${f.error}`);
      const graph = resolveGraph(run.extractions);
      process.stdout.write(JSON.stringify(graph, null, 1) + '\n');
      if (run.extractions.length === 0 && run.failures.length > 0) process.exitCode = 1;
    });
}
