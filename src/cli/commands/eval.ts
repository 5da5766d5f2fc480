import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
// Types only at the top: the evaluation, the pipeline and the resolver are
// imported where they are used, so `kg --help` does not load them.
import type { EvalReport, GoldFile } from '../../evaluate/index.ts';
import type { SourceRow } from '../../evaluate/sources.ts';

export async function readGold(dir: string): Promise<GoldFile[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  if (!files.length) throw new Error(`no gold files (*.json) in ${dir}`);
  const { GoldFile } = await import('../../evaluate/index.ts');
  return Promise.all(
    files.map(async (f) => {
      try {
        return GoldFile.parse(JSON.parse(await readFile(path.join(dir, f), 'utf8')));
      } catch (err) {
        throw new Error(`gold file ${f} is not in the gold format: ${(err as Error).message.split('\n')[0]}`);
      }
    }),
  );
}

export interface EvalSetOptions {
  gold: string;
  /** A sources.tsv; by default the one beside the gold folder, if there is one. */
  sources?: string | null;
  half?: 'odd' | 'even' | 'all';
  /** Each document done or failed (progress on stderr). */
  onDocument?: (source: string, ok: boolean) => void;
  /** Called once before extraction with the number of documents it will go through (null: not known in advance). */
  onTotal?: (total: number | null) => void;
}

/** The sources.tsv an evaluation uses: the one named, else the one beside the gold folder. */
export function sourcesFor(gold: string, named?: string | null): string | null {
  if (named) {
    if (!existsSync(named)) throw new Error(`no sources table at ${named}`);
    return named;
  }
  const beside = path.join(path.dirname(path.resolve(gold)), 'sources.tsv');
  return existsSync(beside) ? beside : null;
}

/**
 * Extracts the documents and scores them against the gold. With a sources
 * table, the annotated files it lists are fed as a scraper would deliver them
 * (JSON Lines with url, title and publication date: what `kg extract` gets
 * from a scraper) and every document is mapped back to its file by URL; other
 * inputs (a scraper's .jsonl) go in as they are and are mapped by URL too.
 */
export async function evaluatePaths(
  paths: string[],
  opts: EvalSetOptions,
): Promise<{ report: EvalReport; failures: Array<{ source: string; error: string }>; warnings: Array<{ source: string; warning: string }>; absent: string[] }> {
  const [{ evaluate }, { fileNamer, pickHalf, readSources, scraperLines }, { countInputs }, { extractPaths }, { resolveGraph }] = await Promise.all([
    import('../../evaluate/index.ts'),
    import('../../evaluate/sources.ts'),
    import('../../ingest/index.ts'),
    import('../../pipeline/index.ts'),
    import('../../resolve/index.ts'),
  ]);
  let golds = await readGold(opts.gold);
  const sourcesFile = sourcesFor(opts.gold, opts.sources);
  const half = opts.half ?? 'all';
  if (!sourcesFile && half !== 'all')
    throw new Error('--half needs a sources table (--sources, or sources.tsv beside the gold folder) to know the order of the set');
  const all: SourceRow[] = sourcesFile ? readSources(sourcesFile) : [];
  const setFiles = new Set(all.map((r) => r.file));
  const chosen = new Set(pickHalf(all, half).map((r) => r.file));
  const inputs: string[] = [];
  const fed: Array<SourceRow & { path: string }> = [];
  for (const p of paths) {
    if (setFiles.size && p !== '-' && existsSync(p)) {
      // A folder of the set's files, or one of them: fed as the scraper would.
      const files = statSync(p).isDirectory()
        ? (await readdir(p)).filter((f) => setFiles.has(f)).map((f) => path.join(p, f))
        : setFiles.has(path.basename(p))
          ? [p]
          : [];
      if (files.length) {
        for (const f of files) if (chosen.has(path.basename(f))) fed.push({ ...all.find((r) => r.file === path.basename(f))!, path: f });
        continue;
      }
    }
    inputs.push(p);
  }
  let tmp: string | null = null;
  try {
    if (fed.length) {
      tmp = await mkdtemp(path.join(tmpdir(), 'kg-eval-'));
      const jsonl = path.join(tmp, 'set.jsonl');
      await writeFile(jsonl, scraperLines(fed));
      inputs.push(jsonl);
    }
    if (!inputs.length) throw new Error(`no documents of the ${half} half in ${paths.join(' ')}`);
    if (opts.onTotal) opts.onTotal(await countInputs(inputs));
    const run = await extractPaths(inputs, { onDocument: opts.onDocument });
    if (half !== 'all') golds = golds.filter((g) => chosen.has(g.doc));
    const graph = resolveGraph(run.extractions);
    const docName = sourcesFile ? fileNamer(all) : (d: { source: string }) => path.basename(d.source);
    const present = new Set(graph.documents.map((d) => docName(d)));
    const report = evaluate(graph, golds, sourcesFile ? { docName } : {});
    return { report, failures: run.failures, warnings: run.warnings, absent: golds.map((g) => g.doc).filter((d) => !present.has(d)) };
  } finally {
    if (tmp) await rm(tmp, { recursive: true, force: true });
  }
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('extract the documents and score them against gold annotations, per entity and relationship type, with precision per confidence band')
    .requiredOption('--gold <dir>', 'folder of gold files, one <document file name>.json each')
    .option(
      '--sources <file>',
      'sources.tsv (file, url, title, publishedAt) of the annotated set; default: the one beside the gold folder, if any. The files it lists are fed as a scraper delivers them (JSON Lines with url, title, publication date) and documents are matched to gold files by URL',
    )
    .option('--half <half>', 'odd, even or all rows of the sources table (the development corpus is split so)', 'all')
    .option('--json', 'print the report as JSON')
    .option('--summary', 'figures only, no list of misses and false positives')
    .option('-q, --quiet', 'no progress on stderr')
    .argument('[paths...]', "documents the gold files annotate (files, folders, or a scraper's .jsonl)", ['seeds'])
    .action(async (paths: string[], opts: { gold: string; sources?: string; half: string; json?: boolean; summary?: boolean; quiet?: boolean }) => {
      if (!['odd', 'even', 'all'].includes(opts.half)) throw new Error(`--half is odd, even or all, not ${opts.half}`);
      const [{ formatReport }, { Progress }] = await Promise.all([import('../../evaluate/index.ts'), import('../progress.ts')]);
      const progress = new Progress({ label: 'kg eval', quiet: opts.quiet });
      const { report, failures, warnings, absent } = await evaluatePaths(paths, {
        gold: opts.gold,
        sources: opts.sources,
        half: opts.half as 'odd' | 'even' | 'all',
        onTotal: (total) => progress.phase('extract', total),
        onDocument: (_source, ok) => progress.tick(ok),
      });
      progress.end();
      for (const f of failures) console.error(`kg: skipped ${f.source}: ${f.error}`);
      for (const w of warnings) console.error(`kg: ${w.source}: ${w.warning}`);
      if (absent.length)
        console.error(
          `kg: ${absent.length} gold file(s) have no document in the input and count as misses: ${absent.slice(0, 5).join(', ')}${absent.length > 5 ? ', ...' : ''} (--half odd|even scores one half)`,
        );
      console.log(opts.json ? JSON.stringify(report, null, 1) : formatReport(report, { details: !opts.summary }));
    });
}
