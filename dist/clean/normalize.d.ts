/** Character-level normalization only: no trimming, newlines kept. */
export declare function normalizeChars(input: string): string;
/** One line's text: characters normalized, runs of spaces collapsed, trimmed. */
export declare function normalizeInline(input: string): string;
export declare function normalizeText(input: string): string;
