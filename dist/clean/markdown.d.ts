import { type Line, type Piece } from './lines.ts';
export interface MarkdownResult {
    lines: Line[];
    title: string | null;
    /** `date:` from YAML front matter, as written. */
    date: string | null;
    author: string | null;
}
/** Strips inline markdown from `s`, which starts at `base` in the source. */
export declare function inlinePieces(s: string, base: number): Piece[];
export declare function markdownLines(body: string): MarkdownResult;
