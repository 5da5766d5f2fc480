import { CleanDocument, type RawDocument } from '../model/schemas.ts';
export { normalizeText } from './normalize.ts';
export interface CleanOptions {
    /** Skip language detection (the caller knows the language). */
    lang?: string;
}
/** A document cleaning could not handle; the message names the cause and the stage ("cleaning failed: ..."). */
export declare class CleanError extends Error {
    constructor(message: string, options?: {
        cause?: unknown;
    });
}
/**
 * What went wrong while cleaning, in words: a stack overflow is the page's
 * shape (nesting), not a read error.
 */
export declare function cleanFailure(err: unknown): string;
export declare function cleanDocument(raw: RawDocument, options?: CleanOptions): CleanDocument;
