// The time budget per document: a document whose extraction takes longer is
// stopped from outside its thread and fails on its own, with a message saying
// what to do, while the other documents come through. The assertions are on
// outcomes, not on seconds: the budgets here are far above what a seed article
// takes where it runs under one (well under a second) and far below what a
// 5 MB single line (about 7 s on a quiet machine) or a paragraph repeated
// 15,000 times (about 4 s) take, so a faster machine does not make them pass
// inside the budget.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanDocument } from '../src/clean/index.ts';
import { extractDocument } from '../src/extract/index.ts';
import type { RawDocument } from '../src/model/schemas.ts';
import { docBudgetMs, ExtractPool, extractPaths, GUARD_CHARS, parseBudget } from '../src/pipeline/index.ts';

const BUDGET_MS = 2000;
/** The guard-thread run extracts the seeds in this thread, unbudgeted: only the 5 MB documents meet this one. */
const GUARD_BUDGET_MS = 500;
const SEEDS = path.resolve('seeds');
const seeds: RawDocument[] = readdirSync(SEEDS)
  .sort()
  .map((f) => ({ id: f, source: f, format: 'text', body: readFileSync(path.join(SEEDS, f), 'utf8') }));

/** About `bytes` of `unit` repeated, joined by `sep`. */
function repeated(unit: string, bytes: number, sep: string): string {
  return Array.from({ length: Math.ceil(bytes / (unit.length + sep.length)) }, () => unit).join(sep);
}
/** 5 MB of the seed articles' sentences on one line. */
const singleLine = () =>
  repeated(
    seeds
      .map((d) => d.body)
      .join(' ')
      .replace(/\s+/g, ' '),
    5 * 1024 * 1024,
    ' ',
  );
/** One paragraph of news repeated to 5 MB. */
const repetitive = () => repeated(seeds[0]!.body.split('\n\n').find((p) => p.length > 200)!, 5 * 1024 * 1024, '\n\n');

let dir: string;
const pools: ExtractPool[] = [];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kg-budget-'));
  for (const d of seeds) writeFileSync(path.join(dir, d.id), d.body);
  writeFileSync(path.join(dir, 'long-line.txt'), singleLine());
  writeFileSync(path.join(dir, 'repetitive.txt'), repetitive());
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
  rmSync(dir, { recursive: true, force: true });
});

describe('the time budget per document', () => {
  it('is 60 s unless KG_DOC_BUDGET_S or --doc-budget says otherwise (0: none)', () => {
    expect(docBudgetMs({})).toBe(60_000);
    expect(docBudgetMs({ KG_DOC_BUDGET_S: '2.5' })).toBe(2500);
    expect(docBudgetMs({ KG_DOC_BUDGET_S: '0' })).toBe(0);
    expect(() => docBudgetMs({ KG_DOC_BUDGET_S: 'soon' })).toThrow(/KG_DOC_BUDGET_S must be a number of seconds/);
    expect(parseBudget(undefined)).toBeUndefined();
    expect(parseBudget('90')).toBe(90_000);
    expect(() => parseBudget('-1')).toThrow(/--doc-budget/);
  });

  it('a pool thread past the budget is stopped: that document fails, its batch-mates come out right', async () => {
    const pool = new ExtractPool(1, { budgetMs: BUDGET_MS });
    pools.push(pool);
    await pool.start();
    const slow: RawDocument = { id: 'long-line', source: 'long-line.txt', format: 'text', body: singleLine() };
    // One thread, one batch: seed articles before and after the slow document in it.
    const docs = [seeds[0]!, seeds[1]!, slow, seeds[2]!, seeds[3]!];
    const results = await pool.processMany(docs);
    expect(results[2]).toEqual({
      ok: false,
      error: expect.stringMatching(/^stopped after the time budget of 2 s per document \([\d,]{9} characters\): split the document .*KG_DOC_BUDGET_S/),
    });
    expect(pool.stopped).toBe(1);
    for (const i of [0, 1, 3, 4]) expect(results[i]).toEqual({ ok: true, value: extractDocument(cleanDocument(docs[i]!)) });
    // The thread that took the stopped one's place goes on working.
    expect(await pool.process(seeds[4]!)).toEqual(extractDocument(cleanDocument(seeds[4]!)));
  }, 300_000);

  it('a run extracting in this thread sends its large documents to a guard thread: they fail, the articles come through', async () => {
    expect(singleLine().length).toBeGreaterThan(GUARD_CHARS);
    const run = await extractPaths([dir], { budgetMs: GUARD_BUDGET_MS });
    expect(run.workers).toBe(0); // seven documents: the articles were extracted in this thread
    expect(run.failures).toEqual([
      { source: path.join(dir, 'long-line.txt'), error: expect.stringMatching(/^stopped after the time budget of 0.5 s per document/) },
      { source: path.join(dir, 'repetitive.txt'), error: expect.stringMatching(/^stopped after the time budget of 0.5 s per document/) },
    ]);
    expect(run.extractions.map((x) => path.basename(x.document.source))).toEqual(seeds.map((d) => d.id));
    for (const x of run.extractions) expect(x.entities.length).toBeGreaterThan(3);
  }, 300_000);
});
