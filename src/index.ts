// The library API (the package's one entry point, `import ... from
// 'ai-governance-kg'`): the stages on documents in memory, and loading a
// graph into Neo4j through a driver the caller owns. Everything else under
// src/ is internal and may change between versions.
//
//   const graph = buildGraph([{ id: 'https://example.org/a', format: 'html', body: html }]);
//   await loadGraph(driver, graph);          // driver from neo4j-driver, created with { disableLosslessIntegers: true }
import type { Driver } from 'neo4j-driver';
import { cleanDocument } from './clean/index.ts';
import { extractDocument } from './extract/index.ts';
import { GraphStore, sliceByDocument, type GraphCounts, type WriteResult } from './load/index.ts';
import { Graph, RawDocument, type CleanDocument, type DocumentExtraction } from './model/schemas.ts';
import { planCopies } from './pipeline/duplicates.ts';
import { resolveGraph, type KnownEntity } from './resolve/index.ts';

export { cleanDocument } from './clean/index.ts';
export { extractDocument } from './extract/index.ts';
export { readInputs, type InputItem, type ReadOptions } from './ingest/index.ts';
export { GraphStore, type GraphCounts, type WriteResult } from './load/index.ts';
export { fingerprint, planCopies, type CopyPlan, type Fingerprint } from './pipeline/duplicates.ts';
export { resolveGraph, type KnownEntity } from './resolve/index.ts';
export {
  CleanDocument,
  DocumentExtraction,
  ENTITY_TYPES,
  EntityType,
  Evidence,
  ExportDocument,
  Graph,
  GraphEntity,
  GraphRelation,
  RELATION_TYPES,
  RawDocument,
  RelationType,
} from './model/schemas.ts';

/** A document as a caller has it: RawDocument with `source` defaulting to the id. */
export type DocumentInput = Omit<RawDocument, 'source'> & { source?: string };

export interface BuildResult {
  graph: Graph;
  /** Documents that could not be cleaned or extracted, with the reason; the rest are in the graph. */
  failures: Array<{ id: string; error: string }>;
  /** Syndicated copies left out (their first copy's facts count once): copy id -> first copy id. */
  copies: Map<string, string>;
}

/** clean -> extract on one document (throws with the reason when it cannot). */
export function processDocument(doc: DocumentInput): DocumentExtraction {
  return extractDocument(cleanDocument(RawDocument.parse({ ...doc, source: doc.source ?? doc.id })));
}

/**
 * clean -> extract -> resolve over documents in memory: the graph `kg extract`
 * prints, as an object. `known`: entities the target graph already holds, so
 * new documents reuse their ids.
 */
export function buildGraphDetailed(docs: DocumentInput[], known: KnownEntity[] = []): BuildResult {
  const failures: BuildResult['failures'] = [];
  const extractions: DocumentExtraction[] = [];
  for (const doc of docs) {
    try {
      extractions.push(processDocument(doc));
    } catch (err) {
      failures.push({ id: doc.id, error: (err as Error).message });
    }
  }
  const { copies } = planCopies(extractions.map((x) => x.document as CleanDocument));
  const graph = resolveGraph(
    extractions.filter((x) => !copies.has(x.document.id)),
    known,
  );
  return { graph, failures, copies };
}

/** clean -> extract -> resolve over documents in memory; see buildGraphDetailed for failures and copies. */
export function buildGraph(docs: DocumentInput[], known: KnownEntity[] = []): Graph {
  return buildGraphDetailed(docs, known).graph;
}

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
export async function loadGraph(driver: Driver, graph: Graph, options: LoadOptions = {}): Promise<{ written: WriteResult[]; counts: GraphCounts }> {
  const store = new GraphStore({ uri: 'driver', user: '', password: null, local: false, browserUrl: null, database: options.database }, { driver });
  try {
    await store.applySchema();
    const written: WriteResult[] = [];
    await store.writeInBatches(sliceByDocument(Graph.parse(graph)), {
      ingestedAt: new Date().toISOString(),
      onWritten: (results) => {
        written.push(...results);
      },
    });
    return { written, counts: await store.counts() };
  } finally {
    await store.close();
  }
}

/** The graph a Neo4j database holds, in the JSON export shape (what `kg export` prints). */
export async function readGraph(driver: Driver, options: LoadOptions = {}): Promise<Graph> {
  const store = new GraphStore({ uri: 'driver', user: '', password: null, local: false, browserUrl: null, database: options.database }, { driver });
  return store.readGraph();
}
