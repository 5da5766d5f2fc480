import type { ExportDocument, EntityType, Graph, RelationType } from '../model/schemas.ts';
import type { DocumentForms } from '../resolve/index.ts';
export interface EntityRow {
    /** As stored (see keys.ts); fullId/fullName hold over-long values verbatim. */
    id: string;
    fullId: string | null;
    type: EntityType;
    name: string;
    fullName: string | null;
    /**
     * The aliases this row adds to the entity: its registry aliases (`base`)
     * here; in a batch's rows (batchRows) also the names the batch's
     * documents call it by.
     */
    aliases: string[];
    /** Registry aliases: the entity has them whatever documents say. */
    base: string[];
    date: string | null;
}
export interface MentionRow {
    id: string;
    starts: number[];
    ends: number[];
    /** The names (entity name excepted) this document calls the entity by: kept on its MENTIONS, they leave with it. */
    forms: string[];
}
export interface RelationRow {
    source: string;
    target: string;
    date: string | null;
    role: string | null;
    docs: string[];
    sentences: string[];
    starts: number[];
    ends: number[];
    confidences: number[];
}
export interface DocumentFacts {
    /** The document as given (its id verbatim). */
    document: ExportDocument;
    /** Its id as stored. */
    key: string;
    entities: Map<EntityType, EntityRow[]>;
    /** One per entity the document mentions or states a relationship about. */
    mentions: MentionRow[];
    relations: Map<RelationType, RelationRow[]>;
    /** Relationships left out because an end is not among the graph's entities. */
    dangling: number;
}
/** Relationship types stored once per unordered pair (source id < target id). */
export declare const SYMMETRIC: ReadonlySet<RelationType>;
/**
 * Allocation-lean on purpose: a load slices the whole graph before its first
 * write, so this is on the critical path (string keys and sets per mention
 * made it ~1 s of garbage collection at 5,000 documents). Offsets are kept as
 * flat number lists and deduplicated after sorting; an entity's row is built
 * once and shared by every document that mentions it.
 */
export declare function sliceByDocument(graph: Graph, forms?: DocumentForms): DocumentFacts[];
/** The rows of a batch of documents, written in one transaction (GraphStore.writeDocuments). */
export interface BatchRows {
    /** Storage keys of the batch's documents, in order. */
    keys: string[];
    /** One row per entity (the same entity in several documents is written once), its aliases those the batch gives it. */
    entities: Map<EntityType, EntityRow[]>;
    /** Rows in `entities`. */
    entityCount: number;
    /** MENTIONS of every document, each naming its document's key. */
    mentions: Array<MentionRow & {
        doc: string;
    }>;
    /** One row per relationship, the provenance of all the batch's documents concatenated in document order. */
    relations: Map<RelationType, RelationRow[]>;
}
/** How many rows a document adds to a batch: its relationship rows and MENTIONS (both become relationships). */
export declare const batchWeight: (f: DocumentFacts) => number;
/**
 * Combines documents' facts into one set of rows with the result of writing
 * them one after the other: an entity's last row wins but its aliases
 * accumulate and its date is the last one given; a relationship's provenance
 * lists are concatenated in document order, its date and role are the last
 * given. The keys must be distinct (a batch never holds a document twice).
 */
export declare function batchRows(facts: DocumentFacts[]): BatchRows;
