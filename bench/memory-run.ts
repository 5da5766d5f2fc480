// One measured run for bench/memory.ts, in a process of its own so its peak
// RSS is the run's: `kg run` (runPipeline, mode full) of a JSONL corpus into
// the benchmark's Neo4j, emptied first. Prints one figure line.
//   usage: node --import tsx bench/memory-run.ts FILE DOCS CHUNK
import { runPipeline } from '../src/refresh/index.ts';
import { CORES, emit } from './common.ts';
import { openBenchGraph, wipe } from './graph.ts';

const [file, docsText, chunkText] = process.argv.slice(2);
const docs = Number(docsText);
const chunk = chunkText === 'all' ? Number.MAX_SAFE_INTEGER : Number(chunkText);
const { store, stop } = await openBenchGraph();
try {
  await store.applySchema();
  await wipe(store);
  const t0 = Date.now();
  // Peak RSS so far at each chunk's start, on stderr: how it moves along a long run (and what a run cut short reached).
  let read = 0;
  const r = await runPipeline(store, {
    paths: [file!],
    mode: 'full',
    chunkDocs: chunk,
    onProgress: (e) => {
      if (e.phase !== 'plan') return;
      read += e.total;
      const mb = (process.resourceUsage().maxRSS / 1024).toFixed(0);
      const now = (process.memoryUsage().rss / 1048576).toFixed(0);
      process.stderr.write(
        `memory-run: ${read} of ${docs} documents read, RSS ${now} MB, peak RSS so far ${mb} MB, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`,
      );
    },
  });
  if (r.run.new !== docs) throw new Error(`bench: expected ${docs} new documents, got ${r.run.new} (${r.run.errors[0] ?? ''})`);
  // bench/memory.ts makes every 25th document a syndicated copy of an earlier one.
  const copies = Math.floor((docs + 1) / 25);
  if (r.run.duplicates !== copies) throw new Error(`bench: expected ${copies} syndicated copies, found ${r.run.duplicates}`);
  const label = chunkText === 'all' ? 'whole' : 'chunked';
  emit({ name: `run.rss_peak_mb.${label}.n${docs}`, value: process.resourceUsage().maxRSS / 1024, unit: 'MB', docs, cores: CORES });
  emit({ name: `run.s.${label}.n${docs}`, value: (Date.now() - t0) / 1000, unit: 's', docs, cores: CORES });
} finally {
  await store.close();
  await stop();
}
