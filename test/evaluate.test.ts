// kg eval's parts: calibration bands, the sources table of an annotated set,
// and a set fed as a scraper delivers it (publication dates from the table,
// documents mapped back to their files by URL). Texts of our own making.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePaths } from '../src/cli/commands/eval.ts';
import { calibrate, type Judged } from '../src/evaluate/index.ts';
import { fileNamer, parseSources, pickHalf, scraperLines } from '../src/evaluate/sources.ts';

describe('calibration', () => {
  it('gives precision per band and for everything at or above each band', () => {
    const judged: Judged[] = [
      [0.62, false, 'SIGNED'],
      [0.7, true, 'BASED_IN'],
      [0.72, true, 'SIGNED'],
      [0.9, true, 'HELD_IN'],
      [0.95, false, 'SIGNED'],
    ];
    const bands = calibrate(judged, 10, [0, 0.7, 0.9, 1.0001]);
    expect(bands.map((b) => [b.from, b.tp, b.fp])).toEqual([
      [0, 0, 1],
      [0.7, 2, 0],
      [0.9, 1, 1],
    ]);
    expect(bands[1]!.precision).toBe(1);
    expect(bands[1]!.atLeast).toEqual({ tp: 3, fp: 1, precision: 0.75, recall: 0.3 });
    expect(bands[2]!.byType).toEqual({ HELD_IN: { tp: 1, fp: 0 }, SIGNED: { tp: 0, fp: 1 } });
  });
  it('leaves out empty bands', () => {
    expect(calibrate([[0.8, true, 'PART_OF']], 1, [0, 0.5, 0.7, 1.0001]).map((b) => b.from)).toEqual([0.7]);
  });
});

describe('the sources table of an annotated set', () => {
  const tsv =
    'file\turl\ttitle\tpublishedAt\na.txt\thttps://example.org/a?utm_source=x\tA title\t2025-03-12\nb.txt\thttps://example.org/b\t\t\nc.txt\thttps://example.org/c\t\t2025-03\n';
  it('reads rows with empty fields as null and rejects a row without a url', () => {
    expect(parseSources(tsv)[1]).toEqual({ file: 'b.txt', url: 'https://example.org/b', title: null, publishedAt: null });
    expect(() => parseSources('file\turl\nx.txt\t\n')).toThrow(/line 2/);
  });
  it('splits a set into odd and even rows as the development corpus is split', () => {
    const rows = parseSources(tsv);
    expect(pickHalf(rows, 'odd').map((r) => r.file)).toEqual(['a.txt', 'c.txt']);
    expect(pickHalf(rows, 'even').map((r) => r.file)).toEqual(['b.txt']);
  });
  it('maps a document back to its file by any spelling of its URL', () => {
    const name = fileNamer(parseSources(tsv));
    expect(name({ url: 'https://example.org/a', id: 'x', source: 'set.jsonl#1' })).toBe('a.txt');
    expect(name({ url: null, id: 'https://example.org/b', source: 'set.jsonl#2' })).toBe('b.txt');
    expect(name({ url: null, id: 'other', source: '/docs/d.txt' })).toBe('d.txt');
  });
});

describe('kg eval on a set fed as a scraper delivers it', () => {
  it('takes publication dates from the sources table and maps documents to gold by URL', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kg-evalset-'));
    mkdirSync(path.join(dir, 'docs'));
    mkdirSync(path.join(dir, 'gold'));
    // 2025-03-12 is a Wednesday: "on Monday" is 2025-03-10 only when the publication date reaches the text.
    writeFileSync(path.join(dir, 'docs', 'x1.txt'), 'The Lagos AI Summit opened on Monday in Lagos, Nigeria, with ministers from twelve countries.\n');
    writeFileSync(path.join(dir, 'docs', 'x2.txt'), 'The Nairobi AI Summit opened in Nairobi, Kenya, with ministers from nine countries.\n');
    writeFileSync(
      path.join(dir, 'sources.tsv'),
      'file\turl\ttitle\tpublishedAt\nx1.txt\thttps://example.org/news/1\t\t2025-03-12\nx2.txt\thttps://example.org/news/2\t\t2025-03-12\n',
    );
    const gold = (doc: string, name: string, date: string | null) =>
      JSON.stringify({
        doc,
        entities: [
          { key: 's', type: 'Summit', name, date },
          { key: 'k', type: 'Location', name: name.split(' ')[0] },
        ],
        relations: [{ s: 's', p: 'HELD_IN', o: 'k' }],
      });
    writeFileSync(path.join(dir, 'gold', 'x1.txt.json'), gold('x1.txt', 'Lagos AI Summit', '2025-03-10'));
    writeFileSync(path.join(dir, 'gold', 'x2.txt.json'), gold('x2.txt', 'Nairobi AI Summit', null));

    const { report, failures, absent: absentAll } = await evaluatePaths([path.join(dir, 'docs')], { gold: path.join(dir, 'gold') });
    expect(failures).toEqual([]);
    expect(report.misses.filter((m) => m.includes('entity'))).toEqual([]);
    expect(report.dates).toMatchObject({ right: 1, total: 1 });
    expect(report.calibration.reduce((n, b) => n + b.tp + b.fp, 0)).toBe(report.relations.tp + report.relations.fp);

    expect(absentAll).toEqual([]);
    const odd = await evaluatePaths([path.join(dir, 'docs')], { gold: path.join(dir, 'gold'), half: 'odd' });
    expect(odd.report.entities.tp + odd.report.entities.fn).toBe(2);
    // One document given, both gold files kept: the other's annotations count as misses, and are named.
    const one = await evaluatePaths([path.join(dir, 'docs', 'x1.txt')], { gold: path.join(dir, 'gold') });
    expect(one.absent).toEqual(['x2.txt']);
  }, 60_000);
  it('writes the scraper lines score-set.sh writes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kg-evalset-'));
    writeFileSync(path.join(dir, 'a.txt'), 'Body.');
    expect(JSON.parse(scraperLines([{ file: 'a.txt', url: 'https://e.org/a', title: null, publishedAt: '2025-01' }], dir))).toEqual({
      url: 'https://e.org/a',
      publishedAt: '2025-01',
      text: 'Body.',
    });
  });
});
