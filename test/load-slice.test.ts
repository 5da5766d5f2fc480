// Cutting a resolved graph into per-document write units (src/load/slice.ts)
// and combining units into a batch's rows: what each document says, once.
import { describe, expect, it } from 'vitest';
import { batchRows, sliceByDocument } from '../src/load/slice.ts';
import { Graph } from '../src/model/schemas.ts';

const doc = (id: string) => ({ id, source: `${id}.txt`, url: null, title: id, publishedAt: null, contentHash: `h-${id}` });
const entity = (id: string, type: 'Country' | 'Institute', mentions: Array<[string, number, number]>) => ({
  id,
  type,
  name: id.split('/')[1]!,
  aliases: [],
  date: null,
  mentions: mentions.map(([d, start, end]) => ({ doc: d, start, end })),
});
const evidence = (d: string, start: number, confidence = 0.8) => ({ doc: d, sentence: `sentence ${d}@${start}`, start, end: start + 20, confidence });

const graph = () =>
  Graph.parse({
    documents: [doc('d1'), doc('d2'), doc('d1')],
    entities: [
      entity('country/uk', 'Country', [
        ['d1', 50, 52],
        ['d1', 0, 2],
        ['d1', 50, 52],
        ['d2', 7, 9],
      ]),
      entity('country/us', 'Country', [['d2', 30, 32]]),
      entity('institute/aisi', 'Institute', []),
    ],
    relations: [
      {
        type: 'PARTNERED_WITH',
        source: 'country/us',
        target: 'country/uk',
        date: null,
        role: null,
        confidence: 0.9,
        evidence: [evidence('d1', 100, 0.6), evidence('d1', 100, 0.9), evidence('d2', 40)],
      },
      {
        type: 'MEMBER_OF',
        source: 'institute/aisi',
        target: 'country/uk',
        date: '2024-05-21',
        role: 'founder',
        confidence: 0.7,
        evidence: [evidence('d2', 200)],
      },
      { type: 'MEMBER_OF', source: 'country/uk', target: 'nowhere/x', date: null, role: null, confidence: 0.7, evidence: [evidence('d1', 300)] },
    ],
  });

describe('sliceByDocument', () => {
  const [d1, d2] = sliceByDocument(graph());

  it('gives one unit per document, the first of a repeated id', () => {
    expect(sliceByDocument(graph()).map((f) => f.key)).toEqual(['d1', 'd2']);
  });

  it('keeps each mention span once, in order', () => {
    expect(d1!.mentions.find((m) => m.id === 'country/uk')).toEqual({ id: 'country/uk', starts: [0, 50], ends: [2, 52], forms: [] });
  });

  it('stores a symmetric relationship once per pair and a repeated span once, at its highest confidence', () => {
    const [row] = d1!.relations.get('PARTNERED_WITH')!;
    expect([row!.source, row!.target]).toEqual(['country/uk', 'country/us']);
    expect(row!.starts).toEqual([100]);
    expect(row!.confidences).toEqual([0.9]);
  });

  it('gives both ends of a stated relationship a MENTIONS edge, spans or not', () => {
    expect(d1!.mentions.map((m) => m.id).sort()).toEqual(['country/uk', 'country/us']);
    expect(d2!.mentions.find((m) => m.id === 'institute/aisi')).toEqual({ id: 'institute/aisi', starts: [], ends: [], forms: [] });
    expect(d2!.entities.get('Institute')!.map((e) => e.id)).toEqual(['institute/aisi']);
  });

  it('counts relationships whose end is not an entity as dangling, per document', () => {
    expect([d1!.dangling, d2!.dangling]).toEqual([1, 0]);
  });
});

describe('batchRows', () => {
  it('concatenates a relationship provenance in document order without changing the documents own rows', () => {
    const facts = sliceByDocument(graph());
    const before = JSON.stringify(facts, (_k, v) => (v instanceof Map ? [...v] : v));
    const rows = batchRows(facts);
    const [partnered] = rows.relations.get('PARTNERED_WITH')!;
    expect(partnered!.docs).toEqual(['d1', 'd2']);
    expect(partnered!.starts).toEqual([100, 40]);
    expect(rows.relations.get('MEMBER_OF')).toEqual([expect.objectContaining({ source: 'institute/aisi', date: '2024-05-21', role: 'founder', docs: ['d2'] })]);
    expect(rows.entityCount).toBe(3);
    expect(rows.mentions.map((m) => `${m.doc}:${m.id}`)).toEqual(['d1:country/uk', 'd1:country/us', 'd2:country/uk', 'd2:country/us', 'd2:institute/aisi']);
    expect(JSON.stringify(facts, (_k, v) => (v instanceof Map ? [...v] : v))).toBe(before);
  });

  it('refuses a document twice in one batch', () => {
    const [d1] = sliceByDocument(graph());
    expect(() => batchRows([d1!, d1!])).toThrow(/twice in one batch/);
  });
});

describe('names per document', () => {
  const forms = {
    byDocument: new Map([
      ['d1', new Map([['country/uk', ['Britain']]])],
      [
        'd2',
        new Map([
          ['country/uk', ['U.K.']],
          ['country/us', ['America']],
        ]),
      ],
    ]),
    base: new Map([['country/uk', ['United Kingdom']]]),
  };

  it('each MENTIONS carries the names its document gave the entity; the entity row only its registry aliases', () => {
    const [d1, d2] = sliceByDocument(graph(), forms);
    expect(d1!.mentions.map((m) => [m.id, m.forms])).toEqual([
      ['country/uk', ['Britain']],
      ['country/us', []],
    ]);
    expect(d2!.mentions.find((m) => m.id === 'country/uk')!.forms).toEqual(['U.K.']);
    expect(d1!.entities.get('Country')!.find((e) => e.id === 'country/uk')).toMatchObject({ aliases: ['United Kingdom'], base: ['United Kingdom'] });
  });

  it("a batch's entity row adds the names of the batch's documents only", () => {
    const [d1, d2] = sliceByDocument(graph(), forms);
    const uk = (rows: ReturnType<typeof batchRows>) => rows.entities.get('Country')!.find((e) => e.id === 'country/uk')!.aliases;
    expect(uk(batchRows([d1!]))).toEqual(['United Kingdom', 'Britain']);
    expect(uk(batchRows([d1!, d2!]))).toEqual(['United Kingdom', 'Britain', 'U.K.']);
    expect(d1!.entities.get('Country')!.find((e) => e.id === 'country/uk')!.aliases).toEqual(['United Kingdom']);
  });

  it('without names per document (a graph from a file), every document gives all the aliases', () => {
    const g = graph();
    g.entities[0]!.aliases = ['Britain'];
    const [d1] = sliceByDocument(g);
    expect(d1!.mentions.find((m) => m.id === 'country/uk')!.forms).toEqual(['Britain']);
  });
});
