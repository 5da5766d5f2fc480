// What the graph commands (run, refresh, remove, export, start, schedule)
// share: opening the graph (starting the local Neo4j when NEO4J_URI is unset),
// progress display and the closing summary.
import cliProgress from 'cli-progress';
import { GraphStore, total, type GraphCounts } from '../load/index.ts';
import { runPipeline, type ProgressEvent, type RunMode, type RunSummary } from '../refresh/index.ts';
import { parseWorkers } from '../pipeline/index.ts';
import { loadPipeline } from '../refresh/pipelines.ts';
import { ensureNeo4j, type Connection, type StartResult } from '../server/index.ts';

export interface OpenGraph {
  store: GraphStore;
  connection: Connection;
  start: StartResult | null;
}

export async function openGraph(log: (line: string) => void = (l) => console.error(l)): Promise<OpenGraph> {
  if (!process.env.NEO4J_URI) log('kg: starting the local Neo4j (or reusing the running one)...');
  const { connection, start } = await ensureNeo4j();
  if (start?.started) log(`kg: local Neo4j started in ${start.seconds.toFixed(1)} s (pid ${start.pid})`);
  const store = await GraphStore.open(connection);
  return { store, connection, start };
}

/** A bar on a terminal, plain lines otherwise (logs, CI). Both on stderr. */
export function progressReporter(label: string): { onProgress: (e: ProgressEvent) => void; stop: () => void } {
  const tty = Boolean(process.stderr.isTTY) && !process.env.CI;
  let bar: cliProgress.SingleBar | null = null;
  let phase = '';
  let read = 0;
  const startBar = (name: string, totalSteps: number) => {
    bar?.stop();
    phase = name;
    if (!tty || totalSteps === 0) return;
    bar = new cliProgress.SingleBar({
      format: `${label} ${name.padEnd(8)} [{bar}] {value}/{total} {item}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: false,
    }, cliProgress.Presets.shades_classic);
    bar.start(totalSteps, 0, { item: '' });
  };
  const onProgress = (e: ProgressEvent) => {
    switch (e.phase) {
      case 'read':
        read++;
        // The real cause (a read error, or cleaning's), not a blanket "could not read".
        if (!tty && !e.ok) console.error(`${label}: skipped ${e.source}${e.error ? `: ${e.error}` : ''}`);
        break;
      case 'plan':
        console.error(`${label}: ${e.total} documents read, ${e.toExtract} to extract${e.total - e.toExtract ? `, ${e.total - e.toExtract} unchanged` : ''}`);
        startBar('extract', e.toExtract);
        break;
      case 'extract':
        if (phase !== 'extract') startBar('extract', 0);
        if (bar) bar.increment(1, { item: e.id.slice(-40) });
        else console.error(`${label}: extracted ${e.id}${e.ok ? '' : ' (failed)'}`);
        break;
      case 'write':
        if (phase !== 'write') startBar('write', e.total);
        if (bar) bar.update(e.done, { item: e.id.slice(-40) });
        else console.error(`${label}: wrote ${e.done}/${e.total} ${e.id}`);
        break;
    }
  };
  return { onProgress, stop: () => { bar?.stop(); bar = null; void read; } };
}

const byType = (counts: Record<string, number>) =>
  Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t, n]) => `${t} ${n}`).join(', ') || 'none';

export function connectionLines(connection: Connection): string[] {
  if (connection.local) {
    return [
      `Neo4j Browser: ${connection.browserUrl}`,
      // Never the password itself: summaries end up in logs.
      `  connect URL ${connection.uri.replace('127.0.0.1', 'localhost')}, user ${connection.user}, password in ${connection.passwordFile ?? 'the password file'}`,
      '  (for a shell: eval "$(npx kg neo4j env)")',
      '  (the local server keeps running; stop it with `kg neo4j stop`)',
    ];
  }
  return [`Neo4j: ${connection.uri}, user ${connection.user}${connection.database ? `, database ${connection.database}` : ''}`];
}

export function graphLines(counts: GraphCounts): string[] {
  return [
    `Graph: ${counts.documents} documents, ${total(counts.entities)} entities, ${total(counts.relations)} relationships (${counts.provenance} evidence entries), ${counts.mentions} MENTIONS`,
    `  entities by type:      ${byType(counts.entities)}`,
    `  relationships by type: ${byType(counts.relations)}`,
  ];
}

export function runLines(label: string, summary: RunSummary): string[] {
  const r = summary.run;
  const lines = [
    `${label}: ${summary.documents.size + (r.failed - countFailed(summary))} documents — ${r.new} new, ${r.changed} changed, ${r.unchanged} unchanged, ${r.failed} failed; `
      + `${summary.extracted} extracted, ${summary.written.length} written in ${summary.seconds.toFixed(1)} s (run ${r.id})`,
  ];
  for (const e of r.errors.slice(0, 20)) lines.push(`  failed: ${e}`);
  if (r.errors.length > 20) lines.push(`  ... and ${r.errors.length - 20} more (see the Run node's errors)`);
  // Documents loaded with a warning (other language, decoding guessed, truncated, no text left).
  for (const w of r.warnings.slice(0, 20)) lines.push(`  warning: ${w}`);
  if (r.warnings.length > 20) lines.push(`  ... and ${r.warnings.length - 20} more warnings (see the Run node's warnings and each Document node's)`);
  return lines;
}

function countFailed(summary: RunSummary): number {
  let n = 0;
  for (const s of summary.documents.values()) if (s === 'failed') n++;
  return n;
}

export interface RunCommandOptions {
  pipeline?: string;
  concurrency?: string;
  /** --workers: a number or "auto" (the default). */
  workers?: string;
}

/** The body of `kg run`, `kg refresh` and `kg start`: open, run, summarise. */
export async function runCommand(label: string, mode: RunMode, paths: string[], opts: RunCommandOptions): Promise<RunSummary> {
  let inputs = paths;
  let concurrency = opts.concurrency ? Number(opts.concurrency) : undefined;
  let pipeline: string | null = null;
  if (opts.pipeline) {
    const def = loadPipeline(opts.pipeline);
    if (paths.length) throw new Error('give either --pipeline or paths, not both');
    inputs = def.inputs;
    concurrency ??= def.concurrency;
    pipeline = def.name;
  }
  if (inputs.length === 0) inputs = ['seeds'];
  if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) throw new Error('--concurrency must be a positive integer');
  const workers = parseWorkers(opts.workers);
  const t0 = Date.now();
  const { store, connection } = await openGraph();
  const progress = progressReporter(label);
  try {
    const summary = await runPipeline(store, { paths: inputs, mode, concurrency, workers, pipeline, onProgress: progress.onProgress });
    progress.stop();
    const counts = await store.counts();
    const lines = [...runLines(label, summary), ...graphLines(counts), `Time: ${((Date.now() - t0) / 1000).toFixed(1)} s in all`, ...connectionLines(connection)];
    console.log(lines.join('\n'));
    const r = summary.run;
    if (r.failed > 0 && r.new + r.changed + r.unchanged === 0) {
      // Nothing could be read or extracted: say so in the exit code.
      console.error(`kg: all ${r.failed} inputs failed (first: ${r.errors[0]})`);
      process.exitCode = 1;
    }
    return summary;
  } finally {
    progress.stop();
    await store.close();
  }
}
