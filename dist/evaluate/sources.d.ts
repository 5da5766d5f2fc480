export interface SourceRow {
    file: string;
    url: string;
    title: string | null;
    publishedAt: string | null;
}
/** The rows of a sources.tsv (a header line, then file, url, title, publishedAt separated by tabs). */
export declare function parseSources(tsv: string, name?: string): SourceRow[];
export declare function readSources(file: string): SourceRow[];
/** odd / even: every other row, as the development corpus is split (1st, 3rd, ... are odd). */
export declare function pickHalf<T>(rows: T[], half: 'odd' | 'even' | 'all'): T[];
/** One JSON Lines record per row, with the text of the file at `path` (by default docsDir/file). */
export declare function scraperLines(rows: Array<SourceRow & {
    path?: string;
}>, docsDir?: string): string;
/** The annotated file a document is, by its URL (any spelling the ingest gives it), else by its file name. */
export declare function fileNamer(rows: SourceRow[]): (doc: {
    url?: string | null;
    id: string;
    source: string;
}) => string;
