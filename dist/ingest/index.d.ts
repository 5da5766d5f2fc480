import { RawDocument } from '../model/schemas.ts';
export declare const SUPPORTED_EXTENSIONS: string[];
export type InputFailure = {
    source: string;
    error: string;
};
export type InputItem = {
    ok: true;
    doc: RawDocument;
} | {
    ok: false;
    failure: InputFailure;
};
export interface ReadOptions {
    /** Cap on one document's bytes (after gunzip); longer input is cut with a warning. Default 16 MiB. */
    maxBytes?: number;
    /** What `-` reads; default process.stdin. */
    stdin?: NodeJS.ReadableStream;
    /** The id of the document read from `-` (kg run --id); default: from its content, `stdin:<sha256 of the bytes, 16 hex>`. */
    stdinId?: string;
    /** The URL of the document read from `-` (kg run --url): its id (canonical) and url. */
    stdinUrl?: string;
}
export declare const DEFAULT_MAX_BYTES: number;
type Kind = RawDocument['format'] | 'jsonl';
/** The format a name implies, looking through a .gz suffix; null when unknown. */
export declare function kindOf(file: string): Kind | null;
/** Every supported file under the given paths, sorted so runs are repeatable. Throws on a missing path. */
export declare function listInputFiles(paths: string[]): Promise<string[]>;
/** A URL in one spelling: lower-case host, no fragment, no tracking parameters. */
export declare function canonicalUrl(url: string): string | null;
/** One JSON Lines record to a document, or the reason it is none. */
export declare function jsonlRecord(line: string, source: string, seenIds: Set<string>): InputItem;
/** Reads every document under `paths`, in a repeatable order, one item per document or failure. */
export declare function readInputs(paths: string[], options?: ReadOptions): AsyncGenerator<InputItem>;
export {};
