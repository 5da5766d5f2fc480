import { type InputFailure } from '../ingest/index.ts';
import { type BatchLimits, type GraphStore, type WriteResult } from '../load/index.ts';
import { type RunRecord } from '../load/runs.ts';
export declare const DOCUMENTS = "kg-documents";
export declare const EXTRACTIONS = "kg-extractions";
export interface EnqueueSummary {
    queued: number;
    failures: InputFailure[];
    /** What reading said about queued documents (decoding guessed, truncated); cleaning's come with the writer's Run. */
    warnings: Array<{
        source: string;
        warning: string;
    }>;
}
export declare function enqueuePaths(paths: string[], url?: string): Promise<EnqueueSummary>;
export interface WorkerOptions {
    /** Worker threads for clean+extract (0: in this thread). */
    threads?: number;
    /** Exit when the document queue is empty instead of waiting for more. */
    untilEmpty?: boolean;
    log?: (line: string) => void;
    /** Resolves to stop the worker: it finishes the documents it holds, or returns them to the queue after `graceMs`. */
    stop?: Promise<void>;
    /** How long a stopping worker waits for its current documents (default 5,000 ms; KG_WORKER_GRACE_MS). */
    graceMs?: number;
    /** How long Redis may be gone while the worker runs before it gives up (default 30,000 ms; KG_REDIS_GIVE_UP_MS). */
    giveUpMs?: number;
}
export interface WorkerSummary {
    extracted: number;
    failed: number;
}
/** The same message at most once per interval: a Redis that is gone is one line, not thousands. */
export declare function throttledLog(log: (line: string) => void, intervalMs?: number, now?: () => number): (line: string) => void;
export declare function runWorker(options?: WorkerOptions, url?: string): Promise<WorkerSummary>;
export interface WriterOptions {
    /** Extractions resolved and written together (default 500). */
    batch?: number;
    /** How long a started batch waits for more results (default 1,000 ms). */
    lingerMs?: number;
    /** Exit once both queues are empty (all enqueued documents written). */
    untilEmpty?: boolean;
    log?: (line: string) => void;
    stop?: Promise<void>;
    /** Documents and rows per write transaction (default: the loader's, 200 documents / 10,000 rows). */
    writeBatch?: BatchLimits;
    /** After each document, once its batch's transaction committed (tests). */
    afterDocumentWritten?: (r: WriteResult) => void | Promise<void>;
}
export interface WriterSummary {
    batches: number;
    written: number;
    failed: number;
    runs: RunRecord[];
}
/**
 * The one writer: takes finished extractions in batches, resolves each batch
 * against the entities the graph holds (as `kg refresh` does for new
 * documents) and writes them in batches of documents, one transaction per
 * batch (GraphStore.writeInBatches), under the graph's
 * writer lock, recorded as a Run of kind "queue".
 */
export declare function runWriter(store: GraphStore, options?: WriterOptions, url?: string): Promise<WriterSummary>;
