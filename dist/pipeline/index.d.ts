import { type InputFailure, type ReadOptions } from '../ingest/index.ts';
import type { CleanDocument, DocumentExtraction, RawDocument } from '../model/schemas.ts';
export { defaultWorkers, ExtractPool, MAX_BATCH } from './pool.ts';
export type DocumentFailure = InputFailure;
export interface ExtractRun {
    extractions: DocumentExtraction[];
    failures: DocumentFailure[];
    warnings: Array<{
        source: string;
        warning: string;
    }>;
    /** Worker threads used (0: extracted in this thread). */
    workers: number;
}
/**
 * How many worker threads: 0 = in this thread; a number = that many threads;
 * 'auto' (default) = one per core once a run has more documents than the
 * threshold: starting the threads (each loads tsx, compromise and the
 * registry) takes about 2 s on 2 cores, which one core spends on ~300
 * documents cleaned and extracted, or ~1,000 documents only extracted.
 */
export type Workers = number | 'auto';
export declare const AUTO_THRESHOLD: {
    raw: number;
    cleaned: number;
};
export interface ExtractOptions {
    /** Documents in flight in this thread when no pool is used. */
    concurrency?: number;
    workers?: Workers;
    /** How inputs are read (stdin's id, size cap); extractPaths only. */
    read?: ReadOptions;
    /** Called once per document, done or failed, for progress display. */
    onDocument?: (source: string, ok: boolean) => void;
}
export declare function processDocument(raw: RawDocument): DocumentExtraction;
/** Parses a --workers value: a non-negative integer or "auto". */
export declare function parseWorkers(value: string | undefined): Workers;
/** read -> clean -> extract over files and directories (what `kg extract` runs). */
export declare function extractPaths(paths: string[], options?: ExtractOptions): Promise<ExtractRun>;
/** extract over documents already cleaned (what a run does after comparing fingerprints). */
export declare function extractCleaned(docs: CleanDocument[], options?: ExtractOptions): Promise<ExtractRun>;
