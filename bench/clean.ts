// Article-body F1 of the HTML cleaner on the article-extraction benchmark
// (../shared/data/article-extraction-benchmark, 181 real pages), scored by the
// shared evaluator. usage: npm run bench:clean [-- --limit N] [--out pred.json] [--verbose]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cleanDocument } from '../src/clean/index.ts';

const args = process.argv.slice(2);
const opt = (n: string): string | undefined => {
  const i = args.indexOf(n);
  return i >= 0 ? args[i + 1] : undefined;
};
const shared = process.env.KG_SHARED ?? path.resolve(import.meta.dirname, '../../shared');
const dataDir = path.join(shared, 'data/article-extraction-benchmark');
const scorer = path.join(shared, 'eval/article-body-f1.mjs');
if (!existsSync(dataDir)) {
  console.error(`bench: no benchmark data at ${dataDir} (set KG_SHARED)`);
  process.exit(2);
}

const truth = JSON.parse(readFileSync(path.join(dataDir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
const ids = Object.keys(truth).slice(0, Number(opt('--limit') ?? Infinity));
const pred: Record<string, { articleBody: string }> = {};
let bytes = 0,
  ms = 0;
for (const id of ids) {
  const html = gunzipSync(readFileSync(path.join(dataDir, 'html', `${id}.html.gz`))).toString('utf8');
  bytes += html.length;
  const t0 = performance.now();
  const doc = cleanDocument({ id, source: `${id}.html`, format: 'html', body: html, url: truth[id].url });
  ms += performance.now() - t0;
  pred[id] = { articleBody: doc.text };
}
const dir = mkdtempSync(path.join(tmpdir(), 'kg-bench-'));
const truthFile = path.join(dir, 'truth.json');
writeFileSync(truthFile, JSON.stringify(Object.fromEntries(ids.map((id) => [id, truth[id]]))));
const predFile = opt('--out') ?? path.join(dir, 'pred.json');
writeFileSync(predFile, JSON.stringify(pred));
const out = execFileSync(process.execPath, [scorer, '--truth', truthFile, '--pred', predFile, ...(args.includes('--verbose') ? ['--verbose'] : [])], {
  encoding: 'utf8',
});
process.stdout.write(out);
console.log(
  `cleaned ${ids.length} pages, ${(bytes / 1e6).toFixed(1)} MB of HTML in ${(ms / 1000).toFixed(2)} s (${(bytes / 1e6 / (ms / 1000)).toFixed(1)} MB/s)`,
);
