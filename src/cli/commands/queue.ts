// kg enqueue / worker / writer / redis: the distributed pipeline (src/queue).
import type { Command } from 'commander';
import { enqueuePaths, runWorker, runWriter } from '../../queue/index.ts';
import { localRedis, redisStatus, redisUrl, startRedis, stopRedis } from '../../queue/redis.ts';
import { graphLines, openGraph } from '../graph-session.ts';

const nonNegative = (v: string, name: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer`);
  return n;
};

/** SIGINT/SIGTERM stop a worker or writer after the work it holds. */
function stopSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

export function registerQueue(program: Command): void {
  program
    .command('enqueue')
    .description(`put documents on the Redis queue for \`kg worker\`s (REDIS_URL, default ${redisUrl({})})`)
    .argument('<paths...>', 'files or directories (.txt .md .html .jsonl .gz, - for stdin)')
    .action(async (paths: string[]) => {
      const r = await enqueuePaths(paths);
      for (const f of r.failures) console.error(`kg enqueue: skipped ${f.source}: ${f.error}`);
      for (const w of r.warnings) console.error(`kg enqueue: ${w.source}: ${w.warning}`);
      console.log(`kg enqueue: ${r.queued} documents queued on ${redisUrl()}`);
      if (r.queued === 0 && r.failures.length) process.exitCode = 1;
    });

  program
    .command('worker')
    .description('clean and extract queued documents, putting the results on the queue for `kg writer` (run any number, anywhere)')
    .option('-t, --threads <n>', 'worker threads (0: this thread)', '0')
    .option('--until-empty', 'exit when no document is waiting or being processed')
    .action(async (opts: { threads: string; untilEmpty?: boolean }) => {
      await runWorker({ threads: nonNegative(opts.threads, '--threads'), untilEmpty: opts.untilEmpty, stop: stopSignal() });
    });

  program
    .command('writer')
    .description('load extracted documents from the queue into Neo4j: one writer, batches resolved against the graph, one transaction per batch of documents')
    .option('-b, --batch <n>', 'extractions per batch', '500')
    .option('--until-empty', 'exit once every queued document is written')
    .action(async (opts: { batch: string; untilEmpty?: boolean }) => {
      const batch = nonNegative(opts.batch, '--batch');
      if (batch < 1) throw new Error('--batch must be at least 1');
      const { store } = await openGraph();
      try {
        await runWriter(store, { batch, untilEmpty: opts.untilEmpty, stop: stopSignal() });
        console.log(graphLines(await store.counts()).join('\n'));
      } finally {
        await store.close();
      }
    });

  const redis = program
    .command('redis')
    .description('a local redis-server for the queue (REDIS_URL\'s port, data in .redis/<port>)');
  redis.command('start').action(async () => {
    const cfg = localRedis();
    const r = await startRedis(cfg);
    console.log(`Redis ${r.started ? 'started' : 'already running'} at ${cfg.url} (data ${cfg.dir})`);
  });
  redis.command('stop').action(async () => {
    const r = await stopRedis(localRedis());
    console.log(r.stopped ? 'Redis stopped' : 'Redis was not running');
  });
  redis.command('status').action(async () => {
    const s = await redisStatus(localRedis());
    console.log(`Redis at ${s.url}: ${s.running ? 'running' : 'not running'}`);
    if (!s.running) process.exitCode = 3;
  });
}
