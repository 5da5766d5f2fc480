// A syndicated copy (the same article under another name or URL) is one
// source of evidence: recognized, linked to its first copy, counted once in
// every fact's evidence — within a run and across runs.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/load/index.ts';
import { removeDocuments, runPipeline } from '../../src/refresh/index.ts';
import { ROOT } from './env.ts';
import { openStore, query, scratchDir, wipe } from './helpers.ts';

let store: GraphStore;
beforeAll(async () => {
  store = await openStore();
  await store.applySchema();
});
afterAll(async () => store?.close());
beforeEach(async () => wipe(store));

const seed = readFileSync(path.join(ROOT, 'seeds', readdirSync(path.join(ROOT, 'seeds')).sort()[1]!), 'utf8');
const wireCopy = `By Wire Staff | Reposted with permission\n${seed}\nThis story first appeared on Example Wire.\n`;

/** Evidence entries per document over all relationships. */
async function evidenceByDoc(): Promise<Record<string, number>> {
  const rows = await query<{ doc: string; n: number }>(store, 'MATCH (:Entity)-[r]->(:Entity) UNWIND r.evidenceDocs AS doc RETURN doc, count(*) AS n');
  return Object.fromEntries(rows.map((r) => [r.doc, r.n]));
}

describe('syndicated copies', () => {
  it('a copy in the same run is linked to its first copy and adds no evidence', async () => {
    const alone = scratchDir('dup-alone');
    writeFileSync(path.join(alone, 'a-original.txt'), seed);
    await runPipeline(store, { paths: [alone], mode: 'full' });
    const once = Object.values(await evidenceByDoc()).reduce((a, b) => a + b, 0);
    expect(once).toBeGreaterThan(5);
    await wipe(store);

    const dir = scratchDir('dup');
    writeFileSync(path.join(dir, 'a-original.txt'), seed);
    writeFileSync(path.join(dir, 'b-wire-copy.txt'), wireCopy);
    const summary = await runPipeline(store, { paths: [dir], mode: 'full' });
    expect(summary.run.duplicates).toBe(1);
    expect(summary.extracted).toBe(1);
    const a = path.join(dir, 'a-original.txt');
    const b = path.join(dir, 'b-wire-copy.txt');
    expect(await query(store, 'MATCH (c:Document)-[:DUPLICATE_OF]->(o:Document) RETURN c.id AS copy, o.id AS of, c.duplicateOf AS prop')).toEqual([
      { copy: b, of: a, prop: a },
    ]);
    expect(await query(store, 'MATCH (:Document {id: $b})-[m:MENTIONS]->() RETURN count(m) AS n', { b })).toEqual([{ n: 0 }]);
    const evidence = await evidenceByDoc();
    expect(Object.keys(evidence)).toEqual([a]);
    expect(evidence[a]).toBe(once); // each fact counted once, as with the article alone
  });

  it('a copy arriving in a later run is recognized against the graph; removing the first copy lets the copy stand on its own', async () => {
    const dir = scratchDir('dup-later');
    writeFileSync(path.join(dir, 'a-original.txt'), seed);
    await runPipeline(store, { paths: [dir], mode: 'refresh' });
    const later = scratchDir('dup-later-2');
    writeFileSync(path.join(later, 'c-another-site.txt'), wireCopy);
    const second = await runPipeline(store, { paths: [later], mode: 'refresh' });
    expect(second.run.duplicates).toBe(1);
    expect(second.extracted).toBe(0);
    const c = path.join(later, 'c-another-site.txt');
    expect(await query(store, 'MATCH (:Document {id: $c})-[:DUPLICATE_OF]->(o) RETURN o.id AS of', { c })).toEqual([{ of: path.join(dir, 'a-original.txt') }]);
    expect(Object.keys(await evidenceByDoc())).toEqual([path.join(dir, 'a-original.txt')]);

    // The first copy retracted: the copy, unchanged, is extracted at the next refresh and holds the facts.
    await removeDocuments(store, [path.join(dir, 'a-original.txt')]);
    const third = await runPipeline(store, { paths: [later], mode: 'refresh' });
    expect(third.extracted).toBe(1);
    expect(third.run.duplicates).toBe(0);
    expect(Object.keys(await evidenceByDoc())).toEqual([c]);
    expect(await query(store, 'MATCH (d:Document {id: $c}) RETURN d.duplicateOf AS of', { c })).toEqual([{ of: null }]);
  });
});
