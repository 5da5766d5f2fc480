export interface Piece {
    text: string;
    /** Offset of the piece in the source body, or -1 when not known. */
    src: number;
}
/** One block of text. A line with no pieces is a paragraph break. */
export interface Line {
    pieces: Piece[];
}
export declare const lineText: (l: Line) => string;
export declare const isBreak: (l: Line) => boolean;
export declare const BREAK: Line;
/** Plain text: one line per source line, blank lines as paragraph breaks. */
export declare function textLines(body: string): Line[];
