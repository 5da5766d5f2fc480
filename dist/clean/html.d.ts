export interface HtmlLine {
    text: string;
    /** Offset in the HTML source where the line's first text was found, or -1. */
    sourceStart: number;
    /** Share of the line's characters that are link text. */
    linkDensity: number;
}
export interface HtmlExtraction {
    lines: HtmlLine[];
    title: string | null;
    url: string | null;
    publishedAt: string | null;
    modifiedAt: string | null;
    author: string | null;
    /** Language the page declares (primary subtag, lower case), if any. */
    lang: string | null;
    warnings: string[];
}
export declare function primaryLang(tag: string | null | undefined): string | null;
/** Turns a container into lines: one per block, cells joined by " | ". */
export declare function blockLines(root: Element, source: string): HtmlLine[];
/**
 * Nesting deeper than this is cut: Readability's cost grows with the cube of
 * the depth (1,000 nested <div>s took 5 s, 4,000 took 194 s and overflowed
 * the stack) and the walkers here recurse. Real pages nest a few dozen levels;
 * browsers stop nesting at 512 (Blink).
 */
export declare const MAX_DEPTH = 48;
/** Subtrees at most this tall below MAX_DEPTH are kept as they are. */
export declare const KEEP_HEIGHT = 16;
/**
 * Bounds the element depth of a tree, keeping all of its text in order:
 * below MAX_DEPTH, each element taller than KEEP_HEIGHT gives up its
 * nesting and each run of its other children is wrapped in a shallow copy of
 * it (same tag and attributes, so block breaks, hidden and furniture classes
 * still apply), placed side by side under the element at MAX_DEPTH. Iterative
 * throughout (no recursion to overflow). Returns how deep the tree went.
 */
export declare function flattenDeep(root: Element): number;
export declare function extractHtml(html: string, opts?: {
    url?: string | null;
}): HtmlExtraction;
