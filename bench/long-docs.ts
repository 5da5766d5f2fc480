// How extraction time grows with the length of one document: a single line of
// news sentences and one paragraph repeated, at 1, 2, 4 and 8 MB (the
// documents of issue 14, where a doubling cost about 4.6x and 5 MB took
// minutes). Cleaning and extraction in this thread, timed separately, after a
// warm-up on the seed articles; no time budget. Linear growth is a ratio of
// about 2 per doubling (`long_doc.growth_per_doubling.*`).
//   usage: node --import tsx bench/long-docs.ts [--mb 1,2,4,8]
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanDocument } from '../src/clean/index.ts';
import { extractDocument } from '../src/extract/index.ts';
import type { RawDocument } from '../src/model/schemas.ts';
import { emit, ROOT } from './common.ts';

const args = process.argv.slice(2);
const i = args.indexOf('--mb');
const sizes = (i >= 0 ? args[i + 1]! : '1,2,4,8').split(',').map(Number);

const seedDir = path.join(ROOT, 'seeds');
const seeds = readdirSync(seedDir)
  .sort()
  .map((f) => readFileSync(path.join(seedDir, f), 'utf8'));
const raw = (id: string, body: string): RawDocument => ({ id, source: id, format: 'text', body });
for (const [n, body] of seeds.entries()) extractDocument(cleanDocument(raw(`warm-${n}`, body)));

function repeated(unit: string, bytes: number, sep: string): string {
  return Array.from({ length: Math.ceil(bytes / (unit.length + sep.length)) }, () => unit)
    .join(sep)
    .slice(0, bytes);
}
const kinds = {
  // Every seed article's sentences, on one line.
  line: (bytes: number) => repeated(seeds.join(' ').replace(/\s+/g, ' '), bytes, ' '),
  // A paragraph of news repeated thousands of times.
  repeated: (bytes: number) => repeated(seeds[0]!.split('\n\n').find((p) => p.length > 200)!, bytes, '\n\n'),
};

for (const [kind, make] of Object.entries(kinds)) {
  const times: number[] = [];
  for (const mb of sizes) {
    const doc = raw(`${kind}-${mb}mb`, make(mb * 1024 * 1024));
    const t0 = performance.now();
    const clean = cleanDocument(doc);
    const t1 = performance.now();
    const x = extractDocument(clean);
    const t2 = performance.now();
    times.push((t2 - t1) / 1000);
    emit({ name: `long_doc.clean_s.${kind}.${mb}mb`, value: (t1 - t0) / 1000, unit: 's', docs: 1, cores: 1 });
    emit({ name: `long_doc.extract_s.${kind}.${mb}mb`, value: (t2 - t1) / 1000, unit: 's', docs: 1, cores: 1 });
    emit({ name: `long_doc.entities.${kind}.${mb}mb`, value: x.entities.length, unit: 'entities', docs: 1, cores: 1 });
  }
  // Geometric mean of the extraction time's growth per doubling of the size (2: linear).
  const doublings = Math.log2(sizes.at(-1)! / sizes[0]!);
  if (doublings > 0)
    emit({ name: `long_doc.growth_per_doubling.${kind}`, value: (times.at(-1)! / times[0]!) ** (1 / doublings), unit: 'x', docs: 1, cores: 1 });
}
