// One thread of the extraction pool (see pool.ts): receives documents, runs
// the pure stages on them, posts the results back. Same functions as the
// in-process path, so the output is the same.
import { parentPort } from 'node:worker_threads';
import { cleanDocument } from '../clean/index.ts';
import { extractDocument } from '../extract/index.ts';
import type { CleanDocument, RawDocument } from '../model/schemas.ts';
import type { PoolRequest, PoolResponse } from './pool.ts';

if (!parentPort) throw new Error('src/pipeline/worker.ts runs only as a worker thread');
const port = parentPort;

port.on('message', (req: PoolRequest) => {
  let res: PoolResponse;
  try {
    const value =
      req.task === 'extract' ? extractDocument(req.doc as CleanDocument)
      : req.task === 'clean' ? cleanDocument(req.doc as RawDocument)
      : extractDocument(cleanDocument(req.doc as RawDocument));
    res = { id: req.id, ok: true, value };
  } catch (err) {
    res = { id: req.id, ok: false, error: (err as Error)?.message ?? String(err) };
  }
  port.postMessage(res);
});
port.postMessage({ id: -1, ok: true, value: null } satisfies PoolResponse);
