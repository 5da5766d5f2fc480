// The loader on hand-made graphs: independent of what extraction finds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GraphStore, planBatches, schemaStatements, sliceByDocument, type DocumentFacts, type WriteResult } from '../../src/load/index.ts';
import { ENTITY_TYPES, Graph, type RelationType } from '../../src/model/schemas.ts';
import { doc, entity, factSets, normalize, openStore, query, relation, wipe } from './helpers.ts';

let store: GraphStore;
beforeAll(async () => {
  store = await openStore();
  await store.applySchema();
});
afterAll(async () => store?.close());
beforeEach(async () => wipe(store));

const S1 = 'OpenAI and the Korea AI Safety Institute (K-AISI) signed a memorandum of understanding in Seoul.';
const S2 = 'The MoU between OpenAI and K-AISI covers evaluations.';

function sample(): Graph {
  return Graph.parse({
    documents: [doc('a.txt'), doc('b.txt')],
    entities: [
      entity('company/openai', 'Company', 'OpenAI', [
        ['a.txt', 0, 6],
        ['b.txt', 16, 22],
      ]),
      entity(
        'institute/k-aisi',
        'Institute',
        'Korea AI Safety Institute',
        [
          ['a.txt', 15, 40],
          ['a.txt', 42, 48],
          ['b.txt', 27, 33],
        ],
        { aliases: ['K-AISI'], date: '2024-11' },
      ),
      entity('agreement/openai-k-aisi-mou', 'Agreement', 'OpenAI–K-AISI MoU', [['a.txt', 59, 86]], { date: '2025-11' }),
      entity('location/seoul', 'Location', 'Seoul', [['a.txt', 90, 95]]),
      entity('summit/seoul', 'Summit', 'AI Seoul Summit', [['b.txt', 0, 3]], { date: '2024-05-21' }),
    ],
    relations: [
      relation(
        'SIGNED',
        'company/openai',
        'agreement/openai-k-aisi-mou',
        [
          ['a.txt', S1, 0, 96, 0.9],
          ['b.txt', S2, 0, 53, 0.6],
        ],
        { date: '2025-11' },
      ),
      relation('SIGNED', 'institute/k-aisi', 'agreement/openai-k-aisi-mou', [['a.txt', S1, 0, 96, 0.8]]),
      relation('HELD_IN', 'agreement/openai-k-aisi-mou', 'location/seoul', [['a.txt', S1, 0, 96, 0.7]]),
      relation('PARTNERED_WITH', 'institute/k-aisi', 'company/openai', [['a.txt', S1, 0, 96, 0.7]]),
      relation('PARTNERED_WITH', 'company/openai', 'institute/k-aisi', [['b.txt', S2, 0, 53, 0.5]]),
    ],
  });
}

describe('schema', () => {
  it('has a uniqueness constraint on id for every ontology label, Entity, Document, Run and Lock', async () => {
    const rows = await query<{ labels: string[]; properties: string[]; type: string }>(
      store,
      'SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties, type RETURN labels, properties, type',
    );
    const unique = new Set(rows.filter((r) => r.type === 'UNIQUENESS' && r.properties.join() === 'id').map((r) => r.labels[0]));
    for (const label of [...ENTITY_TYPES, 'Entity', 'Document', 'Run', 'Lock']) expect(unique, label).toContain(label);
    const indexes = await query<{ labels: string[]; properties: string[] }>(
      store,
      "SHOW INDEXES YIELD labelsOrTypes AS labels, properties, type WHERE type = 'RANGE' RETURN labels, properties",
    );
    const named = new Set(indexes.filter((i) => i.properties?.join() === 'name').map((i) => i.labels[0]));
    for (const label of [...ENTITY_TYPES, 'Entity']) expect(named, label).toContain(label);
  });

  it('applies again without error (IF NOT EXISTS)', async () => {
    await store.applySchema();
    expect(schemaStatements().every((s) => /IF NOT EXISTS/.test(s))).toBe(true);
  });
});

