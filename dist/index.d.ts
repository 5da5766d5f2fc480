import type { Driver } from 'neo4j-driver';
import { type GraphCounts, type WriteResult } from './load/index.ts';
import { Graph, RawDocument, type DocumentExtraction } from './model/schemas.ts';
import { type KnownEntity } from './resolve/index.ts';
export { cleanDocument } from './clean/index.ts';
export { extractDocument } from './extract/index.ts';
export { readInputs, type InputItem, type ReadOptions } from './ingest/index.ts';
export { GraphStore, type GraphCounts, type WriteResult } from './load/index.ts';
export { fingerprint, planCopies, type CopyPlan, type Fingerprint } from './pipeline/duplicates.ts';
export { resolveGraph, type KnownEntity } from './resolve/index.ts';
export { CleanDocument, DocumentExtraction, ENTITY_TYPES, EntityType, Evidence, ExportDocument, Graph, GraphEntity, GraphRelation, RELATION_TYPES, RawDocument, RelationType, } from './model/schemas.ts';
/** A document as a caller has it: RawDocument with `source` defaulting to the id. */
export type DocumentInput = Omit<RawDocument, 'source'> & {
    source?: string;
};
export interface BuildResult {
    graph: Graph;
    /** Documents that could not be cleaned or extracted, with the reason; the rest are in the graph. */
    failures: Array<{
        id: string;
        error: string;
    }>;
    /** Syndicated copies left out (their first copy's facts count once): copy id -> first copy id. */
    copies: Map<string, string>;
}
/** clean -> extract on one document (throws with the reason when it cannot). */
export declare function processDocument(doc: DocumentInput): DocumentExtraction;
/**
 * clean -> extract -> resolve over documents in memory: the graph `kg extract`
 * prints, as an object. `known`: entities the target graph already holds, so
 * new documents reuse their ids.
 */
export declare function buildGraphDetailed(docs: DocumentInput[], known?: KnownEntity[]): BuildResult;
/** clean -> extract -> resolve over documents in memory; see buildGraphDetailed for failures and copies. */
export declare function buildGraph(docs: DocumentInput[], known?: KnownEntity[]): Graph;
export interface LoadOptions {
    /** Database name (default: the server's default database). */
    database?: string;
}
/**
 * Writes a graph through the caller's driver: schema first (idempotent), then
 * one transaction per batch of documents, each document's facts replacing its
 * earlier ones. The driver stays open. Returns per-document results and the
 * graph's counts afterwards.
 */
export declare function loadGraph(driver: Driver, graph: Graph, options?: LoadOptions): Promise<{
    written: WriteResult[];
    counts: GraphCounts;
}>;
/** The graph a Neo4j database holds, in the JSON export shape (what `kg export` prints). */
export declare function readGraph(driver: Driver, options?: LoadOptions): Promise<Graph>;
