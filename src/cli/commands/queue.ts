// kg enqueue / worker / writer / redis: the distributed pipeline (src/queue).
import type { Command } from 'commander';
import { redisUrl } from '../../queue/url.ts';
import { redactUrl } from '../../util/redact.ts';
import { outputOptions, type OutputOptions } from '../options.ts';

// BullMQ, ioredis, the pipeline and the graph are imported when a command
// runs, so `kg --help` loads none of them.
const queue = () => import('../../queue/index.ts');
const redisLib = () => import('../../queue/redis.ts');
const session = () => import('../graph-session.ts');

const nonNegative = (v: string, name: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
};

/**
 * SIGINT/SIGTERM stop a worker or writer after the work it holds (a worker
 * returns what it cannot finish within its grace period); a second signal
 * exits at once.
 */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    let signals = 0;
    const on = (signal: NodeJS.Signals) => {
      if (++signals > 1) process.exit(signal === 'SIGINT' ? 130 : 143);
      resolve();
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

export function registerQueue(program: Command): void {
  outputOptions(
    program
      .command('enqueue')
      .description(`put documents on the Redis queue for \`kg worker\`s (REDIS_URL, default ${redisUrl({})})`)
      .argument('<paths...>', 'files or directories (.txt .md .html .jsonl .gz, - for stdin)'),
  )
    .option('--allow-failures', 'exit 0 even when some documents could not be read (default: exit 2)')
    .action(async (paths: string[], opts: OutputOptions & { allowFailures?: boolean }) => {
      const [{ enqueuePaths }, { failureExitCode }] = await Promise.all([queue(), session()]);
      const r = await enqueuePaths(paths);
      for (const f of r.failures) console.error(`kg enqueue: skipped ${f.source}: ${f.error}`);
      if (!opts.quiet) for (const w of r.warnings) console.error(`kg enqueue: ${w.source}: ${w.warning}`);
      if (opts.json)
        console.log(
          JSON.stringify({
            command: 'enqueue',
            queued: r.queued,
            failed: r.failures.length,
            errors: r.failures.map((f) => `${f.source}: ${f.error}`),
            warnings: r.warnings.map((w) => `${w.source}: ${w.warning}`),
            redis: redactUrl(redisUrl()),
          }),
        );
      else if (!opts.quiet) console.log(`kg enqueue: ${r.queued} documents queued on ${redactUrl(redisUrl())}`);
      process.exitCode = failureExitCode('kg enqueue', r.failures.length, r.queued, r.failures[0]?.error, opts);
    });

  outputOptions(
    program
      .command('worker')
      .description(
        'clean and extract queued documents, putting the results on the queue for `kg writer` (run any number, anywhere); SIGTERM stops it within seconds',
      )
      .option('-t, --threads <n>', 'worker threads (0: this thread)', '0')
      .option(
        '--doc-budget <seconds>',
        'time budget per document: one whose cleaning and extraction take longer fails (default: KG_DOC_BUDGET_S or 60; 0 for none)',
      )
      .option('--until-empty', 'exit when no document is waiting or being processed'),
    'the summary at exit',
  ).action(async (opts: OutputOptions & { threads: string; docBudget?: string; untilEmpty?: boolean }) => {
    const [{ runWorker }, { parseBudget }] = await Promise.all([queue(), import('../../pipeline/index.ts')]);
    const log =
      opts.quiet || opts.json
        ? (l: string) => {
            if (!/: ready |documents extracted/.test(l)) console.error(l);
          }
        : undefined;
    const s = await runWorker({
      threads: nonNegative(opts.threads, '--threads'),
      budgetMs: parseBudget(opts.docBudget),
      untilEmpty: opts.untilEmpty,
      stop: stopSignal(),
      log,
    });
    if (opts.json) console.log(JSON.stringify({ command: 'worker', ...s }));
    // Whatever a connection that did not close in time still holds open, the worker is done.
    setTimeout(() => process.exit(), 2_000).unref();
  });

  outputOptions(
    program
      .command('writer')
      .description('load extracted documents from the queue into Neo4j: one writer, batches resolved against the graph, one transaction per batch of documents')
      .option('-b, --batch <n>', 'extractions per batch', '500')
      .option('--until-empty', 'exit once every queued document is written'),
    'the summary at exit',
  )
    .option('--allow-failures', 'exit 0 even when some documents failed (default: exit 2)')
    .action(async (opts: OutputOptions & { batch: string; untilEmpty?: boolean; allowFailures?: boolean }) => {
      const batch = nonNegative(opts.batch, '--batch');
      if (batch < 1) throw new Error('--batch must be at least 1');
      const [{ runWriter }, { requireRedis }, { failureExitCode, graphLines, openGraph }] = await Promise.all([queue(), redisLib(), session()]);
      // Redis first: with none, say so at once rather than after starting the local Neo4j (a minute) for nothing.
      await requireRedis();
      const { store } = await openGraph(opts.quiet ? () => {} : undefined);
      try {
        const log = opts.quiet || opts.json ? () => {} : undefined;
        const s = await runWriter(store, { batch, untilEmpty: opts.untilEmpty, stop: stopSignal(), log });
        const counts = await store.counts();
        if (opts.json)
          console.log(
            JSON.stringify({
              command: 'writer',
              batches: s.batches,
              written: s.written,
              failed: s.failed,
              runs: s.runs.map((r) => r.id),
              errors: s.runs.flatMap((r) => r.errors),
              warnings: s.runs.flatMap((r) => r.warnings),
              graph: counts,
            }),
          );
        else if (!opts.quiet) console.log(graphLines(counts).join('\n'));
        process.exitCode = failureExitCode('kg writer', s.failed, s.written, s.runs.flatMap((r) => r.errors)[0], opts);
      } finally {
        await store.close();
      }
    });

  const redis = program.command('redis').description("a local redis-server for the queue (REDIS_URL's port, data in .redis/<port>)");
  redis.command('start').action(async () => {
    const { localRedis, startRedis } = await redisLib();
    const cfg = localRedis();
    const r = await startRedis(cfg);
    console.log(`Redis ${r.started ? 'started' : 'already running'} at ${redactUrl(cfg.url)} (data ${cfg.dir})`);
  });
  redis.command('stop').action(async () => {
    const { localRedis, stopRedis } = await redisLib();
    const r = await stopRedis(localRedis());
    console.log(r.stopped ? 'Redis stopped' : 'Redis was not running');
  });
  redis.command('status').action(async () => {
    const { localRedis, redisStatus } = await redisLib();
    const s = await redisStatus(localRedis());
    console.log(`Redis at ${s.url}: ${s.running ? 'running' : 'not running'}`);
    if (!s.running) process.exitCode = 3;
  });
}
