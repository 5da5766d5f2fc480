// What the graph commands (run, refresh, remove, export, start, schedule)
// share: opening the graph (starting the local Neo4j when NEO4J_URI is unset),
// progress display and the closing summary.
import { GraphStore, total, type GraphCounts } from '../load/index.ts';
import { runPipeline, type ProgressEvent, type RunMode, type RunSummary } from '../refresh/index.ts';
import { parseBudget, parseWorkers } from '../pipeline/index.ts';
import { loadPipeline } from '../refresh/pipelines.ts';
import { ensureNeo4j, type Connection, type StartResult } from '../server/index.ts';
import type { OutputOptions } from './options.ts';
import { Progress } from './progress.ts';
import { redactUrl } from '../util/redact.ts';

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

/** Progress of a run (read, extract, write) on stderr: see progress.ts. */
export function progressReporter(label: string, quiet = false): { onProgress: (e: ProgressEvent) => void; stop: () => void } {
  const progress = new Progress({ label, quiet });
  let phase = '';
  const enter = (name: string, total: number | null) => {
    if (phase === name) return;
    phase = name;
    progress.phase(name, total);
  };
  const onProgress = (e: ProgressEvent) => {
    switch (e.phase) {
      case 'read':
        enter('read', null);
        progress.tick(e.ok);
        // The real cause (a read error, or cleaning's), not a blanket "could not read".
        if (!e.ok) progress.note(`skipped ${e.source}${e.error ? `: ${e.error}` : ''}`);
        break;
      case 'plan':
        progress.end();
        {
          const unchanged = e.total - e.toExtract - e.copies;
          progress.note(
            `${e.total} documents read, ${e.toExtract} to extract${e.copies ? `, ${e.copies} syndicated copies` : ''}${unchanged ? `, ${unchanged} unchanged` : ''}`,
          );
        }
        enter('extract', e.toExtract);
        break;
      case 'resolve':
        // Resolution has no per-document ticks; without this line a log falls silent for its duration.
        progress.end();
        phase = '';
        progress.note(`resolving ${e.documents} documents against the graph's entities`);
        break;
      case 'extract':
        enter('extract', null);
        progress.tick(e.ok);
        break;
      case 'write':
        enter('write', e.total);
        progress.tick(true);
        break;
      case 'copy':
        break; // counted in the summary
    }
  };
  return { onProgress, stop: () => progress.end() };
}

const byType = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([t, n]) => `${t} ${n}`)
    .join(', ') || 'none';

export function connectionLines(connection: Connection): string[] {
  if (connection.local) {
    return [
      `Neo4j Browser: ${connection.browserUrl}`,
      // Never the password itself: summaries end up in logs.
      `  connect URL ${connection.uri.replace('127.0.0.1', 'localhost')}, user ${connection.user}, password in ${connection.passwordFile ?? 'the password file'}`,
      "  (on connect the Browser loads the project's style and opens its guide, served by this server)",
      '  (for a shell: eval "$(npx kg neo4j env)")',
      '  (the local server keeps running; stop it with `kg neo4j stop`)',
    ];
  }
  return [`Neo4j: ${redactUrl(connection.uri)}, user ${connection.user}${connection.database ? `, database ${connection.database}` : ''}`];
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
    `${label}: ${summary.documents.size + (r.failed - countFailed(summary))} documents — ${r.new} new, ${r.changed} changed, ${r.unchanged} unchanged, ${r.failed} failed; ` +
      `${summary.extracted} extracted, ${summary.written.length} written in ${summary.seconds.toFixed(1)} s (run ${r.id})`,
  ];
  if (r.duplicates)
    lines.push(
      `  ${r.duplicates} syndicated ${r.duplicates === 1 ? 'copy' : 'copies'} (the same text under another id) linked to ${r.duplicates === 1 ? 'its' : 'their'} first copy, not extracted: each fact counts once`,
    );
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

export interface RunCommandOptions extends OutputOptions {
  pipeline?: string;
  concurrency?: string;
  /** --workers: a number or "auto" (the default). */
  workers?: string;
  /** --doc-budget: seconds per document (0: none). */
  docBudget?: string;
  /** Exit 0 even when documents failed (the run itself completed). */
  allowFailures?: boolean;
  /** Id or URL of the document read from `-`. */
  id?: string;
  url?: string;
}

/** What --json prints for a run: the same facts as the text summary, no credentials. */
export function runJson(command: string, summary: RunSummary, counts: GraphCounts, connection: Connection, seconds: number) {
  const r = summary.run;
  return {
    command,
    mode: summary.mode,
    run: r.id,
    status: r.status,
    documents: { new: r.new, changed: r.changed, unchanged: r.unchanged, failed: r.failed, duplicates: r.duplicates ?? 0 },
    extracted: summary.extracted,
    written: summary.written.length,
    errors: r.errors,
    warnings: r.warnings,
    graph: counts,
    neo4j: { uri: redactUrl(connection.uri), local: connection.local },
    seconds,
  };
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
  if ((opts.id || opts.url) && !inputs.includes('-')) throw new Error('--id and --url name the document read from standard input: give - as a path');
  const workers = parseWorkers(opts.workers);
  const budgetMs = parseBudget(opts.docBudget);
  const t0 = Date.now();
  const { store, connection } = await openGraph(opts.quiet ? () => {} : undefined);
  const progress = progressReporter(label, opts.quiet);
  try {
    const summary = await runPipeline(store, {
      paths: inputs,
      read: { stdinId: opts.id, stdinUrl: opts.url },
      mode,
      concurrency,
      workers,
      budgetMs,
      pipeline,
      onProgress: progress.onProgress,
    });
    progress.stop();
    const counts = await store.counts();
    const seconds = (Date.now() - t0) / 1000;
    const r = summary.run;
    // One line, as enqueue/worker/writer print theirs: a cron log gets one summary line per run.
    if (opts.json) console.log(JSON.stringify(runJson(label.replace(/^kg /, ''), summary, counts, connection, seconds)));
    else if (!opts.quiet) {
      console.log([...runLines(label, summary), ...graphLines(counts), `Time: ${seconds.toFixed(1)} s in all`, ...connectionLines(connection)].join('\n'));
    } else for (const e of r.errors) console.error(`${label}: failed: ${e}`);
    process.exitCode = failureExitCode(label, r.failed, r.new + r.changed + r.unchanged, r.errors[0], opts);
    return summary;
  } finally {
    progress.stop();
    await store.close();
  }
}

/** Exit code when documents failed: see EXIT. */
export const EXIT = { ok: 0, error: 1, documentsFailed: 2 } as const;

/**
 * A scheduler reads the exit code, not the log: a run where documents failed
 * exits 2 (1 when nothing at all could be processed), unless --allow-failures
 * says failed documents are expected. The line says which flag changes it.
 */
export function failureExitCode(label: string, failed: number, ok: number, first: string | undefined, opts: { allowFailures?: boolean }): number {
  if (failed === 0) return EXIT.ok;
  if (ok === 0) {
    console.error(`kg: all ${failed} inputs failed (first: ${first})`);
    return EXIT.error;
  }
  if (opts.allowFailures) return EXIT.ok;
  console.error(
    `${label}: ${failed} of ${failed + ok} documents failed: exit code ${EXIT.documentsFailed} (--allow-failures to exit 0 when some documents fail)`,
  );
  return EXIT.documentsFailed;
}

// --json and --quiet live in options.ts (no dependencies: the command
// definitions import it, and `kg --help` loads nothing heavy); re-exported here.
export { outputOptions, type OutputOptions } from './options.ts';
