// Composes the pure stages over many documents: read -> clean -> extract,
// with bounded concurrency, collecting per-document failures instead of
// stopping the run.
import PQueue from 'p-queue';
import { cleanDocument } from '../clean/index.ts';
import { extractDocument } from '../extract/index.ts';
import { readInputs, type InputFailure } from '../ingest/index.ts';
import type { DocumentExtraction, RawDocument } from '../model/schemas.ts';

export type DocumentFailure = InputFailure;

export interface ExtractRun {
  extractions: DocumentExtraction[];
  failures: DocumentFailure[];
  warnings: Array<{ source: string; warning: string }>;
}

export interface ExtractOptions {
  concurrency?: number;
  /** Called once per document, done or failed, for progress display. */
  onDocument?: (source: string, ok: boolean) => void;
}

export function processDocument(raw: RawDocument): DocumentExtraction {
  return extractDocument(cleanDocument(raw));
}

export async function extractPaths(paths: string[], options: ExtractOptions = {}): Promise<ExtractRun> {
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  const run: ExtractRun = { extractions: [], failures: [], warnings: [] };
  for await (const item of readInputs(paths)) {
    if (!item.ok) {
      run.failures.push(item.failure);
      options.onDocument?.(item.failure.source, false);
      continue;
    }
    const raw = item.doc;
    void queue.add(async () => {
      try {
        const extraction = processDocument(raw);
        run.extractions.push(extraction);
        for (const w of extraction.document.warnings) run.warnings.push({ source: raw.source, warning: w });
        options.onDocument?.(raw.source, true);
      } catch (err) {
        run.failures.push({ source: raw.source, error: (err as Error).message });
        options.onDocument?.(raw.source, false);
      }
    });
  }
  await queue.onIdle();
  // Completion order varies with concurrency; output must not.
  run.extractions.sort((a, b) => a.document.id.localeCompare(b.document.id));
  return run;
}
