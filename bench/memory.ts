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
const INSTITUTES = ['UK AI Safety Institute', 'US AI Safety Institute', 'Japan AI Safety Institute', 'Canadian AI Safety Institute'];
const AGREEMENTS = ['Seoul Declaration', 'Bletchley Declaration', 'Hiroshima AI Process'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'September', 'October', 'November'];
const TOPICS = [
  'frontier models',
  'chip exports',
  'evaluation methods',
  'open-weight models',
  'election security',
  'biosecurity risks',
  'compute thresholds',
  'incident reporting',
];
/**
 * Sentences a document is made of, with the document's own fillers. A
 * document takes four of them in an order of its own, so documents share
 * phrases as news on one beat does, not whole texts (the first corpus
 * repeated one template: every pair of documents shared half its
 * 5-word shingles, which no news corpus does).
 */
const SENTENCES: Array<(f: Record<string, string>) => string> = [
  (f) => `${f.person}, director of the ${f.body}, attended the ${f.summit} in ${f.month} ${f.year}.`,
  (f) => `The ${f.body} partnered with the ${f.institute} on ${f.topic}.`,
  (f) => `${f.person} said the council would publish a report on ${f.topic} with the ${f.institute} in ${f.year}.`,
  (f) => `Officials of the ${f.body} signed the ${f.agreement} after talks that ran late into the night.`,
  (f) => `A spokesperson for the ${f.body} declined to say how much the review of ${f.topic} would cost.`,
  (f) => `${f.person} told reporters that ${f.topic} would be on the agenda of the ${f.summit}.`,
  (f) => `Critics said the plan on ${f.topic} left too much to the ${f.institute} and too little to parliament.`,
  (f) => `The council's budget for ${f.year} sets aside ${f.amount} million for work on ${f.topic}.`,
];

/**
 * n documents of 60 to 90 words, each with a person and a body of its own and
 * known summits, institutes and agreements; every 25th is a syndicated copy of
 * an earlier one (another URL, a credit added).
 */
function corpusLines(n: number): string[] {
  const lines: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 25 === 24) {
      const of = i - 7;
      const text = `${texts[of]}\n\n(Example Wire)`;
      texts.push(text);
      lines.push(JSON.stringify({ url: `https://wire.example.net/story/${of}`, title: `Report ${of}`, text, publishedAt: '2024-06-01' }));
      continue;
    }
    const f: Record<string, string> = {
      person: `${word(i + 7)} ${word(i * 31 + 3)}`,
      body: `${word(i)} AI Safety Council`,
      summit: SUMMITS[i % 3]!,
      institute: INSTITUTES[(i >> 2) % INSTITUTES.length]!,
      agreement: AGREEMENTS[(i >> 3) % AGREEMENTS.length]!,
      month: MONTHS[(i * 7) % MONTHS.length]!,
      year: String(2023 + (i % 3)),
      topic: TOPICS[(i * 5) % TOPICS.length]!,
      amount: String(5 + ((i * 37) % 400)),
    };
    const picked: number[] = [0];
    for (let k = 1; picked.length < 4; k++) {
      const s = (i * 3 + k * (1 + 2 * (i % 4))) % SENTENCES.length; // an odd step visits every sentence
      if (!picked.includes(s)) picked.push(s);
    }
    // Words of its own, as every real article has (10 of them, lower case: no names).
    const own = Array.from({ length: 10 }, (_, k) => word(i * 97 + k * 7919 + 13).toLowerCase()).join(', ');
    const text = `${SENTENCES[picked[0]!]!(f)}\n\n${picked
      .slice(1)
      .map((s) => SENTENCES[s]!(f))
      .join(' ')} The annex lists ${own} among its keywords.`;
    texts.push(text);
    lines.push(JSON.stringify({ url: `https://example.org/memory/${i}`, title: `Report ${i}`, text, publishedAt: '2024-06-01' }));
  }
  return lines;
}

function corpus(n: number): string {
  mkdirSync(WORK, { recursive: true });
  const file = path.join(WORK, `memory-${n}.jsonl`);
  writeFileSync(file, corpusLines(n).join('\n') + '\n');
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
