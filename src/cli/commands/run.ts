import type { Command } from 'commander';
import type { RunMode } from '../../refresh/index.ts';
import type { RunCommandOptions } from '../graph-session.ts';
import { outputOptions } from '../options.ts';

/** `kg run` and `kg refresh`: the same inputs and options, a different mode. */
function registerPipelineCommand(program: Command, name: 'run' | 'refresh', mode: RunMode, description: string): void {
  outputOptions(
    program
      .command(name)
      .description(description)
      .argument('[paths...]', 'files or directories (default: seeds); - reads one document (or JSON Lines) from standard input'),
  )
    .option('-p, --pipeline <file>', 'take inputs and concurrency from a pipeline definition (pipelines/NAME)')
    .option('-c, --concurrency <n>', 'documents extracted at once (in this thread)')
    .option(
      '-w, --workers <n>',
      'worker threads for extraction: a number (0 = this thread) or "auto" (one per core when there are many documents to extract)',
      'auto',
    )
    .option(
      '--doc-budget <seconds>',
      'time budget per document: one whose cleaning and extraction take longer fails (default: KG_DOC_BUDGET_S or 60; 0 for none)',
    )
    .option('--allow-failures', 'exit 0 even when some documents failed (default: exit 2 and say which)')
    .option('--id <id>', 'the id of the document read from standard input (-); default: from its content')
    .option('--url <url>', 'the URL of the document read from standard input (-): its id and url')
    .action(async (paths: string[], opts: RunCommandOptions) => {
      // Loaded when the command runs: `kg --help` loads neither the graph nor the pipeline.
      const { runCommand } = await import('../graph-session.ts');
      await runCommand(`kg ${name}`, mode, paths, opts);
    });
}

export function registerRun(program: Command): void {
  registerPipelineCommand(
    program,
    'run',
    'full',
    'read -> clean -> extract -> resolve -> load into Neo4j (starts the local Neo4j unless NEO4J_URI is set); every document is extracted and its facts replaced',
  );
}

export function registerRefresh(program: Command): void {
  registerPipelineCommand(
    program,
    'refresh',
    'refresh',
    'like run, but documents whose cleaned text is unchanged (same contentHash) are skipped before extraction; changed ones have their facts replaced',
  );
}
