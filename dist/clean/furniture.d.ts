/** Lower case, letters, digits and single spaces only. */
export declare function bare(line: string): string;
/** True when a whole line is furniture a reader skips. */
export declare function isFurnitureLine(line: string): boolean;
/** "By Jane Doe", "Written by Jane Doe and John Roe | Staff", "Author: ...". Returns the name(s) or null. */
export declare function bylineName(line: string): string | null;
export declare function isBylineLine(line: string): boolean;
export interface DateLine {
    iso: string;
    kind: 'published' | 'updated' | 'plain';
}
/**
 * A line that only states the page's date: "Posted on 04/19/2024",
 * "Published 21 May 2024", "Last edited: 2025-12-28 (5 weeks ago)", or a bare
 * date. Null for anything else, including sentences that mention a date.
 */
export declare function dateLine(line: string): DateLine | null;
export declare function isDateLine(line: string): boolean;
