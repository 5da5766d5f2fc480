// Resolution: per-document entities in, one node per real-world thing out.
import { Graph, type DocumentExtraction } from '../model/schemas.ts';

export function resolveGraph(extractions: DocumentExtraction[]): Graph {
  return Graph.parse({
    documents: extractions.map(({ document: d }) => ({
      id: d.id, source: d.source, url: d.url, title: d.title, publishedAt: d.publishedAt, contentHash: d.contentHash,
    })),
    entities: [],
    relations: [],
  });
}
