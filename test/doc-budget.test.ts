// The time budget per document: a document whose cleaning and extraction take
// longer is stopped from outside its thread and fails on its own, with a
// message saying what to do, while the other documents come through. The
// assertions are on outcomes, not on seconds, with budgets far from what the
// documents take on either side, whatever the machine. Measured here on the
// loaded 2-core machine (load average about 10): a seed article up to 1 s on a
// freshly started thread (tens of milliseconds on a quiet one); a 5 MB single
// line about 5 s to clean and 7 s to extract, a paragraph repeated to 5 MB 2 s
// and 4 s; a page of nested empty elements 40 s per MB to clean (Mozilla
// Readability), with one sentence to extract. So:
//   - where seed articles share the budgeted thread, the budget is 5 s and the
//     pathological document a 3 MB page of elements (about 120 s here);
//   - where only the large documents meet the budget (a run works on the
//     articles in its own thread), the budget is 0.5 s.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanDocument } from '../src/clean/index.ts';
import { extractDocument } from '../src/extract/index.ts';
import type { RawDocument } from '../src/model/schemas.ts';
import { docBudgetMs, ExtractPool, extractPaths, GUARD_CHARS, Guard, isBudgetStop, parseBudget, processDocument } from '../src/pipeline/index.ts';
import { jobProcessor } from '../src/queue/index.ts';

/** Where seed articles meet the budget too. */
const BUDGET_MS = 5000;
/** Where only the large documents meet it. */
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
/**
 * 200 KiB of one word per line: small, but slow to extract (22 s at 250 KiB
 * here, and 5.6 s at 32 KiB); it ran in a run's own thread, with no budget,
 * while texts up to 256 KiB did.
 */
const wordLines = () => repeated('Paris', 200 * 1024, '\n');
/** A page of `mb` MB of nested empty elements around one sentence: slow to clean (Readability), nothing much to extract. */
const markup = (mb: number): RawDocument => ({
  id: 'markup.html',
  source: 'markup.html',
  format: 'html',
  body: `<html><body>${repeated('<div class="x"><span></span></div>', mb * 1024 * 1024, '')}<p>The OECD met in Paris.</p></body></html>`,
});

let dir: string;
const pools: ExtractPool[] = [];
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kg-budget-'));
  for (const d of seeds) writeFileSync(path.join(dir, d.id), d.body);
  writeFileSync(path.join(dir, 'long-line.txt'), singleLine());
  writeFileSync(path.join(dir, 'repetitive.txt'), repetitive());
  writeFileSync(path.join(dir, 'markup.html'), markup(1).body);
  writeFileSync(path.join(dir, 'word-lines.txt'), wordLines());
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
    // One thread, one batch: seed articles before and after the slow document in it.
    const docs = [seeds[0]!, seeds[1]!, markup(3), seeds[2]!, seeds[3]!];
    const results = await pool.processMany(docs);
    expect(results[2]).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^stopped after the time budget of 5 s per document, while cleaning it \(3,145,\d{3} characters\): split the document .*KG_DOC_BUDGET_S/,
      ),
    });
    expect(pool.stopped).toBe(1);
    for (const i of [0, 1, 3, 4]) expect(results[i]).toEqual({ ok: true, value: extractDocument(cleanDocument(docs[i]!)), ms: expect.any(Number) });
    // The thread that took the stopped one's place goes on working.
    expect(await pool.process(seeds[4]!)).toEqual(extractDocument(cleanDocument(seeds[4]!)));
    // A document whose cleaning took all but 0.5 s of the budget (in an earlier trip) has 0.5 s to be extracted.
    await expect(
      pool.extract(cleanDocument({ id: 'long-line', source: 'long-line.txt', format: 'text', body: singleLine() }), BUDGET_MS - 500),
    ).rejects.toThrow(/^stopped after the time budget of 5 s per document, while extracting it/);
    expect(pool.stopped).toBe(2);
  }, 300_000);

  it('a run extracting in this thread sends its large documents to a guard thread: they fail, the articles come through', async () => {
    expect(singleLine().length).toBeGreaterThan(GUARD_CHARS);
    const run = await extractPaths([dir], { budgetMs: GUARD_BUDGET_MS });
    expect(run.workers).toBe(0); // nine documents: the articles were extracted in this thread
    expect(run.failures).toEqual([
      { source: path.join(dir, 'long-line.txt'), error: expect.stringMatching(/^stopped after the time budget of 0.5 s per document, while/) },
      { source: path.join(dir, 'markup.html'), error: expect.stringMatching(/^stopped after the time budget of 0.5 s per document, while cleaning it/) },
      { source: path.join(dir, 'repetitive.txt'), error: expect.stringMatching(/^stopped after the time budget of 0.5 s per document, while/) },
      { source: path.join(dir, 'word-lines.txt'), error: expect.stringMatching(/^stopped after the time budget of 0.5 s per document, while/) },
    ]);
    expect(run.extractions.map((x) => path.basename(x.document.source))).toEqual(seeds.map((d) => d.id));
    for (const x of run.extractions) expect(x.entities.length).toBeGreaterThan(3);
  }, 300_000);

  it('covers cleaning: a page slow to clean is stopped while cleaning, on the guard thread a run cleans it on', async () => {
    const guard = new Guard(BUDGET_MS);
    try {
      expect(guard.wants(seeds[0]!)).toBe(false);
      expect(guard.wants(markup(0.1))).toBe(true); // markup over 64 KiB
      expect(guard.wants({ ...seeds[0]!, body: 'x'.repeat(GUARD_CHARS) })).toBe(false); // text up to 32 KiB
      expect(await guard.clean(seeds[0]!)).toEqual(cleanDocument(seeds[0]!)); // in this thread
      await expect(guard.clean(markup(3))).rejects.toThrow(/^stopped after the time budget of 5 s per document, while cleaning it \(3,145,\d{3} characters\)/);
      expect(guard.spentMs.size).toBe(0);
      // What was spent cleaning is taken from the extraction's budget: a document that spent it all gets none.
      const doc = cleanDocument(seeds[1]!);
      await expect(guard.thread().extract(doc, BUDGET_MS)).rejects.toThrow(/^stopped after the time budget of 5 s per document, while extracting it/);
      expect(await guard.thread().extract(doc, 0)).toEqual(extractDocument(doc));
    } finally {
      await guard.close();
    }
  }, 300_000);

  it('the queue worker puts a document that needs it on the guard thread; a stop there fails the job for good', async () => {
    const guard = new Guard(BUDGET_MS);
    try {
      const processJob = jobProcessor(null, guard);
      expect(await processJob(seeds[2]!)).toEqual(processDocument(seeds[2]!));
      const err = await processJob(markup(3)).then(
        () => null,
        (e: Error) => e,
      );
      expect(err?.name).toBe('UnrecoverableError'); // BullMQ does not try it again
      expect(isBudgetStop(err!.message)).toBe(true);
      expect(err!.message).toMatch(/while cleaning it/);
    } finally {
      await guard.close();
    }
  }, 300_000);
});
