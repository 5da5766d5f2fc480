// `npm run bench`: throughput, scaling and memory, one JSON object per line
// and figure: {"name","value","unit","docs","cores"}. Names carry the corpus
// size (.n100, .n1000, .nall) where a figure is measured at several sizes;
// the headline names (extract.words_per_s.1core, ...) repeat the figure on
// the whole corpus. Corpus: ../shared/data/news-corpus (or $KG_SHARED).
//   usage: npm run bench [-- --sizes 100,1000,all] [--no-neo4j] [--load-docs 1000,5000] [--refresh-docs 1000]
//          [--long-mb 1,2,4,8 | --no-long-docs] [--memory-docs 1000,10000 | --no-memory]
// --memory-docs 1000,10000,50000 adds the 50k point of the memory figures (a
// whole run of 50,000 documents into Neo4j: half an hour or more on 2 cores).
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import path from 'node:path';
import { CORES, corpusLines, emit, ROOT, type Figure } from './common.ts';
import { benchLoad, benchRefresh, openBenchGraph } from './graph.ts';

const args = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1]! : fallback;
};
const all = corpusLines().length;
const sizes = opt('--sizes', '100,1000,all')
  .split(',')
  .map((s) => (s === 'all' ? all : Number(s)));

// Other work on the machine skews every figure: say how busy it was.
emit({ name: 'machine.loadavg_1min.start', value: loadavg()[0]!, unit: 'load', docs: 0, cores: CORES });
const figures: Figure[] = [];
for (const n of sizes) {
  // Each size in a fresh process: peak RSS is that size's, caches start cold.
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'extract.ts'), String(n)], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 26,
  });
  for (const line of out.split('\n').filter(Boolean)) {
    process.stdout.write(line + '\n');
    figures.push(JSON.parse(line) as Figure);
  }
}

const at = (name: string, n: number) => figures.find((f) => f.name === name && f.docs === n);
const largest = Math.max(...sizes);
const smallest = Math.min(...sizes);
const label = (n: number) => (n >= all ? 'nall' : `n${n}`);
// Headline figures: the whole corpus (the largest size run).
for (const name of [
  'extract.words_per_s.1core',
  'extract.words_per_s.all_cores',
  'extract.words_per_s.1thread',
  'extract.cpu_s.1core',
  'extract.cpu_s.all_cores',
  'baseline.compromise.words_per_s',
  'baseline.compromise.words_per_s.1thread',
  'clean_extract.words_per_s.1thread',
  'clean_extract.words_per_s.all_cores',
]) {
  const f = figures.find((x) => x.name === `${name}.${label(largest)}`);
  if (f) emit({ ...f, name });
}
const one = at(`extract.words_per_s.1core.${label(largest)}`, largest);
const many = at(`extract.words_per_s.all_cores.${label(largest)}`, largest);
const base = at(`baseline.compromise.words_per_s.${label(largest)}`, largest);
if (one && many && base) {
  emit({ name: 'ratio.extract_vs_baseline.1core', value: one.value / base.value, unit: 'x', docs: largest, cores: 1 });
  emit({ name: 'ratio.all_cores_vs_1core', value: many.value / one.value, unit: 'x', docs: largest, cores: CORES });
  const thread = at(`extract.words_per_s.1thread.${label(largest)}`, largest);
  if (thread) emit({ name: 'ratio.all_cores_vs_1thread', value: many.value / thread.value, unit: 'x', docs: largest, cores: CORES });
}
// Memory: the marginal peak RSS per 1,000 documents between the smallest and largest size.
const rssSmall = at(`rss.peak_mb.${label(smallest)}`, smallest);
const rssLarge = at(`rss.peak_mb.${label(largest)}`, largest);
if (rssSmall && rssLarge && largest > smallest) {
  emit({ name: 'rss.mb_per_1000_docs', value: (rssLarge.value - rssSmall.value) / ((largest - smallest) / 1000), unit: 'MB', docs: largest, cores: 1 });
}
// Linearity: seconds per 1,000 documents at each size (flat = linear).
for (const n of sizes) {
  const s = at(`extract.s.1core.${label(n)}`, n);
  if (s) emit({ name: `scaling.extract_s_per_1000_docs.${label(n)}`, value: s.value / (n / 1000), unit: 's', docs: n, cores: 1 });
}

// One long document, 1 to 8 MB: extraction time per doubling of its size (bench/long-docs.ts).
if (!args.includes('--no-long-docs')) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'long-docs.ts'), '--mb', opt('--long-mb', '1,2,4,8')], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  process.stdout.write(out);
}

if (!args.includes('--no-neo4j')) {
  const { store, stop } = await openBenchGraph();
  try {
    const loadSizes = opt('--load-docs', '1000,5000').split(',').map(Number);
    for (const [i, n] of loadSizes.entries()) await benchLoad(store, n, i === 0);
    await benchRefresh(store, Number(opt('--refresh-docs', '1000')));
    // Peak RSS of whole runs (bench/memory.ts): flat with the corpus size, documents streaming in chunks.
    if (!args.includes('--no-memory')) {
      const memSizes = opt('--memory-docs', '1000,10000');
      const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'bench', 'memory.ts'), '--sizes', memSizes], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      process.stdout.write(out);
      const peaks = out
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Figure)
        .filter((f) => f.name.startsWith('run.rss_peak_mb.chunked.'));
      const [first, last] = [peaks[0], peaks.at(-1)];
      if (first && last && last.docs > first.docs) {
        emit({
          name: 'run.rss_mb_per_10000_docs',
          value: (last.value - first.value) / ((last.docs - first.docs) / 10000),
          unit: 'MB',
          docs: last.docs,
          cores: CORES,
        });
      }
    }
    emit({ name: 'machine.loadavg_1min.end', value: loadavg()[0]!, unit: 'load', docs: 0, cores: CORES });
  } finally {
    await store.close();
    await stop();
  }
}
