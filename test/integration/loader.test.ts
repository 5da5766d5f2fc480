// The loader on hand-made graphs: independent of what extraction finds.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GraphStore, schemaStatements, sliceByDocument } from '../../src/load/index.ts';
import { ENTITY_TYPES, Graph } from '../../src/model/schemas.ts';
import { doc, entity, normalize, openStore, query, relation, wipe } from './helpers.ts';

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
      entity('company/openai', 'Company', 'OpenAI', [['a.txt', 0, 6], ['b.txt', 16, 22]]),
      entity('institute/k-aisi', 'Institute', 'Korea AI Safety Institute', [['a.txt', 15, 40], ['a.txt', 42, 48], ['b.txt', 27, 33]], { aliases: ['K-AISI'], date: '2024-11' }),
      entity('agreement/openai-k-aisi-mou', 'Agreement', 'OpenAI–K-AISI MoU', [['a.txt', 59, 86]], { date: '2025-11' }),
      entity('location/seoul', 'Location', 'Seoul', [['a.txt', 90, 95]]),
      entity('summit/seoul', 'Summit', 'AI Seoul Summit', [['b.txt', 0, 3]], { date: '2024-05-21' }),
    ],
    relations: [
      relation('SIGNED', 'company/openai', 'agreement/openai-k-aisi-mou', [['a.txt', S1, 0, 96, 0.9], ['b.txt', S2, 0, 53, 0.6]], { date: '2025-11' }),
      relation('SIGNED', 'institute/k-aisi', 'agreement/openai-k-aisi-mou', [['a.txt', S1, 0, 96, 0.8]]),
      relation('HELD_IN', 'agreement/openai-k-aisi-mou', 'location/seoul', [['a.txt', S1, 0, 96, 0.7]]),
      relation('PARTNERED_WITH', 'institute/k-aisi', 'company/openai', [['a.txt', S1, 0, 96, 0.7]]),
      relation('PARTNERED_WITH', 'company/openai', 'institute/k-aisi', [['b.txt', S2, 0, 53, 0.5]]),
    ],
  });
}

describe('schema', () => {
  it('has a uniqueness constraint on id for every ontology label, Entity, Document, Run and Lock', async () => {
    const rows = await query<{ labels: string[]; properties: string[]; type: string }>(store,
      'SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties, type RETURN labels, properties, type');
    const unique = new Set(rows.filter((r) => r.type === 'UNIQUENESS' && r.properties.join() === 'id').map((r) => r.labels[0]));
    for (const label of [...ENTITY_TYPES, 'Entity', 'Document', 'Run', 'Lock']) expect(unique, label).toContain(label);
    const indexes = await query<{ labels: string[]; properties: string[] }>(store,
      "SHOW INDEXES YIELD labelsOrTypes AS labels, properties, type WHERE type = 'RANGE' RETURN labels, properties");
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
    const rows = await query<{ id: string; labels: string[]; p: Record<string, unknown> }>(store,
      'MATCH (e:Entity) RETURN e.id AS id, labels(e) AS labels, properties(e) AS p ORDER BY id');
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get('institute/k-aisi')!.labels.sort()).toEqual(['Entity', 'Institute']);
    expect(byId.get('institute/k-aisi')!.p).toMatchObject({ name: 'Korea AI Safety Institute', aliases: ['K-AISI'], type: 'Institute', established: '2024-11', date: '2024-11' });
    expect(byId.get('summit/seoul')!.p).toMatchObject({ startDate: '2024-05-21', date: '2024-05-21' });
    expect(byId.get('agreement/openai-k-aisi-mou')!.p).toMatchObject({ date: '2025-11' });
    expect(byId.get('company/openai')!.labels.sort()).toEqual(['Company', 'Entity']);
  });

  it('writes Documents with MENTIONS carrying offsets', async () => {
    await store.loadGraph(sample());
    const [d] = await query<{ p: Record<string, unknown> }>(store, "MATCH (d:Document {id: 'a.txt'}) RETURN properties(d) AS p");
    expect(d.p).toMatchObject({ id: 'a.txt', source: 'a.txt', title: 'Title of a.txt', publishedAt: '2024-05-21', contentHash: 'hash-of-a.txt' });
    expect(typeof d.p.ingestedAt).toBe('string');
    const [m] = await query<{ starts: number[]; ends: number[] }>(store,
      "MATCH (:Document {id: 'a.txt'})-[m:MENTIONS]->(:Entity {id: 'institute/k-aisi'}) RETURN m.starts AS starts, m.ends AS ends");
    expect(m).toEqual({ starts: [15, 42], ends: [40, 48] });
  });

  it('keeps one relationship per fact, with one provenance entry per (document, sentence) and the max confidence', async () => {
    await store.loadGraph(sample());
    const rows = await query<Record<string, unknown>>(store,
      `MATCH (:Entity {id: 'company/openai'})-[r:SIGNED]->(:Agreement)
       RETURN r.documents AS documents, r.evidenceDocs AS docs, r.evidenceSentences AS sentences,
              r.evidenceStarts AS starts, r.evidenceEnds AS ends, r.confidence AS confidence, r.date AS date`);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual({ documents: ['a.txt', 'b.txt'], docs: ['a.txt', 'b.txt'], sentences: [S1, S2], starts: [0, 0], ends: [96, 53], confidence: 0.9, date: '2025-11' });
  });

  it('stores a symmetric PARTNERED_WITH once, whichever direction each document states', async () => {
    await store.loadGraph(sample());
    const rows = await query<{ n: number; docs: string[] }>(store,
      "MATCH (:Entity)-[r:PARTNERED_WITH]-(:Entity) WITH DISTINCT r RETURN count(r) AS n, collect(r.evidenceDocs)[0] AS docs");
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
    expect(known.find((k) => k.id === 'institute/k-aisi')).toEqual({ id: 'institute/k-aisi', type: 'Institute', name: 'Korea AI Safety Institute', aliases: ['K-AISI'], date: '2024-11' });
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
      entities: [
        entity('company/openai', 'Company', 'OpenAI', [['b.txt', 0, 6]]),
        entity('location/sf', 'Location', 'San Francisco', [['b.txt', 20, 33]]),
      ],
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
    const [r] = await query<{ c: number; docs: string[] }>(store,
      "MATCH (:Entity {id: 'company/openai'})-[r:SIGNED]->() RETURN r.confidence AS c, r.evidenceDocs AS docs");
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
    expect(b.mentions.find((m) => m.id === 'agreement/openai-k-aisi-mou')).toEqual({ id: 'agreement/openai-k-aisi-mou', starts: [], ends: [] });
    expect(b.relations.get('SIGNED')!.map((r) => r.docs)).toEqual([['b.txt']]);
  });
});
