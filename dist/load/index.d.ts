import { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { Graph } from '../model/schemas.ts';
import type { KnownEntity } from '../resolve/index.ts';
import { type Connection } from '../server/index.ts';
import { type DocumentFacts, type RelationRow } from './slice.ts';
export { batchRows, sliceByDocument, type DocumentFacts, type RelationRow } from './slice.ts';
export declare const SCHEMA_FILE: string;
/** The statements of graph/schema.cypher (comments dropped). */
export declare function schemaStatements(file?: string): string[];
/** A write of a lock holder found the writer lock taken over by another writer: nothing of it was committed. */
export declare class LockLostError extends Error {
    constructor(owner: string);
}
/** The writer lock a store's writes are fenced with (see lock.ts). */
export interface Fence {
    lockId: string;
    owner: string;
    ttlMs: number;
}
export declare class Neo4jUnavailableError extends Error {
    constructor(uri: string, retrySeconds: number, cause: unknown);
}
export interface GraphCounts {
    documents: number;
    entities: Record<string, number>;
    relations: Record<string, number>;
    mentions: number;
    /** Provenance entries over all relationships. */
    provenance: number;
}
export declare const total: (byType: Record<string, number>) => number;
export interface WriteResult {
    id: string;
    entities: number;
    mentions: number;
    relations: number;
    dangling: number;
    /**
     * Entities deleted because no document mentions them any more, by the
     * document's transaction (a batch reports them on its first document, 0 on
     * the others, so the sum is right).
     */
    orphansDeleted: number;
}
/** How big a batch of documents (one transaction) may get. */
export interface BatchLimits {
    /** Documents per transaction (default 200). */
    maxDocs?: number;
    /** Relationship rows (provenance rows + MENTIONS) per transaction (default 10,000); a bigger document is a batch of its own. */
    maxRows?: number;
}
export interface BatchOptions extends BatchLimits {
    ingestedAt?: string;
    /** Before each transaction (also before the halves of a failed batch); throw to stop. */
    beforeBatch?: (batch: DocumentFacts[]) => void | Promise<void>;
    /** After each batch committed, with its documents' results (in order). */
    onWritten?: (results: WriteResult[], batch: DocumentFacts[]) => void | Promise<void>;
    /** A document that failed alone (not for Neo4j being unavailable); without it, the error is thrown. */
    onFailed?: (facts: DocumentFacts, err: unknown) => void | Promise<void>;
}
export declare const DEFAULT_BATCH: {
    readonly maxDocs: 200;
    readonly maxRows: 10000;
};
/**
 * Cuts documents into batches, in order: at most maxDocs documents and
 * maxRows relationship rows each, and never the same document twice (a
 * repeated one starts a new batch, so the later version wins as it would
 * written one by one).
 */
export declare function planBatches(facts: DocumentFacts[], limits?: BatchLimits): DocumentFacts[][];
export interface StoreOptions {
    /** How long the driver keeps retrying a transaction (ms); KG_NEO4J_RETRY_MS, default 30 s. */
    maxRetryTimeMs?: number;
    /**
     * A driver the caller made (the library API's loadGraph): used instead of
     * one of the store's own, and not closed by close(). Create it with
     * { disableLosslessIntegers: true }: the store reads counts as numbers.
     */
    driver?: Driver;
}
export declare class GraphStore {
    readonly connection: Connection;
    readonly driver: Driver;
    readonly retryMs: number;
    /** Set while this store's process holds the writer lock: every write transaction then checks and renews it first. */
    fence: Fence | null;
    /** False when the caller gave the driver (StoreOptions.driver): close() leaves it open. */
    private readonly ownsDriver;
    constructor(connection: Connection, options?: StoreOptions);
    /** Opens and checks the connection: fails with a clear message if unreachable or refused. */
    static open(connection: Connection, options?: StoreOptions): Promise<GraphStore>;
    close(): Promise<void>;
    session(mode?: 'READ' | 'WRITE'): Session;
    /** A write unit of work, retried by the driver; unreachable servers surface as Neo4jUnavailableError. */
    write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
    read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T>;
    private unitOfWork;
    /** One auto-commit attempt, no retries: for bookkeeping that must not hold a run up. */
    writeOnce(cypher: string, params?: Record<string, unknown>): Promise<number>;
    /** Applies graph/schema.cypher (idempotent: IF NOT EXISTS), then waits for its indexes. */
    applySchema(): Promise<void>;
    /** What resolution needs to reuse the graph's ids for a new document. */
    knownEntities(): Promise<KnownEntity[]>;
    /** contentHash of each of these documents that the graph holds. */
    documentHashes(ids: string[]): Promise<Map<string, string>>;
    /**
     * Replaces one document's facts: its MENTIONS and its provenance entries go,
     * relationships and entities nothing supports any more go, then what the
     * document says now is written. One transaction: all of it or nothing.
     * (A batch of one: see writeDocuments.)
     */
    writeDocument(facts: DocumentFacts, ingestedAt?: string): Promise<WriteResult>;
    /**
     * Replaces the facts of a batch of documents in ONE transaction (retried by
     * the driver): all of them are written or none. Each statement UNWINDs the
     * rows of every document of the batch:
     *   1. upsert the Document nodes (and collect what they mentioned before),
     *   2. retract their old provenance entries and their MENTIONS,
     *   3. write entities, MENTIONS and relationships with provenance,
     *   4. delete the relationships and the entities nothing supports or
     *      mentions now.
     * The result is that of writing the documents one after the other (see
     * batchRows). The documents' ids must be distinct.
     */
    writeDocuments(batch: DocumentFacts[], ingestedAt?: string): Promise<WriteResult[]>;
    /**
     * writeDocuments, skipping entity rows this sequence of batches already
     * wrote unchanged (`entitiesWritten`: id -> the row as written, updated
     * after each commit). Writing such a row again changes nothing (same
     * labels and properties; aliases and date are already merged), so only the
     * entities that can have been deleted since (the batch's orphan
     * candidates) are forgotten after each batch.
     */
    private writeBatch;
    /**
     * Writes documents in batches (BatchOptions), one transaction per batch,
     * in order. A batch the driver could not write after its retries for any
     * reason but Neo4j being unavailable is split in halves and written again,
     * down to single documents: a document that fails alone goes to onFailed
     * (or, without onFailed, the error is thrown); the others are written.
     * Neo4j unavailable: Neo4jUnavailableError is thrown (the batches written
     * before are complete, the failing one wrote nothing).
     */
    writeInBatches(facts: DocumentFacts[], options?: BatchOptions): Promise<WriteResult[]>;
    /** Writes a whole resolved Graph, in batches of documents (writeInBatches). */
    loadGraph(graph: Graph, options?: {
        onDocument?: (r: WriteResult) => void | Promise<void>;
        batch?: BatchLimits;
    }): Promise<WriteResult[]>;
    /** Retracts documents and everything only they support. Returns the ids that were in the graph. */
    removeDocument(docId: string): Promise<boolean>;
    counts(): Promise<GraphCounts>;
    /** The whole graph as the JSON export (what `kg export` prints). */
    readGraph(): Promise<Graph>;
}
/**
 * RELATION_UPSERT's parameters for these rows: one list per row (positions in
 * Q.REL) naming its slice of the flat provenance columns, and the
 * confidence a new relationship takes (the highest of its entries, 0.0 for
 * none).
 */
export declare function relationColumns(rows: RelationRow[]): Record<string, unknown[]>;
/** CREATE_MENTIONS_BATCH's parameters: rows [doc, entity, from, to, formsFrom, formsTo] over the flat $starts, $ends and $forms. */
export declare function mentionColumns(mentions: Array<{
    doc: string;
    id: string;
    starts: number[];
    ends: number[];
    forms?: string[];
}>): Record<string, unknown[]>;
