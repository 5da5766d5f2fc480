// The worker-thread pool gives exactly what extraction in this thread gives.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanDocument } from '../src/clean/index.ts';
import { extractDocument } from '../src/extract/index.ts';
import { readInputs } from '../src/ingest/index.ts';
import type { RawDocument } from '../src/model/schemas.ts';
import { ExtractPool, extractCleaned, extractPaths, parseWorkers } from '../src/pipeline/index.ts';

const paths = ['seeds', 'test/fixtures'];
const pools: ExtractPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

describe('extraction pool', () => {
  it('extractPaths with two worker threads equals extraction in this thread', async () => {
    const local = await extractPaths(paths, { workers: 0 });
    const pooled = await extractPaths(paths, { workers: 2 });
    expect(local.workers).toBe(0);
    expect(pooled.workers).toBe(2);
    expect(local.extractions.length).toBeGreaterThan(5);
    expect(pooled.extractions).toEqual(local.extractions);
    expect(pooled.failures).toEqual(local.failures);
  }, 120_000);

  it('extractCleaned and the pool tasks match the stages run here', async () => {
    const raws: RawDocument[] = [];
    for await (const item of readInputs(['seeds'])) if (item.ok) raws.push(item.doc);
    const cleaned = raws.map((r) => cleanDocument(r));
    const run = await extractCleaned(cleaned, { workers: 2 });
    expect(run.extractions).toEqual(cleaned.map((d) => extractDocument(d)).sort((a, b) => a.document.id.localeCompare(b.document.id)));
    const pool = new ExtractPool(1);
    pools.push(pool);
    expect(await pool.clean(raws[0]!)).toEqual(cleaned[0]);
    expect(await pool.process(raws[1]!)).toEqual(extractDocument(cleaned[1]!));
  }, 120_000);

  it("a document that fails in a thread is that document's failure; a closed pool refuses work", async () => {
    const pool = new ExtractPool(1);
    pools.push(pool);
    await expect(pool.extract({ id: 'x' } as never)).rejects.toThrow();
    const ok = await pool.clean({ id: 'ok', source: 'ok.txt', format: 'text', body: 'The UK AI Safety Institute met in London.' });
    expect(ok.text).toContain('AI Safety Institute');
    await pool.close();
    await expect(pool.clean({ id: 'late', source: 'late.txt', format: 'text', body: 'x' })).rejects.toThrow(/closed/);
  }, 120_000);

  it('--workers takes "auto" or a non-negative integer', () => {
    expect(parseWorkers(undefined)).toBe('auto');
    expect(parseWorkers('auto')).toBe('auto');
    expect(parseWorkers('0')).toBe(0);
    expect(parseWorkers('3')).toBe(3);
    expect(() => parseWorkers('-1')).toThrow(/--workers/);
    expect(() => parseWorkers('two')).toThrow(/--workers/);
  });
});

