// The loader's statement parameters (src/load/index.ts): rows name their
// slice of flat provenance columns; the slices must give back each row's own
// entries, in order, and the confidence a new relationship takes.
import { describe, expect, it } from 'vitest';
import { mentionColumns, relationColumns } from '../src/load/index.ts';
import { REL } from '../src/load/cypher.ts';

const row = (source: string, target: string, docs: string[], starts: number[]) => ({
  source,
  target,
  date: null,
  role: null,
  docs,
  sentences: starts.map((s) => `sentence at ${s}`),
  starts,
  ends: starts.map((s) => s + 10),
  confidences: starts.map((s) => s / 1000),
  methods: starts.map((s) => (s % 2 ? 'sentence' : 'table')),
});

describe('loader parameters as columns', () => {
  it('gives each relationship row its own provenance entries back through its slice', () => {
    const rows = [row('a', 'b', ['d1'], [5]), row('a', 'c', ['d1', 'd2', 'd2'], [7, 300, 450]), row('b', 'c', ['d3'], [0])];
    const p = relationColumns(rows) as {
      rows: unknown[][];
      docs: string[];
      sentences: string[];
      starts: number[];
      ends: number[];
      confidences: number[];
      methods: string[];
    };
    expect(p.docs).toHaveLength(5);
    rows.forEach((r, i) => {
      const [from, to] = [p.rows[i]![REL.from] as number, p.rows[i]![REL.to] as number];
      expect([p.rows[i]![REL.source], p.rows[i]![REL.target]]).toEqual([r.source, r.target]);
      expect(p.docs.slice(from, to)).toEqual(r.docs);
      expect(p.sentences.slice(from, to)).toEqual(r.sentences);
      expect(p.starts.slice(from, to)).toEqual(r.starts);
      expect(p.ends.slice(from, to)).toEqual(r.ends);
      expect(p.confidences.slice(from, to)).toEqual(r.confidences);
      expect(p.methods.slice(from, to)).toEqual(r.methods);
      expect(p.rows[i]![REL.confidence]).toBe(Math.max(...r.confidences));
    });
    expect(relationColumns([])).toEqual({ rows: [], docs: [], sentences: [], starts: [], ends: [], confidences: [], methods: [] });
  });

  it('gives each MENTIONS row its own offsets back', () => {
    const mentions = [
      { doc: 'd1', id: 'e1', starts: [1, 20], ends: [5, 25] },
      { doc: 'd1', id: 'e2', starts: [40], ends: [44] },
    ];
    const p = mentionColumns(mentions) as { rows: Array<[string, string, number, number]>; starts: number[]; ends: number[] };
    expect(p.rows.map(([doc, id]) => [doc, id])).toEqual([
      ['d1', 'e1'],
      ['d1', 'e2'],
    ]);
    mentions.forEach((m, i) => {
      const [, , from, to] = p.rows[i]!;
      expect(p.starts.slice(from, to)).toEqual(m.starts);
      expect(p.ends.slice(from, to)).toEqual(m.ends);
    });
  });
});
