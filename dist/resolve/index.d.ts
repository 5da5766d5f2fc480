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
 * Similarity (1 - edit distance / length) above which two names of the same
 * type are one entity. Measured with `node --import tsx bench/fuzzy-threshold.ts`
 * on every pair of multi-word names in the registry (465 pairs naming one
 * entity, 7,634 naming two of the same type): from 0.85 up no two different
 * entities merge once the qualifier and number guards apply, and below it
 * "Canadian AI Safety Institute" / "IndiaAI Safety Institute" (0.82) would.
 * Distinct bodies differing in one word ("US AI Safety Institute" / "UK AI
 * Safety Institute", 0.95) are kept apart by the qualifier guard, not by the
 * threshold. Edit distance only catches spelling variants; other names of
 * one thing come from the registry and from acronym and alias links.
 */
export declare const FUZZY_THRESHOLD = 0.88;
export declare function similar(a: string, b: string): number;
/** Two names that differ in whose they are (US vs UK institute) are never one thing. */
export declare function conflictingQualifiers(a: string, b: string): boolean;
/**
 * Which names each document gave each entity, and the names an entity has
 * from the registry whatever the documents say. The loader keeps a
 * document's names with the document (on its MENTIONS), so they leave the
 * graph with it and a batch written before a crash carries only its own
 * documents' names.
 */
export interface DocumentForms {
    /** document id -> entity id -> the names (entity name excepted) that document calls it by. */
    byDocument: Map<string, Map<string, string[]>>;
    /** entity id -> its registry aliases. */
    base: Map<string, string[]>;
}
export declare function resolveGraph(extractions: DocumentExtraction[], known?: KnownEntity[]): Graph;
/** resolveGraph, with the names each document contributed (DocumentForms). */
export declare function resolveDocuments(extractions: DocumentExtraction[], known?: KnownEntity[]): {
    graph: Graph;
    forms: DocumentForms;
};
