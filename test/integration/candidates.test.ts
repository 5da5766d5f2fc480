// A run reads, for each chunk, only the graph's entities the chunk's names can
// resolve to and the first copies its texts can copy (src/load/candidates.ts),
// found through the lookup indexes, instead of the whole graph; what it
// resolves and links must be what it would against the whole graph, across
// runs too, and on a graph written before the indexes existed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cleanDocument } from '../../src/clean/index.ts';
import { extractDocument } from '../../src/extract/index.ts';
import { knownDocumentsFor, knownEntitiesFor } from '../../src/load/candidates.ts';
import type { GraphStore } from '../../src/load/index.ts';
import { fingerprint } from '../../src/pipeline/duplicates.ts';
import { runPipeline } from '../../src/refresh/index.ts';
import { openStore, query, scratchDir, wipe } from './helpers.ts';

let store: GraphStore;
beforeAll(async () => {
  store = await openStore();
  await store.applySchema();
});
afterAll(async () => store?.close());
beforeEach(async () => wipe(store));

// Names of our own: no registry entry knows them.
const FIRST = 'Bakimo Fotuza, director of the Zelvani Policy Council (ZPC), met officials of the Quorvex Data Authority in London on Monday.';
const VARIANT = 'The Zelvany Policy Council announced a review of its work on Tuesday.';
const ARTICLE = [
  'The Zelvani Policy Council published its annual review of national computing infrastructure on Monday, setting out how public laboratories share',
  'their machines with universities and small firms. The review found that waiting times had fallen by a third since the previous year, while the',
  'number of projects supported rose to four hundred. Officials said a new round of grants would open in the spring, with priority for teaching',
  'hospitals and regional colleges that had never used shared machines before.',
].join(' ');

async function run(name: string, files: Record<string, string>) {
  const dir = scratchDir(name);
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return runPipeline(store, { paths: [dir], mode: 'refresh' });
}

function extraction(text: string) {
  return extractDocument(cleanDocument({ id: 'probe', source: 'probe', format: 'text', body: text, publishedAt: '2024-06-03' }));
}

const councils = async () =>
  (
    await query<{ name: string; aliases: string[] }>(
      store,
      "MATCH (e:Organization) WHERE e.name CONTAINS 'Policy Council' RETURN e.name AS name, e.aliases AS aliases",
    )
  ).map((c) => ({ ...c, aliases: [...c.aliases].sort() }));
const write = (cypher: string) => store.write((tx) => tx.run(cypher));

describe('per-chunk lookups', () => {
  it('finds an entity of an earlier run by a name within two edits of its own, and no unrelated one', async () => {
    await run('cand-first', { 'a.txt': FIRST });
    const found = await knownEntitiesFor(store, [extraction(VARIANT)]);
    const names = found.map((e) => e.name);
    expect(names).toContain('Zelvani Policy Council');
    expect(names).not.toContain('Quorvex Data Authority');
    expect(names).not.toContain('Bakimo Fotuza');

    // And a later run resolves the variant to it, as one run of both documents would.
    await run('cand-second', { 'b.txt': VARIANT });
    expect(await councils()).toEqual([{ name: 'Zelvani Policy Council', aliases: ['ZPC', 'Zelvany Policy Council'] }]);
  });

  it('finds the first copy of a near-identical text among the graph documents, and not a different text', async () => {
    await run('cand-copies', { 'original.txt': ARTICLE, 'other.txt': FIRST });
    const copy = `Reposted from the Zelvani Bulletin. ${ARTICLE}`;
    const found = await knownDocumentsFor(store, [{ id: 'new-copy', ...fingerprint(copy) }]);
    expect(found.map((d) => path.basename(d.id))).toEqual(['original.txt']);
    const summary = await run('cand-copies-2', { 'copy.txt': copy });
    expect(summary.run.duplicates).toBe(1);
  });

  it('a graph written before the lookup indexes gets their terms and resolves as a new one would', async () => {
    await run('cand-old', { 'a.txt': FIRST, 'original.txt': ARTICLE });
    // As an older version left it: no index terms, no lookup indexes.
    await write('MATCH (e:Entity) REMOVE e.nameKey, e.formKeys');
    await write('MATCH (d:Document) REMOVE d.lshKeys');
    // Schema commands run outside explicit transactions.
    const session = store.session('WRITE');
    try {
      for (const name of ['entity_name_keys', 'document_lsh', 'document_text_hash']) await session.run(`DROP INDEX ${name} IF EXISTS`);
    } finally {
      await session.close();
    }

    const summary = await run('cand-old-2', { 'b.txt': VARIANT, 'copy.txt': `Reposted from the Zelvani Bulletin. ${ARTICLE}` });
    expect(summary.run.duplicates).toBe(1);
    expect((await councils()).map((c) => c.name)).toEqual(['Zelvani Policy Council']);
    expect(await query(store, 'MATCH (e:Entity) WHERE e.nameKey IS NULL RETURN count(e) AS n')).toEqual([{ n: 0 }]);
  });
});
