// Peak memory of a whole `kg run` (read, clean, extract, resolve, write) at
// growing corpus sizes, synthetic documents: with documents streamed in
// chunks (the default) it should stay flat; `--whole` also measures the run
// holding the whole corpus at once (one chunk), for comparison.
//   usage: node --import tsx bench/memory.ts [--sizes 1000,10000,50000] [--whole]
// Needs the benchmark's Neo4j (as bench/graph.ts). Each size runs in a
// process of its own (bench/memory-run.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, WORK } from './common.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const sizes = opt('--sizes', '1000,10000,50000').split(',').map(Number);
const chunks = args.includes('--whole') ? ['default', 'all'] : ['default'];

/** A name from a number: distinct, capitalized, pronounceable ("Bakimo"). */
function word(n: number): string {
  const c = 'bdfgklmnprstvz';
  const v = 'aeiou';
  let s = '';
  do {
    s += c[n % c.length]! + v[Math.floor(n / c.length) % v.length]!;
    n = Math.floor(n / (c.length * v.length));
  } while (n > 0);
  return s[0]!.toUpperCase() + s.slice(1);
}

const SUMMITS = ['AI Seoul Summit', 'AI Action Summit', 'Bletchley Park AI Safety Summit'];
/** n documents of about 80 words, each with a person and a body of its own and known summits and institutes. */
function corpus(n: number): string {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `memory-${n}.jsonl`);
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const person = `${word(i + 7)} ${word(i * 31 + 3)}`;
    const body = `${word(i)} AI Safety Council`;
    const text =
      `${person}, director of the ${body}, attended the ${SUMMITS[i % 3]} in May 2024.\n\n` +
      `The ${body} partnered with the UK AI Safety Institute and signed the Seoul Declaration. ` +
      `${person} said the council would publish an evaluation of frontier models with the US AI Safety Institute in 2025.`;
    lines.push(JSON.stringify({ url: `https://example.org/memory/${i}`, title: `Report ${i}`, text, publishedAt: '2024-06-01' }));
  }
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

for (const n of sizes) {
  const file = corpus(n);
  for (const chunk of chunks) {
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'bench', 'memory-run.ts'), file, String(n), chunk === 'default' ? '2000' : 'all'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    process.stdout.write(out);
  }
}
