import type { Command } from 'commander';
import { outputOptions, type OutputOptions } from '../options.ts';

export function registerSchedule(program: Command): void {
  outputOptions(
    program
      .command('schedule')
      .description('keep running a pipeline\'s refresh on its cron schedule (pipelines/NAME with "schedule"); stops on SIGINT/SIGTERM')
      .argument('<pipeline>', 'pipeline definition, e.g. pipelines/seeds')
      .option('--now', 'also run once right away')
      .option('--max-runs <n>', 'stop after this many scheduled runs'),
    "each run's summary (one line per run)",
  )
    .option('--allow-failures', 'with --max-runs: exit 0 even when some documents failed (default: exit 2)')
    .action(async (ref: string, opts: OutputOptions & { now?: boolean; maxRuns?: string; allowFailures?: boolean }) => {
      // Loaded when the command runs: `kg --help` loads neither the graph nor the pipeline.
      const [{ Cron }, { GraphStore }, { runPipeline }, { loadPipeline }, { ensureNeo4j }, { failureExitCode, runJson, runLines }] = await Promise.all([
        import('croner'),
        import('../../load/index.ts'),
        import('../../refresh/index.ts'),
        import('../../refresh/pipelines.ts'),
        import('../../server/index.ts'),
        import('../graph-session.ts'),
      ]);
      const def = loadPipeline(ref);
      if (!def.schedule) throw new Error(`${ref} has no "schedule" (a cron expression)`);
      const maxRuns = opts.maxRuns === undefined ? undefined : Number(opts.maxRuns);
      if (maxRuns !== undefined && (!Number.isInteger(maxRuns) || maxRuns < 1)) throw new Error('--max-runs must be a positive integer');
      const label = `kg schedule ${def.name}`;

      let failures = 0;
      // Documents over all runs, for the exit code of a bounded schedule (--max-runs).
      const docs = { failed: 0, ok: 0, firstError: undefined as string | undefined };
      const once = async () => {
        // Each run opens its own connection: a server restarted between runs is fine.
        try {
          const t0 = Date.now();
          const { connection } = await ensureNeo4j();
          const store = await GraphStore.open(connection);
          try {
            const summary = await runPipeline(store, { paths: def.inputs, mode: def.mode, concurrency: def.concurrency, pipeline: def.name });
            const r = summary.run;
            docs.failed += r.failed;
            docs.ok += r.new + r.changed + r.unchanged;
            docs.firstError ??= r.errors[0];
            const at = new Date().toISOString();
            // A scheduler's log: one JSON object per run with --json (JSON Lines), only failures with --quiet.
            if (opts.json)
              console.log(
                JSON.stringify({ at, pipeline: def.name, ...runJson('schedule', summary, await store.counts(), connection, (Date.now() - t0) / 1000) }),
              );
            else if (opts.quiet) for (const e of r.errors) console.error(`${at} ${label}: failed: ${e}`);
            else console.log(`${at} ${runLines(label, summary).join('\n')}`);
          } finally {
            await store.close();
          }
        } catch (err) {
          failures++;
          console.error(`${new Date().toISOString()} ${label}: run failed: ${(err as Error).message}`);
        }
      };

      if (opts.now) await once();
      const job = new Cron(def.schedule, { timezone: def.timezone, protect: true, maxRuns }, once);
      if (!opts.quiet)
        console.error(`${label}: "${def.schedule}"${def.timezone ? ` (${def.timezone})` : ''}, next run ${job.nextRun()?.toISOString() ?? 'never'}`);
      await new Promise<void>((resolve) => {
        // With --max-runs the job ends by itself.
        const poll = setInterval(() => {
          if (!job.isRunning() && !job.isBusy()) stop();
        }, 500);
        const stop = () => {
          clearInterval(poll);
          job.stop();
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          resolve();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      // A bounded schedule ends like a run: 1 when a run could not be done, 2 when documents failed (unless --allow-failures).
      if (maxRuns !== undefined) process.exitCode = failures > 0 ? 1 : failureExitCode(label, docs.failed, docs.ok, docs.firstError, opts);
    });
}