describe('loading a Graph', () => {
  it('writes entities with Entity + type labels and the ontology date names', async () => {
    await store.loadGraph(sample());
    const rows = await query<{ id: string; labels: string[]; p: Record<string, unknown> }>(
      store,
      'MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels, properties(e) AS p ORDER BY id',
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('institute/k-aisi')!.labels.sort()).toEqual(['Entity', 'Institute']);
    expect(byId.get('institute/k-aisi')!.p).toMatchObject({
      name: 'Korea AI Safety Institute',
      aliases: ['K-AISI'],
      type: 'Institute',
      established: '2024-11',
      date: '2024-11',
    });
    expect(byId.get('summit/seoul')!.p).toMatchObject({ startDate: '2024-05-21', date: '2024-05-21' });
    expect(byId.get('agreement/openai-k-aisi-mou')!.p).toMatchObject({ date: '2025-11' });
    expect(byId.get('company/openai')!.labels.sort()).toEqual(['Company', 'Entity']);
  });

  it('writes Documents with MENTIONS carrying offsets', async () => {
    await store.loadGraph(sample());
    const [d] = await query<{ p: Record<string, unknown> }>(store, "MATCH (d:Document {id: 'a.txt'}) RETURN properties(d) AS p");
    expect(d.p).toMatchObject({ id: 'a.txt', source: 'a.txt', title: 'Title of a.txt', publishedAt: '2024-05-21', contentHash: 'hash-of-a.txt' });
    expect(typeof d.p.ingestedAt).toBe('string');
    const [m] = await query<{ starts: number[]; ends: number[] }>(
      store,
      "MATCH (:Document {id: 'a.txt'})-[m:MENTIONS]->(:Entity {id: 'institute/k-aisi'}) RETURN m.starts AS starts, m.ends AS ends",
    );
    expect(m).toEqual({ starts: [15, 42], ends: [40, 48] });
  });

  it('keeps one relationship per fact, with one provenance entry per (document, sentence) and the max confidence', async () => {
    await store.loadGraph(sample());
    const rows = await query<Record<string, unknown>>(
      store,
      `MATCH (:Entity {id: 'company/openai'})-[r:SIGNED]->(:Agreement)
       RETURN keys(r) AS keys, r.evidenceDocs AS docs, r.evidenceSentences AS sentences,
              r.evidenceStarts AS starts, r.evidenceEnds AS ends, r.confidence AS confidence, r.date AS date`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({
      keys: expect.not.arrayContaining(['documents']),
      docs: ['a.txt', 'b.txt'],
      sentences: [S1, S2],
      starts: [0, 0],
      ends: [96, 53],
      confidence: 0.9,
      date: '2025-11',
    });
  });

  it('drops the documents list that graphs written by earlier versions keep on a relationship, once its provenance changes', async () => {
    await store.loadGraph(sample());
    await store.write((tx) => tx.run("MATCH (:Entity {id: 'company/openai'})-[r:SIGNED]->(:Agreement) SET r.documents = ['stale.txt']"));
    await store.loadGraph(sample());
    const rows = await query<{ keys: string[] }>(store, "MATCH (:Entity {id: 'company/openai'})-[r:SIGNED]->(:Agreement) RETURN keys(r) AS keys");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.keys).toContain('evidenceDocs');
    expect(rows[0]!.keys).not.toContain('documents');
  });

  it('stores a symmetric PARTNERED_WITH once, whichever direction each document states', async () => {
    await store.loadGraph(sample());
    const rows = await query<{ n: number; docs: string[] }>(
      store,
      'MATCH (:Entity)-[r:PARTNERED_WITH]-(:Entity) WITH DISTINCT r RETURN count(r) AS n, collect(r.evidenceDocs)[0] AS docs',
    );
    expect(rows[0].n).toBe(1);
    expect(rows[0].docs.sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('is idempotent: loading the same graph twice changes no count and duplicates no provenance', async () => {
    await store.loadGraph(sample());
    const once = await store.counts();
    const exportOnce = await store.readGraph();
    await store.loadGraph(sample());
    await store.loadGraph(sample());
    expect(await store.counts()).toEqual(once);
    expect(normalize(await store.readGraph())).toEqual(normalize(exportOnce));
    expect(once).toMatchObject({ documents: 2, mentions: 8, provenance: 6 });
  });

  it('reads back the export it was given (readGraph)', async () => {
    const g = sample();
    await store.loadGraph(g);
    const back = normalize(await store.readGraph());
    const want = normalize(g);
    expect(back.documents).toEqual(want.documents);
    expect(back.entities).toEqual(want.entities);
    expect(back.relations.map((r) => `${r.type}|${r.source}|${r.target}|${r.evidence.length}`)).toEqual([
      'HELD_IN|agreement/openai-k-aisi-mou|location/seoul|1',
      'PARTNERED_WITH|company/openai|institute/k-aisi|2',
      'SIGNED|company/openai|agreement/openai-k-aisi-mou|2',
      'SIGNED|institute/k-aisi|agreement/openai-k-aisi-mou|1',
    ]);
    expect(Graph.safeParse(await store.readGraph()).success).toBe(true);
  });

  it('lists the known entities resolution needs', async () => {
    await store.loadGraph(sample());
    const known = await store.knownEntities();
    expect(known.find((k) => k.id === 'institute/k-aisi')).toEqual({
      id: 'institute/k-aisi',
      type: 'Institute',
      name: 'Korea AI Safety Institute',
      aliases: ['K-AISI'],
      date: '2024-11',
    });
    expect(known).toHaveLength(5);
  });

  it('moves an entity to its new type label when its type changes', async () => {
    await store.loadGraph(sample());
    const g = sample();
    g.entities.find((e) => e.id === 'location/seoul')!.type = 'Country';
    await store.loadGraph(g);
    const [r] = await query<{ labels: string[] }>(store, "MATCH (e:Entity {id: 'location/seoul'}) RETURN labels(e) AS labels");
    expect(r.labels.sort()).toEqual(['Country', 'Entity']);
  });
});

describe('replacing and retracting one document', () => {
  it('a changed document replaces only its own facts', async () => {
    await store.loadGraph(sample());
    // b.txt now says only that OpenAI is based in San Francisco.
    const b2 = Graph.parse({
      documents: [doc('b.txt', 'hash-2')],
      entities: [entity('company/openai', 'Company', 'OpenAI', [['b.txt', 0, 6]]), entity('location/sf', 'Location', 'San Francisco', [['b.txt', 20, 33]])],
      relations: [relation('BASED_IN', 'company/openai', 'location/sf', [['b.txt', 'OpenAI is in San Francisco.', 0, 27, 0.8]])],
    });
    await store.loadGraph(b2);
    const g = normalize(await store.readGraph());
    expect(g.documents.find((d) => d.id === 'b.txt')!.contentHash).toBe('hash-2');
    // The summit only b.txt mentioned is gone; OpenAI stays (a.txt mentions it).
    expect(g.entities.map((e) => e.id)).toEqual(['agreement/openai-k-aisi-mou', 'company/openai', 'institute/k-aisi', 'location/seoul', 'location/sf']);
    const signed = g.relations.find((r) => r.type === 'SIGNED' && r.source === 'company/openai')!;
    expect(signed.evidence.map((e) => e.doc)).toEqual(['a.txt']);
    expect(signed.confidence).toBe(0.9);
    const partnered = g.relations.find((r) => r.type === 'PARTNERED_WITH')!;
    expect(partnered.evidence.map((e) => e.doc)).toEqual(['a.txt']);
    expect(g.relations.find((r) => r.type === 'BASED_IN')!.evidence[0].sentence).toBe('OpenAI is in San Francisco.');
    // a.txt's facts are untouched.
    expect(g.entities.find((e) => e.id === 'institute/k-aisi')!.mentions.map((m) => m.doc)).toEqual(['a.txt', 'a.txt']);
  });

  it("a changed document that states a fact again refills that relationship: its date and role are the new version's, what it no longer states is deleted", async () => {
    const version = (hash: string, statesHeldIn: boolean, extra: Parameters<typeof relation>[4]) =>
      Graph.parse({
        documents: [doc('c.txt', hash)],
        entities: [
          entity('company/openai', 'Company', 'OpenAI', [['c.txt', 0, 6]]),
          entity('institute/k-aisi', 'Institute', 'K-AISI', [['c.txt', 20, 26]]),
          entity('summit/seoul', 'Summit', 'Seoul summit', [['c.txt', 40, 52]]),
          entity('location/seoul', 'Location', 'Seoul', [['c.txt', 60, 65]]),
        ],
        relations: [
          relation('PARTNERED_WITH', 'company/openai', 'institute/k-aisi', [['c.txt', 'OpenAI partners with K-AISI.', 0, 28, 0.7]], extra),
          ...(statesHeldIn ? [relation('HELD_IN', 'summit/seoul', 'location/seoul', [['c.txt', 'The summit was held in Seoul.', 40, 69, 0.9]])] : []),
        ],
      });
    await store.loadGraph(version('v1', true, { date: '2024-05-21', role: 'evaluator' }));
    const [before] = await query<{ id: string }>(store, 'MATCH ()-[r:PARTNERED_WITH]->() RETURN elementId(r) AS id');
    await store.loadGraph(version('v2', false, {}));
    const rows = await query<{ id: string; date: string | null; role: string | null; docs: string[]; confidence: number }>(
      store,
      'MATCH ()-[r:PARTNERED_WITH]->() RETURN elementId(r) AS id, r.date AS date, r.role AS role, r.evidenceDocs AS docs, r.confidence AS confidence',
    );
    expect(rows).toEqual([{ id: before!.id, date: null, role: null, docs: ['c.txt'], confidence: 0.7 }]);
    expect(await query(store, 'MATCH ()-[r:HELD_IN]->() RETURN r')).toEqual([]);
    expect((await store.counts()).provenance).toBe(1);
  });

  it('the max confidence follows the remaining provenance', async () => {
    const g = sample();
    await store.loadGraph(g);
    // a.txt no longer states the SIGNED fact; b.txt's 0.6 remains.
    const a2 = Graph.parse({
      documents: [doc('a.txt', 'hash-a2')],
      entities: [entity('company/openai', 'Company', 'OpenAI', [['a.txt', 0, 6]])],
      relations: [],
    });
    await store.loadGraph(a2);
    const [r] = await query<{ c: number; docs: string[] }>(
      store,
      "MATCH (:Entity {id: 'company/openai'})-[r:SIGNED]->() RETURN r.confidence AS c, r.evidenceDocs AS docs",
    );
    expect(r).toEqual({ c: 0.6, docs: ['b.txt'] });
  });

  it('removeDocument retracts a document; what only it supported disappears', async () => {
    await store.loadGraph(sample());
    expect(await store.removeDocument('a.txt')).toBe(true);
    expect(await store.removeDocument('a.txt')).toBe(false);
    const g = normalize(await store.readGraph());
    expect(g.documents.map((d) => d.id)).toEqual(['b.txt']);
    // Seoul and the HELD_IN only a.txt stated are gone; SIGNED keeps b.txt's entry.
    expect(g.entities.map((e) => e.id).sort()).toEqual(['agreement/openai-k-aisi-mou', 'company/openai', 'institute/k-aisi', 'summit/seoul']);
    expect(g.relations.map((r) => `${r.type}|${r.source}|${r.evidence.map((e) => e.doc).join(',')}`)).toEqual([
      'PARTNERED_WITH|company/openai|b.txt',
      'SIGNED|company/openai|b.txt',
    ]);
    await store.removeDocument('b.txt');
    expect(await store.counts()).toEqual({ documents: 0, entities: {}, relations: {}, mentions: 0, provenance: 0 });
  });
});

// ---- batches: many documents per transaction ----

/**
 * `n` documents over a shared pool of entities: every document mentions a few
 * of them and states relationships among them, so relationships gather
 * provenance from several documents, in both directions for PARTNERED_WITH.
 */
function corpus(n: number, version = 1, only?: Set<number>): Graph {
  const types = ['Company', 'Institute', 'Country', 'Agreement', 'Person'] as const;
  const ids = Array.from({ length: 8 }, (_, i) => `${types[i % types.length]!.toLowerCase()}/e${i}`);
  const documents = [];
  const mentions = new Map<string, Array<[string, number, number]>>();
  const relations = new Map<string, Parameters<typeof relation>>();
  for (let d = 0; d < n; d++) {
    if (only && !only.has(d)) continue;
    const id = `doc-${String(d).padStart(2, '0')}.txt`;
    documents.push(doc(id, `hash-${d}-v${version}`));
    const mine = [d % 8, (d * 3 + version) % 8, (d * 5 + 1) % 8].filter((x, i, a) => a.indexOf(x) === i);
    for (const [k, e] of mine.entries()) {
      const list = mentions.get(ids[e]!) ?? [];
      list.push([id, k * 10, k * 10 + 5]);
      mentions.set(ids[e]!, list);
    }
    for (let k = 0; k + 1 < mine.length; k++) {
      const [a, b] = [ids[mine[k]!]!, ids[mine[k + 1]!]!];
      const type: RelationType = (d + k) % 2 === 0 ? 'PARTNERED_WITH' : 'MEMBER_OF';
      const [s, t] = type === 'PARTNERED_WITH' && d % 3 === 0 ? [b, a] : [a, b]; // either direction
      const key = `${type}|${[s, t].sort().join('|')}`;
      const ev: [string, string, number, number, number] = [id, `Sentence ${k} of ${id}, version ${version}.`, k * 50, k * 50 + 40, 0.5 + ((d + k) % 5) / 10];
      const rel = relations.get(key);
      if (rel) rel[3].push(ev);
      else relations.set(key, [type, s, t, [ev]]);
    }
  }
  const entities = ids.flatMap((id, i) =>
    mentions.has(id) ? [entity(id, types[i % types.length]!, `Entity ${i}`, mentions.get(id)!, { aliases: [`E${i}`] })] : [],
  );
  return Graph.parse({ documents, entities, relations: [...relations.values()].map((r) => relation(...r)) });
}

/** Writes the graph one document per transaction: the reference a batch must match. */
async function oneByOne(g: Graph): Promise<void> {
  for (const f of sliceByDocument(g)) await store.writeDocument(f);
}

async function state() {
  return { graph: normalize(await store.readGraph()), counts: await store.counts() };
}

/** A document whose entity row carries a map as its date: Neo4j refuses the write (a ClientError, not retried). */
function poisoned(id: string): DocumentFacts {
  const [f] = sliceByDocument(
    Graph.parse({
      documents: [doc(id)],
      entities: [entity('company/poison', 'Company', 'Poison Ltd', [[id, 0, 6]])],
      relations: [],
    }),
  );
  f!.entities.get('Company')![0]!.date = { not: 'a property value' } as unknown as string;
  return f!;
}

describe('writing documents in batches (one transaction per batch)', () => {
  it('a batch of several documents writes what writing them one by one writes', async () => {
    const g = corpus(12);
    expect(g.relations.some((r) => r.evidence.length > 1)).toBe(true); // provenance from several documents
    await oneByOne(g);
    const reference = await state();
    await wipe(store);
    const results = await store.writeDocuments(sliceByDocument(g));
    expect(results.map((r) => r.id)).toEqual(g.documents.map((d) => d.id));
    expect(await state()).toEqual(reference);
    const [p] = await query<{ n: number }>(store, 'MATCH (a)-[r:PARTNERED_WITH]->(b) WHERE a.id > b.id RETURN count(r) AS n');
    expect(p!.n).toBe(0); // stored once per pair, from the smaller id
  });

  it('is idempotent: the same batch written again changes no count and duplicates no provenance', async () => {
    const g = corpus(12);
    await store.writeDocuments(sliceByDocument(g));
    const once = await state();
    expect(once.counts.provenance).toBe(g.relations.reduce((a, r) => a + r.evidence.length, 0));
    await store.writeDocuments(sliceByDocument(g));
    await store.loadGraph(g, { batch: { maxDocs: 5 } }); // other batch boundaries, same facts
    expect(await state()).toEqual(once);
  });

  it('a batch replacing a changed document touches only it', async () => {
    await store.writeDocuments(sliceByDocument(corpus(12)));
    const before = await query<{ id: string; ingestedAt: string; hash: string }>(
      store,
      'MATCH (d:Document) RETURN d.id AS id, d.ingestedAt AS ingestedAt, d.contentHash AS hash ORDER BY id',
    );
    await new Promise((r) => setTimeout(r, 5)); // a later ingestedAt
    // doc-05 says something else now (version 2), in a batch of its own.
    const changed = corpus(12, 2, new Set([5]));
    await store.writeDocuments(sliceByDocument(changed));
    const after = await query<{ id: string; ingestedAt: string; hash: string }>(
      store,
      'MATCH (d:Document) RETURN d.id AS id, d.ingestedAt AS ingestedAt, d.contentHash AS hash ORDER BY id',
    );
    for (const [i, d] of after.entries()) {
      if (d.id === 'doc-05.txt') expect(d).toMatchObject({ hash: 'hash-5-v2' });
      else expect(d).toEqual(before[i]);
    }
    const got = factSets(await store.readGraph());
    expect(got.evidence.filter((e) => e.includes('|doc-05.txt|')).every((e) => e.endsWith('version 2.'))).toBe(true);
    // Exactly the graph of the other eleven documents plus doc-05 as it is now.
    const others = new Set(Array.from({ length: 12 }, (_, i) => i).filter((i) => i !== 5));
    await wipe(store);
    await oneByOne(corpus(12, 1, others));
    await oneByOne(changed);
    expect(got).toEqual(factSets(await store.readGraph()));
  });

  it('a batch of changed and unchanged documents equals a fresh load of the corpus as it is now', async () => {
    await store.loadGraph(corpus(12));
    const now = corpus(12, 2, new Set([1, 4, 7]));
    const unchanged = corpus(12, 1, new Set([0, 2, 3, 5, 6, 8, 9, 10, 11]));
    // One batch: the three changed documents among unchanged ones.
    await store.writeDocuments([...sliceByDocument(unchanged), ...sliceByDocument(now)]);
    const got = factSets(await store.readGraph());
    await wipe(store);
    await oneByOne(unchanged);
    await oneByOne(now);
    expect(got).toEqual(factSets(await store.readGraph()));
  });

  it('a failing batch writes none of its documents', async () => {
    await store.loadGraph(corpus(6));
    const before = await state();
    const changed = sliceByDocument(corpus(6, 2, new Set([0, 3])));
    const batch = [changed[0]!, poisoned('poison.txt'), changed[1]!];
    await expect(store.writeDocuments(batch)).rejects.toThrow(/Property values can only be of primitive types|map/i);
    expect(await state()).toEqual(before); // not the changed documents, not the poisoned one
  });

  it('writeInBatches narrows a failing batch down to the failing document and writes the others', async () => {
    await store.loadGraph(corpus(6));
    const changed = sliceByDocument(corpus(6, 2, new Set([0, 3, 5])));
    const failed: string[] = [];
    const batches: string[][] = [];
    const written: WriteResult[] = await store.writeInBatches([changed[0]!, changed[1]!, poisoned('poison.txt'), changed[2]!], {
      onWritten: (results) => {
        batches.push(results.map((r) => r.id));
      },
      onFailed: (f) => {
        failed.push(f.document.id);
      },
    });
    expect(failed).toEqual(['poison.txt']);
    expect(written.map((r) => r.id)).toEqual(['doc-00.txt', 'doc-03.txt', 'doc-05.txt']);
    expect(batches).toEqual([['doc-00.txt', 'doc-03.txt'], ['doc-05.txt']]); // the halves, then the poisoned one alone
    const got = factSets(await store.readGraph());
    expect(got.documents.some((d) => d.startsWith('poison.txt'))).toBe(false);
    await wipe(store);
    await oneByOne(corpus(6, 1, new Set([1, 2, 4])));
    await oneByOne(corpus(6, 2, new Set([0, 3, 5])));
    expect(got).toEqual(factSets(await store.readGraph()));
    // Without onFailed, the failure is thrown.
    await expect(store.writeInBatches([poisoned('poison.txt')])).rejects.toThrow();
  });

  it('skips entities an earlier batch wrote, but writes them again if they were deleted meanwhile', async () => {
    const g = corpus(12);
    const facts = sliceByDocument(g);
    let batches = 0;
    await store.writeInBatches(facts, {
      maxDocs: 6,
      // Between the batches, someone deletes an entity both batches mention.
      beforeBatch: async () => {
        if (batches++ === 1) await store.write((tx) => tx.run("MATCH (e:Entity {id: 'company/e0'}) DETACH DELETE e"));
      },
    });
    const second = facts.slice(6);
    expect(second.some((f) => f.mentions.some((m) => m.id === 'company/e0'))).toBe(true);
    for (const f of second) {
      const [m] = await query<{ n: number }>(store, 'MATCH (:Document {id: $id})-[m:MENTIONS]->() RETURN count(m) AS n', { id: f.key });
      expect(m!.n, f.key).toBe(f.mentions.length);
    }
    const [e] = await query<{ p: Record<string, unknown> }>(store, "MATCH (e:Company {id: 'company/e0'}) RETURN properties(e) AS p");
    expect(e!.p).toMatchObject({ name: 'Entity 0', type: 'Company', aliases: ['E0'] });
  });

  it('cuts batches by documents and relationship rows, and never holds a document twice', () => {
    const facts = sliceByDocument(corpus(12));
    expect(planBatches(facts, { maxDocs: 5 }).map((b) => b.length)).toEqual([5, 5, 2]);
    const rows = facts.map((f) => f.mentions.length + [...f.relations.values()].reduce((a, l) => a + l.length, 0));
    const byRows = planBatches(facts, { maxRows: rows[0]! + rows[1]! });
    expect(byRows[0]!.length).toBe(2);
    expect(byRows.flat()).toEqual(facts);
    expect(planBatches([facts[0]!, facts[1]!, facts[0]!]).map((b) => b.length)).toEqual([2, 1]);
  });
});

describe('strings load verbatim', () => {
  const nasty = [
    `O'Brien "the \`quoted\`" Institute`,
    'Back\\slash \\n \\u0041 Institute\\',
    'MATCH (n) DETACH DELETE n; RETURN 1 //',
    '}) MERGE (x:Evil {id: "$id"}) WITH x MATCH (y',
    '$rows UNWIND CREATE DELETE SET REMOVE CALL LOAD CSV',
    'Ünïcödé – 中文 – 🤖 – \u0000nul',
    'L'.repeat(100_000),
  ];

  it('as ids, names, aliases, sentences, document ids and titles', async () => {
    const docId = `https://example.org/a?q='x"y'&z=\\n ${nasty[2]}`;
    const g = Graph.parse({
      documents: [{ ...doc(docId), title: nasty[0] }],
      entities: nasty.map((name, i) => entity(`organization/${name}`, 'Organization', name, [[docId, i, i + 1]], { aliases: [nasty[(i + 1) % nasty.length]] })),
      relations: [relation('MEMBER_OF', `organization/${nasty[0]}`, `organization/${nasty[1]}`, [[docId, nasty[3] + nasty[6], 0, 10, 0.5]])],
    });
    await store.loadGraph(g);
    await store.loadGraph(g);
    const back = normalize(await store.readGraph());
    expect(back).toEqual(normalize(g));
    expect((await query(store, 'MATCH (x:Evil) RETURN x')).length).toBe(0);
    // Cypher finds each by its exact name (over-long ones by the verbatim fullName beside the indexed prefix).
    for (const name of nasty) {
      const rows = await query<{ n: number }>(store, 'MATCH (e:Entity) WHERE e.name = $name OR e.fullName = $name RETURN count(e) AS n', { name });
      expect(rows[0].n).toBe(1);
    }
    expect((await store.counts()).documents).toBe(1);
  });
});

describe('sliceByDocument', () => {
  it('gives each document its mentions, the ends of its relationships, and its provenance only', () => {
    const slices = sliceByDocument(sample());
    const a = slices.find((s) => s.document.id === 'a.txt')!;
    const b = slices.find((s) => s.document.id === 'b.txt')!;
    expect(a.mentions.map((m) => m.id).sort()).toEqual(['agreement/openai-k-aisi-mou', 'company/openai', 'institute/k-aisi', 'location/seoul']);
    // b.txt states SIGNED (OpenAI -> MoU) without naming the MoU by offsets: the MoU still gets a MENTIONS edge.
    expect(b.mentions.find((m) => m.id === 'agreement/openai-k-aisi-mou')).toMatchObject({ id: 'agreement/openai-k-aisi-mou', starts: [], ends: [] });
    expect(b.relations.get('SIGNED')!.map((r) => r.docs)).toEqual([['b.txt']]);
  });
});
