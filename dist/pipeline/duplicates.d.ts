/** Hash functions in a signature (16 LSH bands of 4 rows). */
export declare const SIGNATURE_SIZE = 64;
/**
 * Estimated Jaccard similarity of two texts' shingle sets above which the
 * later is a copy of the earlier. A syndicated copy with a credit line and a
 * short "Related" list added stays above 0.8; two different announcements
 * built on one press-release template share their boilerplate only, far
 * below it (see test/duplicates.test.ts).
 */
export declare const NEAR_DUPLICATE = 0.8;
export interface Fingerprint {
    textHash: string;
    /** Empty for texts too short for a near-duplicate check. */
    minhash: number[];
}
/** Words of the text in one spelling: NFKC, lower case, letters and digits only. */
export declare function words(text: string): string[];
export declare function fingerprint(text: string): Fingerprint;
/** Estimated Jaccard similarity of two signatures (0 when either is empty). */
export declare function similarity(a: number[], b: number[]): number;
/** The first copies seen so far, looked up by exact hash and by LSH band. */
export declare class CopyIndex {
    private byHash;
    private byBand;
    private signatures;
    /** Records a document as a first copy. */
    add(id: string, fp: Fingerprint): void;
    /** The first copy this fingerprint copies (never `self`), or null. */
    find(fp: Fingerprint, self?: string): string | null;
}
/** A document the graph already holds, with its fingerprints. */
export interface KnownDocument extends Fingerprint {
    id: string;
    /** Set when it is itself a copy (never a first copy of anything). */
    duplicateOf: string | null;
}
export interface CopyPlan {
    /** Copy id -> the first copy's id. */
    copies: Map<string, string>;
    fingerprints: Map<string, Fingerprint>;
}
/**
 * Which of the documents are copies: of a first copy the graph holds, or of a
 * document earlier in the list (give them in a repeatable order). A document
 * is never a copy of itself (its earlier version in the graph).
 */
export declare function planCopies(docs: Array<{
    id: string;
    text: string;
}>, known?: KnownDocument[], reuse?: Map<string, Fingerprint>): CopyPlan;
