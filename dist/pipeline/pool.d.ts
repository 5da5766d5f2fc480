import { type WordVerdicts } from '../extract/verdicts.ts';
import type { CleanDocument, DocumentExtraction, LocalEntity, LocalRelation, RawDocument } from '../model/schemas.ts';
export type PoolTask = 'extract' | 'clean' | 'process';
/** `verdicts`: word verdicts the other threads parsed since this thread's last batch (see src/extract/verdicts.ts). */
export interface PoolRequest {
    id: number;
    task: PoolTask;
    docs: Array<RawDocument | CleanDocument>;
    verdicts?: WordVerdicts;
}
/** One document's outcome inside a batch. */
export type PoolResult = {
    ok: true;
    value: unknown;
} | {
    ok: false;
    error: string;
};
/** id -1: the thread is ready (results empty). */
export interface PoolResponse {
    id: number;
    results: PoolResult[];
    verdicts?: WordVerdicts;
}
/**
 * What an 'extract' task returns: entities and relations, plus the document
 * only when validation changed it (unknown keys dropped, keys reordered), so
 * the assembled extraction is exactly what extractDocument gives in-thread.
 */
export interface ExtractResult {
    document?: CleanDocument;
    entities: LocalEntity[];
    relations: LocalRelation[];
}
/** Outcome of one document of a batch call (extractMany, ...): the value or the error message. */
export type Settled<T> = {
    ok: true;
    value: T;
} | {
    ok: false;
    error: string;
};
/** Threads the machine can run at once (os.availableParallelism). */
export declare function defaultWorkers(): number;
/** Most documents in one message: ~25 ms of extraction, far above a message's cost. */
export declare const MAX_BATCH = 32;
export declare class ExtractPool {
    readonly size: number;
    private slots;
    private pending;
    private waiting;
    private head;
    private nextId;
    private closed;
    private dispatchScheduled;
    /** Messages sent to the threads and documents they carried (for tests and diagnostics). */
    readonly sent: {
        messages: number;
        documents: number;
    };
    constructor(size?: number);
    /** Starts the threads (else the first task does) and waits until each has loaded and warmed the stages. */
    start(): Promise<void>;
    /** Documents queued and not yet sent to a thread. */
    get queued(): number;
    extract(doc: CleanDocument): Promise<DocumentExtraction>;
    clean(doc: RawDocument): Promise<CleanDocument>;
    /** clean -> extract in one trip. */
    process(doc: RawDocument): Promise<DocumentExtraction>;
    /** extract over many documents; results in input order, each document's failure its own. */
    extractMany(docs: CleanDocument[]): Promise<Array<Settled<DocumentExtraction>>>;
    /** clean -> extract over many documents; results in input order, each document's failure its own. */
    processMany(docs: RawDocument[]): Promise<Array<Settled<DocumentExtraction>>>;
    close(): Promise<void>;
    private one;
    /** Queues one document; the promise never rejects: failures are results. */
    private settled;
    private spawn;
    private onMessage;
    /** A thread that crashed fails its documents and everything queued: the caller decides what next. */
    private onThreadDeath;
    private failWaiting;
    private dispatch;
}
