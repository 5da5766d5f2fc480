// Resolution: per-document entities in, one node per real-world thing out.
import { Graph, type DocumentExtraction, type EntityType } from '../model/schemas.ts';

/** An entity the graph (or the registry) already holds; resolution reuses its id. */
export interface KnownEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  date: string | null;
}

/**
 * Entity ids are stable across runs (registry id, else type + normalized
 * name), so loading the same documents twice MERGEs onto the same nodes.
 */
export function resolveGraph(extractions: DocumentExtraction[], known: KnownEntity[] = []): Graph {
  void known;
  return Graph.parse({
    documents: extractions.map(({ document: d }) => ({
      id: d.id, source: d.source, url: d.url, title: d.title, publishedAt: d.publishedAt, contentHash: d.contentHash,
    })),
    entities: [],
    relations: [],
  });
}
