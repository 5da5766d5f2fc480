// One thread of the extraction pool (see pool.ts): receives batches of
// documents, runs the pure stages on each, posts the batch's results back in
// order, one outcome per document. Same functions as the in-process path, so
// the output is the same.
import { parentPort, workerData } from 'node:worker_threads';
import { cleanDocument } from '../clean/index.ts';
import { extractDocument } from '../extract/index.ts';
import { learnVerdicts, takeNewVerdicts } from '../extract/recognize.ts';
import type { CleanDocument, RawDocument } from '../model/schemas.ts';
import { type ExtractResult, type PoolRequest, type PoolResponse, type PoolResult, STAGE, type Stage, threadState } from './pool.ts';

if (!parentPort) throw new Error('src/pipeline/worker.ts runs only as a worker thread');
const port = parentPort;
// Which document this thread is on and since when, for the pool's time budget (see pool.ts).
const state = workerData?.state instanceof SharedArrayBuffer ? threadState(workerData.state) : null;

/**
 * Entities and relations of a document the caller already has. The document
 * itself comes back only if validation changed it, so the caller's copy
 * stands for it exactly (same keys, same order, same values).
 */
function extractOnly(doc: CleanDocument): ExtractResult {
  const x = extractDocument(doc);
  const same = JSON.stringify(x.document) === JSON.stringify(doc);
  return same ? { entities: x.entities, relations: x.relations } : x;
}

/** The stage this thread is at, for the budget's message (see pool.ts). */
function stage(s: Stage): void {
  if (state) Atomics.store(state.ints, 2, STAGE[s]);
}

function run(task: PoolRequest['task'], doc: RawDocument | CleanDocument): PoolResult {
  const t0 = performance.now();
  try {
    let value: unknown;
    if (task === 'extract') {
      stage('extracting');
      value = extractOnly(doc as CleanDocument);
    } else {
      stage('cleaning');
      value = cleanDocument(doc as RawDocument);
      if (task === 'process') {
        stage('extracting');
        value = extractDocument(value as CleanDocument);
      }
    }
    // The time spent, for the budget of a later trip of the same document (a clean, then its extract).
    return { ok: true, value, ms: Math.ceil(performance.now() - t0) };
  } catch (err) {
    return { ok: false, error: (err as Error)?.message ?? String(err) };
  }
}

// First-use costs (compromise's lexicon and tagger, the registry and its
// gazetteer, regex compilation, the JIT) are paid here, before the thread
// says it is ready, not on the first documents. The sample is built in, not
// taken from any corpus: the per-word caches it fills hold a few dozen words.
const WARM_SAMPLE: RawDocument = {
  id: 'warm-up',
  source: 'warm-up.txt',
  format: 'text',
  body: [
    'UK and France sign AI safety agreement',
    'On 1 November 2023, Prime Minister Rishi Sunak of the United Kingdom and President Emmanuel Macron signed a memorandum of understanding',
    'on artificial intelligence safety at the AI Safety Summit in Bletchley Park. The UK AI Safety Institute will work with the',
    'European Commission and the OECD on the EU AI Act and the Hiroshima Process, said Michelle Donelan, the Secretary of State.',
    'The two countries will partner on research, and Google DeepMind, OpenAI and Anthropic have joined the commitments.',
  ].join('\n'),
};
for (let i = 0; i < 3; i++) run('process', WARM_SAMPLE);
takeNewVerdicts(); // every thread has the sample's

port.on('message', (req: PoolRequest) => {
  if (req.verdicts) learnVerdicts(req.verdicts);
  const results = req.docs.map((doc, i) => {
    if (state) {
      state.since[0] = 0;
      Atomics.store(state.ints, 0, req.id);
      Atomics.store(state.ints, 1, i);
      state.since[0] = Date.now();
    }
    return run(req.task, doc);
  });
  if (state) state.since[0] = 0;
  port.postMessage({ id: req.id, results, verdicts: takeNewVerdicts() } satisfies PoolResponse);
});
port.postMessage({ id: -1, results: [] } satisfies PoolResponse);
