import type { CleanDocument } from '../model/schemas.ts';
import type { Fingerprint, KnownDocument } from '../pipeline/duplicates.ts';
import type { GraphStore } from './index.ts';
/** The fingerprints of every document the graph holds. */
export declare function knownDocuments(store: GraphStore): Promise<KnownDocument[]>;
/** Stores the fingerprints of documents written as first copies. */
export declare function markFirstCopies(store: GraphStore, docs: Array<{
    id: string;
} & Fingerprint>): Promise<void>;
/**
 * Writes copies: a copy that was in the graph as a document of its own first
 * has its facts retracted (what only it supported goes), then becomes a node
 * linked to its first copy.
 */
export declare function writeCopies(store: GraphStore, copies: Array<{
    doc: CleanDocument;
    of: string;
    fp: Fingerprint;
}>, ingestedAt: string, known?: KnownDocument[]): Promise<void>;
