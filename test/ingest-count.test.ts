// kg extract and kg eval count their inputs before reading them, so progress
// shows a total and the time left: the count must match what readInputs gives
// (documents and failures), for plain files, JSON Lines (gzipped too, blank
// lines skipped), an empty JSON Lines file and a missing path; and standard
// input, read once, is not counted.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { countInputs, readInputs } from '../src/ingest/index.ts';
import { Progress } from '../src/cli/progress.ts';

const line = (i: number) => JSON.stringify({ url: `https://example.org/news/${i}`, text: `The ministry published guidance number ${i}.` });

function corpus(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kg-count-'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'a.txt'), 'The United Kingdom and Japan signed a memorandum.\n');
  writeFileSync(path.join(dir, 'sub', 'b.html'), '<html><body><p>The summit was held in Seoul.</p></body></html>');
  writeFileSync(path.join(dir, 'feed.jsonl'), `${line(1)}\n\n${line(2)}\r\n   \n${line(3)}`); // no newline at the end
  writeFileSync(path.join(dir, 'feed2.jsonl.gz'), gzipSync(`${line(4)}\n${line(5)}\n`));
  writeFileSync(path.join(dir, 'empty.jsonl'), '\n\n');
  writeFileSync(path.join(dir, 'ignored.pdf'), 'not an input');
  return dir;
}

async function readCount(paths: string[]): Promise<number> {
  let n = 0;
  for await (const _ of readInputs(paths)) n++;
  return n;
}

describe('countInputs', () => {
  it('gives the number of items reading the paths gives', async () => {
    const dir = corpus();
    const paths = [dir, path.join(dir, 'missing.txt')];
    // a.txt, b.html, 3 + 2 JSON Lines records, empty.jsonl's failure, the missing path's failure
    expect(await countInputs(paths)).toBe(9);
    expect(await readCount(paths)).toBe(9);
  });

  it('does not count standard input', async () => {
    expect(await countInputs(['-', corpus()])).toBeNull();
  });
});

describe('Progress with a counted total', () => {
  it('shows the time left, and never more done than in all when the count fell short', () => {
    let t = 0;
    const lines: string[] = [];
    const p = new Progress({ label: 'kg extract', tty: false, intervalSeconds: 5, now: () => t, write: (l) => lines.push(l) });
    p.phase('extract', 4);
    for (let i = 0; i < 6; i++) {
      t += 3000;
      p.tick();
    }
    p.end();
    expect(lines).toEqual([
      'kg extract: extract 2/4 (50%), 0.33/s, 6 s left',
      'kg extract: extract 4/4 (100%), 0.33/s, 0 s left',
      'kg extract: extract 6/6 (100%), 0.33/s, 0 s left',
      'kg extract: extract done: 6 in 18.0 s (0.33/s)',
    ]);
  });
});
