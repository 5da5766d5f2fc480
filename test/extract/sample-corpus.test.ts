// The evaluation on the sample corpus, against the shared gold annotations:
// fails below the floors the extraction must hold.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGold } from '../../src/cli/commands/eval.ts';
import { evaluate } from '../../src/evaluate/index.ts';
import { extractPaths } from '../../src/pipeline/index.ts';
import { resolveGraph } from '../../src/resolve/index.ts';

const shared = process.env.KG_SHARED ?? path.resolve(import.meta.dirname, '../../../shared');
const goldDir = path.join(shared, 'eval', 'gold');

describe('sample corpus against the gold annotations', () => {
  it('the gold annotations are where the README says', () => {
    expect(existsSync(goldDir), `gold annotations expected at ${goldDir} (set KG_SHARED)`).toBe(true);
  });

  it('meets the floors: entity F1 0.90, typed 0.85, relation F1 0.70, dates 0.90', async () => {
    const run = await extractPaths([path.resolve(import.meta.dirname, '../../seeds')]);
    expect(run.failures).toEqual([]);
    const report = evaluate(resolveGraph(run.extractions), await readGold(goldDir));
    expect(report.entities.f1).toBeGreaterThanOrEqual(0.9);
    expect(report.typedEntities.f1).toBeGreaterThanOrEqual(0.85);
    expect(report.relations.f1).toBeGreaterThanOrEqual(0.7);
    expect(report.dates.total).toBeGreaterThan(20);
    expect(report.dates.accuracy).toBeGreaterThanOrEqual(0.9);
  });
});
