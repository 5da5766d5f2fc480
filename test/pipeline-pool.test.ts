// The worker-thread pool gives exactly what extraction in this thread gives.
import { afterAll, describe, expect, it } from 'vitest';
import { cleanDocument } from '../src/clean/index.ts';
import { extractDocument } from '../src/extract/index.ts';
import { readInputs } from '../src/ingest/index.ts';
import type { RawDocument } from '../src/model/schemas.ts';
import { ExtractPool, extractCleaned, extractPaths, parseWorkers } from '../src/pipeline/index.ts';

const paths = ['seeds', 'test/fixtures'];
const pools: ExtractPool[] = [];
afterAll(async () => { await Promise.all(pools.map((p) => p.close())); });

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

  it('a document that fails in a thread is that document\'s failure; a closed pool refuses work', async () => {
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
