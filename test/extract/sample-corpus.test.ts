// The evaluation on the sample corpus (seeds/) against the project's own copy
// of its gold annotations (test/gold/sample, names and keys only): fails below
// the floors the extraction must hold. Runs on a fresh clone with nothing beside it.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGold } from '../../src/cli/commands/eval.ts';
import { evaluate } from '../../src/evaluate/index.ts';
import { extractPaths } from '../../src/pipeline/index.ts';
import { resolveGraph } from '../../src/resolve/index.ts';
import { itWithShared } from '../shared-data.ts';

const root = path.resolve(import.meta.dirname, '../..');
const goldDir = path.join(root, 'test/gold/sample');

describe('sample corpus against the gold annotations', () => {
  it('has a gold file for every document of seeds/', () => {
    const docs = readdirSync(path.join(root, 'seeds'))
      .filter((f) => f.endsWith('.txt'))
      .sort();
    expect(docs.length).toBeGreaterThan(0);
    expect(
      readdirSync(goldDir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(docs.map((d) => `${d}.json`));
  });

  it('meets the floors: entity F1 0.97, typed 0.97, relation F1 0.94, dates 0.95', async () => {
    const run = await extractPaths([path.join(root, 'seeds')]);
    expect(run.failures).toEqual([]);
    const report = evaluate(resolveGraph(run.extractions), await readGold(goldDir));
    expect(report.entities.f1).toBeGreaterThanOrEqual(0.97);
    expect(report.typedEntities.f1).toBeGreaterThanOrEqual(0.97);
    expect(report.relations.f1).toBeGreaterThanOrEqual(0.94);
    expect(report.dates.total).toBeGreaterThan(20);
    expect(report.dates.accuracy).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  // The repository's copy must not drift from the shared annotations it was taken from.
  itWithShared('is the same gold as ../shared/eval/gold', ['eval/gold'], (shared) => {
    const dir = path.join(shared, 'eval/gold');
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(
      readdirSync(goldDir)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    ).toEqual(files);
    for (const f of files) expect(JSON.parse(readFileSync(path.join(goldDir, f), 'utf8')), f).toEqual(JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
  });
});
