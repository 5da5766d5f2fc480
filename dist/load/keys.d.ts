/** Bytes of UTF-8 an indexed string may take; well under Neo4j's 8167-byte key limit. */
export declare const MAX_INDEXED_BYTES = 4000;
/** The id as stored: itself, or for an over-long id a prefix plus its sha256 (stable, unique). */
export declare function storageKey(id: string): string;
/** The verbatim value to keep beside a shortened one, else null. */
export declare function fullValue(value: string, stored: string): string | null;
/** The name as indexed: itself, or a prefix for an over-long one. */
export declare function indexedName(name: string): string;
