import { cleanDocument } from "./clean/index.js";
import { extractDocument } from "./extract/index.js";
import { GraphStore, sliceByDocument } from "./load/index.js";
import { Graph, RawDocument } from "./model/schemas.js";
import { planCopies } from "./pipeline/duplicates.js";
import { resolveGraph } from "./resolve/index.js";
export { cleanDocument } from "./clean/index.js";
export { extractDocument } from "./extract/index.js";
export { readInputs } from "./ingest/index.js";
export { GraphStore } from "./load/index.js";
export { fingerprint, planCopies } from "./pipeline/duplicates.js";
export { resolveGraph } from "./resolve/index.js";
export { CleanDocument, DocumentExtraction, ENTITY_TYPES, EntityType, Evidence, ExportDocument, Graph, GraphEntity, GraphRelation, RELATION_TYPES, RawDocument, RelationType, } from "./model/schemas.js";
/** clean -> extract on one document (throws with the reason when it cannot). */
export function processDocument(doc) {
    return extractDocument(cleanDocument(RawDocument.parse({ ...doc, source: doc.source ?? doc.id })));
}
/**
 * clean -> extract -> resolve over documents in memory: the graph `kg extract`
 * prints, as an object. `known`: entities the target graph already holds, so
 * new documents reuse their ids.
 */
export function buildGraphDetailed(docs, known = []) {
    const failures = [];
    const extractions = [];
    for (const doc of docs) {
        try {
            extractions.push(processDocument(doc));
        }
        catch (err) {
            failures.push({ id: doc.id, error: err.message });
        }
    }
    const { copies } = planCopies(extractions.map((x) => x.document));
    const graph = resolveGraph(extractions.filter((x) => !copies.has(x.document.id)), known);
    return { graph, failures, copies };
}
/** clean -> extract -> resolve over documents in memory; see buildGraphDetailed for failures and copies. */
export function buildGraph(docs, known = []) {
    return buildGraphDetailed(docs, known).graph;
}
/**
 * Writes a graph through the caller's driver: schema first (idempotent), then
 * one transaction per batch of documents, each document's facts replacing its
 * earlier ones. The driver stays open. Returns per-document results and the
 * graph's counts afterwards.
 */
export async function loadGraph(driver, graph, options = {}) {
    const store = new GraphStore({ uri: 'driver', user: '', password: null, local: false, browserUrl: null, database: options.database }, { driver });
    try {
        await store.applySchema();
        const written = [];
        await store.writeInBatches(sliceByDocument(Graph.parse(graph)), {
            ingestedAt: new Date().toISOString(),
            onWritten: (results) => {
                written.push(...results);
            },
        });
        return { written, counts: await store.counts() };
    }
    finally {
        await store.close();
    }
}
/** The graph a Neo4j database holds, in the JSON export shape (what `kg export` prints). */
export async function readGraph(driver, options = {}) {
    const store = new GraphStore({ uri: 'driver', user: '', password: null, local: false, browserUrl: null, database: options.database }, { driver });
    return store.readGraph();
}
//# sourceMappingURL=index.js.map