describe('extraction pool batches', () => {
  async function seedDocs() {
    const raws: RawDocument[] = [];
    for await (const item of readInputs(paths)) if (item.ok) raws.push(item.doc);
    return { raws, cleaned: raws.map((r) => cleanDocument(r)) };
  }

  it('many documents travel in few messages and come back in input order, identical to this thread', async () => {
    const { cleaned } = await seedDocs();
    // The seeds repeated: enough documents for full batches, ids kept distinct.
    const docs = [0, 1, 2, 3].flatMap((k) => cleaned.map((d) => ({ ...d, id: `${d.id}#${k}` })));
    const pool = new ExtractPool(2);
    pools.push(pool);
    const results = await pool.extractMany(docs);
    expect(pool.sent.documents).toBe(docs.length);
    expect(pool.sent.messages).toBeLessThan(docs.length / 2);
    expect(results.map((r) => r.ok && r.value.document.id)).toEqual(docs.map((d) => d.id));
    const local = docs.map((d) => extractDocument(d));
    expect(results.map((r) => (r.ok ? r.value : r))).toEqual(local);
    expect(JSON.stringify(results.map((r) => r.ok && r.value))).toBe(JSON.stringify(local));
    // One document at a time, in a burst: batched the same way, same results.
    const before = pool.sent.messages;
    const singles = await Promise.all(docs.map((d) => pool.extract(d)));
    expect(singles).toEqual(local);
    expect(pool.sent.messages - before).toBeLessThan(docs.length / 2);
  }, 120_000);

  it('a failing document fails alone: the rest of its batch is extracted', async () => {
    const { raws, cleaned } = await seedDocs();
    const bad = (i: number) => ({ id: `bad-${i}` }) as never;
    const docs = cleaned.slice(0, 8);
    const mixed = [docs[0]!, bad(1), ...docs.slice(1, 4), bad(2), ...docs.slice(4)];
    const pool = new ExtractPool(1);
    pools.push(pool);
    const results = await pool.extractMany(mixed);
    expect(pool.sent.messages).toBeLessThan(mixed.length);
    expect(results.map((r) => r.ok)).toEqual(mixed.map((d) => !(d as { id: string }).id.startsWith('bad-')));
    expect(results.filter((r) => r.ok).map((r) => r.ok && r.value)).toEqual(docs.map((d) => extractDocument(d)));
    for (const r of results) if (!r.ok) expect(r.error).toBeTruthy();
    // The same through the one-document calls: only the bad ones reject.
    const settled = await Promise.allSettled(mixed.map((d) => pool.extract(d)));
    expect(settled.map((s) => s.status)).toEqual(results.map((r) => (r.ok ? 'fulfilled' : 'rejected')));
    // clean -> extract in batches, with a raw document that cannot be cleaned among them.
    const processed = await pool.processMany([raws[0]!, { id: 'no-body' } as never, raws[1]!]);
    expect(processed.map((r) => r.ok)).toEqual([true, false, true]);
    expect(processed[2]!.ok && processed[2]!.value).toEqual(extractDocument(cleaned[1]!));
  }, 120_000);

  it('tasks of different kinds queued together each get their own answer', async () => {
    const { raws, cleaned } = await seedDocs();
    const pool = new ExtractPool(2);
    pools.push(pool);
    const [c0, x1, p2, c3] = await Promise.all([pool.clean(raws[0]!), pool.extract(cleaned[1]!), pool.process(raws[2]!), pool.clean(raws[3]!)]);
    expect(c0).toEqual(cleaned[0]);
    expect(x1).toEqual(extractDocument(cleaned[1]!));
    expect(p2).toEqual(extractDocument(cleaned[2]!));
    expect(c3).toEqual(cleaned[3]);
  }, 120_000);

  it('an extraction whose document validation changes comes back with the validated document', async () => {
    const { cleaned } = await seedDocs();
    const odd = { extra: 'dropped by validation', ...cleaned[0]! };
    const pool = new ExtractPool(1);
    pools.push(pool);
    const pooled = await pool.extract(odd);
    const local = extractDocument(odd);
    expect(JSON.stringify(pooled)).toBe(JSON.stringify(local));
    expect(pooled.document).not.toHaveProperty('extra');
  }, 120_000);

  it('extractCleaned on the pool keeps input order for failures and sorts extractions by id', async () => {
    const { cleaned } = await seedDocs();
    const docs = [
      ...cleaned,
      { id: 'bad-a', source: 'bad-a.txt' } as never,
      ...cleaned.map((d) => ({ ...d, id: `${d.id}#2`, source: `${d.source}#2` })),
      { id: 'bad-b', source: 'bad-b.txt' } as never,
    ];
    const local = await extractCleaned(docs, { workers: 0 });
    const pooled = await extractCleaned(docs, { workers: 2 });
    expect(pooled.failures.map((f) => f.source)).toEqual(['bad-a.txt', 'bad-b.txt']);
    expect(pooled.failures).toEqual(local.failures);
    expect(pooled.warnings).toEqual(local.warnings);
    expect(JSON.stringify(pooled.extractions)).toBe(JSON.stringify(local.extractions));
  }, 120_000);
});
