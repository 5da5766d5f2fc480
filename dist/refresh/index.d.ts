import { type ReadOptions } from '../ingest/index.ts';
import { Neo4jUnavailableError, type BatchLimits, type GraphStore, type WriteResult } from '../load/index.ts';
import { type RunRecord } from '../load/runs.ts';
import type { DocumentExtraction, ExportDocument } from '../model/schemas.ts';
import { type Workers } from '../pipeline/index.ts';
export type RunMode = 'full' | 'refresh';
export type DocumentStatus = 'new' | 'changed' | 'unchanged' | 'failed';
export type ProgressEvent = {
    phase: 'read';
    source: string;
    ok: boolean;
    error?: string;
} | {
    phase: 'plan';
    total: number;
    toExtract: number;
} | {
    phase: 'extract';
    id: string;
    ok: boolean;
} | {
    phase: 'write';
    id: string;
    done: number;
    total: number;
}
/** A syndicated copy, linked to its first copy instead of extracted. */
 | {
    phase: 'copy';
    id: string;
    of: string;
};
export interface RunOptions {
    paths: string[];
    /** How inputs are read (stdin's id, size cap). */
    read?: ReadOptions;
    mode: RunMode;
    concurrency?: number;
    pipeline?: string | null;
    onProgress?: (e: ProgressEvent) => void;
    /** Worker threads for extraction: a number (0 = this thread) or 'auto' (default: a pool once there are many documents, see extractCleaned). */
    workers?: Workers;
    /** Documents and rows per write transaction (default DEFAULT_BATCH: 200 documents, 10,000 rows). */
    batch?: BatchLimits;
    /** Documents read, extracted and written at a time (default DEFAULT_CHUNK_DOCS): what bounds the run's memory. */
    chunkDocs?: number;
    /** Called after each batch's transaction committed, with its documents (tests stop Neo4j here). */
    afterBatchWritten?: (results: WriteResult[]) => void | Promise<void>;
    /** Called for each document once its batch's transaction committed. */
    afterDocumentWritten?: (r: WriteResult) => void | Promise<void>;
}
export interface RunSummary {
    run: RunRecord;
    mode: RunMode;
    /** Per input document id. */
    documents: Map<string, DocumentStatus>;
    /** Documents extracted (0 on an unchanged corpus in refresh mode). */
    extracted: number;
    written: WriteResult[];
    seconds: number;
}
/**
 * Documents per chunk. Above the pool's threshold (AUTO_THRESHOLD.cleaned,
 * 1,000), so a chunk of a large corpus is extracted on all cores.
 */
export declare const DEFAULT_CHUNK_DOCS = 2000;
/** Gives each document of a resolved graph its warnings, for its Document node. */
export declare function withWarnings(documents: ExportDocument[], extractions: DocumentExtraction[]): void;
export declare function runPipeline(store: GraphStore, options: RunOptions): Promise<RunSummary>;
export interface RemoveSummary {
    run: RunRecord;
    removed: string[];
    missing: string[];
}
/** Retracts documents: their MENTIONS and provenance, and whatever only they supported. */
export declare function removeDocuments(store: GraphStore, ids: string[]): Promise<RemoveSummary>;
export { Neo4jUnavailableError };
