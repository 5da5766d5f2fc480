/** A date found in free text with chrono, only when the text states a year. */
export declare function parseTextDate(text: string): {
    iso: string;
    index: number;
    length: number;
} | null;
/** Normalizes a date string from metadata or a JSONL field to IsoDate, or null. */
export declare function toIsoDate(input: string | null | undefined): string | null;
