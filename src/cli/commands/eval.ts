import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { evaluate, formatReport, GoldFile } from '../../evaluate/index.ts';
import { extractPaths } from '../../pipeline/index.ts';
import { resolveGraph } from '../../resolve/index.ts';

export async function readGold(dir: string): Promise<GoldFile[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  if (!files.length) throw new Error(`no gold files (*.json) in ${dir}`);
  return Promise.all(files.map(async (f) => {
    try {
      return GoldFile.parse(JSON.parse(await readFile(path.join(dir, f), 'utf8')));
    } catch (err) {
      throw new Error(`gold file ${f} is not in the gold format: ${(err as Error).message.split('\n')[0]}`);
    }
  }));
}

export function registerEval(program: Command): void {
  program
    .command('eval')
    .description('extract the documents and score them against gold annotations, per entity and relationship type')
    .requiredOption('--gold <dir>', 'folder of gold files, one <document file name>.json each')
    .option('--json', 'print the report as JSON')
    .option('--summary', 'figures only, no list of misses and false positives')
    .argument('[paths...]', 'documents the gold files annotate', ['seeds'])
    .action(async (paths: string[], opts: { gold: string; json?: boolean; summary?: boolean }) => {
      const golds = await readGold(opts.gold);
      const run = await extractPaths(paths);
      for (const f of run.failures) console.error(`kg: skipped ${f.source}: ${f.error}`);
      const report = evaluate(resolveGraph(run.extractions), golds);
      console.log(opts.json ? JSON.stringify(report, null, 1) : formatReport(report, { details: !opts.summary }));
    });
}
