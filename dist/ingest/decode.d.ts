export interface Decoded {
    text: string;
    warnings: string[];
}
export declare class BinaryInputError extends Error {
}
/** NUL bytes or a high share of control bytes in the first 8 KiB: not a text document. */
export declare function binaryReason(buf: Uint8Array): string | null;
/** The charset an HTML page declares in its first bytes (<meta charset>, http-equiv). */
export declare function declaredCharset(buf: Uint8Array): string | null;
/**
 * Decodes a document's bytes. `truncated` tells that the bytes were cut at a
 * size cap, so a multi-byte character may be cut at the end.
 */
export declare function decodeBytes(buf: Uint8Array, opts?: {
    html?: boolean;
    truncated?: boolean;
    name?: string;
}): Decoded;
/**
 * Counts the valid multi-byte UTF-8 sequences and the invalid ones (maximal
 * subparts, as a WHATWG decoder replaces them). `truncated`: a sequence cut
 * at the end is not counted.
 */
export declare function utf8Sequences(buf: Uint8Array, truncated?: boolean): {
    valid: number;
    invalid: number;
    firstInvalid: number;
};
