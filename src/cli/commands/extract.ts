import type { Command } from 'commander';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('run clean -> extract -> resolve without Neo4j and print the JSON export (progress on stderr)')
    .argument('[paths...]', 'files or directories (.txt .md .html .jsonl .gz, - for stdin)', ['seeds'])
    .option('-w, --workers <n>', 'worker threads for clean+extract: a number (0 = this thread) or "auto" (one per core past 300 documents)', 'auto')
    .option(
      '--doc-budget <seconds>',
      'time budget per document: one whose cleaning and extraction take longer fails (default: KG_DOC_BUDGET_S or 60; 0 for none)',
    )
    .option('-q, --quiet', 'no progress; only failures on stderr')
    .option('--allow-failures', 'exit 0 even when some documents failed (default: exit 2)')
    .option('--id <id>', 'the id of the document read from standard input (-); default: from its content')
    .option('--url <url>', 'the URL of the document read from standard input (-)')
    .action(async (paths: string[], opts: { workers: string; docBudget?: string; quiet?: boolean; allowFailures?: boolean; id?: string; url?: string }) => {
      // Loaded when the command runs: `kg --help` loads no pipeline code.
      const [{ countInputs }, { planCopies }, { extractPaths, parseBudget, parseWorkers }, { resolveGraph }, { failureExitCode }, { Progress }] =
        await Promise.all([
          import('../../ingest/index.ts'),
          import('../../pipeline/duplicates.ts'),
          import('../../pipeline/index.ts'),
          import('../../resolve/index.ts'),
          import('../graph-session.ts'),
          import('../progress.ts'),
        ]);
      // stdout is the JSON export alone: progress and failures go to stderr.
      const progress = new Progress({ label: 'kg extract', quiet: opts.quiet });
      // Counted first so progress shows the time left (not for stdin, read once).
      progress.phase('extract', opts.quiet ? null : await countInputs(paths));
      const run = await extractPaths(paths, {
        workers: parseWorkers(opts.workers),
        budgetMs: parseBudget(opts.docBudget),
        read: { stdinId: opts.id, stdinUrl: opts.url },
        onDocument: (_source, ok) => progress.tick(ok),
      });
      progress.end();
      for (const f of run.failures) console.error(`kg extract: skipped ${f.source}: ${f.error}`);
      if (!opts.quiet) for (const w of run.warnings) console.error(`kg extract: ${w.source}: ${w.warning}`);
      // A syndicated copy (the same text under another id) adds no evidence: its first copy's counts once.
      const { copies } = planCopies(run.extractions.map((x) => x.document));
      for (const [copy, of] of copies) if (!opts.quiet) console.error(`kg extract: ${copy} is a copy of ${of}: counted once`);
      const graph = resolveGraph(run.extractions.filter((x) => !copies.has(x.document.id)));
      process.stdout.write(JSON.stringify(graph, null, 1) + '\n');
      process.exitCode = failureExitCode('kg extract', run.failures.length, run.extractions.length, run.failures[0]?.error, opts);
    });
}
