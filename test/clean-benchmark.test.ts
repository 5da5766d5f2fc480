// Article-body F1 on the first 30 pages of the article-extraction benchmark
// (shared/data, real news pages), scored by the shared evaluator. The full
// 181-page figure: `npm run bench:clean`. Third-party data from ../shared:
// runs whenever it is there, always in CI (its absence fails the run), and
// elsewhere reports that it was not run (test/shared-data.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect } from 'vitest';
import { cleanDocument } from '../src/clean/index.ts';
import { itWithShared } from './shared-data.ts';

itWithShared(
  'extracts article bodies of 30 benchmark pages with F1 >= 0.95',
  ['data/article-extraction-benchmark/ground-truth.json', 'eval/article-body-f1.mjs'],
  (shared) => {
    const dataDir = path.join(shared, 'data/article-extraction-benchmark');
    const truth = JSON.parse(readFileSync(path.join(dataDir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
    const ids = Object.keys(truth).slice(0, 30);
    const pred: Record<string, { articleBody: string }> = {};
    for (const id of ids) {
      const body = gunzipSync(readFileSync(path.join(dataDir, 'html', `${id}.html.gz`))).toString('utf8');
      pred[id] = { articleBody: cleanDocument({ id, source: id, format: 'html', body, url: truth[id].url }).text };
    }
    const tmp = mkdtempSync(path.join(tmpdir(), 'kg-f1-'));
    writeFileSync(path.join(tmp, 'truth.json'), JSON.stringify(Object.fromEntries(ids.map((id) => [id, truth[id]]))));
    writeFileSync(path.join(tmp, 'pred.json'), JSON.stringify(pred));
    const out = execFileSync(
      process.execPath,
      [path.join(shared, 'eval/article-body-f1.mjs'), '--truth', path.join(tmp, 'truth.json'), '--pred', path.join(tmp, 'pred.json')],
      { encoding: 'utf8' },
    );
    const f1 = Number(/F1 ([\d.]+)/.exec(out)?.[1]);
    expect(out).toMatch(/^pages 30 /);
    expect(f1).toBeGreaterThanOrEqual(0.95);
  },
  60_000,
);
