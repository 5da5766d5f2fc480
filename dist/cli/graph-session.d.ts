import type { Command } from 'commander';
import { GraphStore, type GraphCounts } from '../load/index.ts';
import { type ProgressEvent, type RunMode, type RunSummary } from '../refresh/index.ts';
import { type Connection, type StartResult } from '../server/index.ts';
export interface OpenGraph {
    store: GraphStore;
    connection: Connection;
    start: StartResult | null;
}
export declare function openGraph(log?: (line: string) => void): Promise<OpenGraph>;
/** Progress of a run (read, extract, write) on stderr: see progress.ts. */
export declare function progressReporter(label: string, quiet?: boolean): {
    onProgress: (e: ProgressEvent) => void;
    stop: () => void;
};
export declare function connectionLines(connection: Connection): string[];
export declare function graphLines(counts: GraphCounts): string[];
export declare function runLines(label: string, summary: RunSummary): string[];
export interface RunCommandOptions extends OutputOptions {
    pipeline?: string;
    concurrency?: string;
    /** --workers: a number or "auto" (the default). */
    workers?: string;
    /** Exit 0 even when documents failed (the run itself completed). */
    allowFailures?: boolean;
    /** Id or URL of the document read from `-`. */
    id?: string;
    url?: string;
}
/** What --json prints for a run: the same facts as the text summary, no credentials. */
export declare function runJson(command: string, summary: RunSummary, counts: GraphCounts, connection: Connection, seconds: number): {
    command: string;
    mode: RunMode;
    run: string;
    status: "done" | "running" | "failed" | "interrupted";
    documents: {
        new: number;
        changed: number;
        unchanged: number;
        failed: number;
        duplicates: number;
    };
    extracted: number;
    written: number;
    errors: string[];
    warnings: string[];
    graph: GraphCounts;
    neo4j: {
        uri: string;
        local: boolean;
    };
    seconds: number;
};
/** The body of `kg run`, `kg refresh` and `kg start`: open, run, summarise. */
export declare function runCommand(label: string, mode: RunMode, paths: string[], opts: RunCommandOptions): Promise<RunSummary>;
/** Exit code when documents failed: see EXIT. */
export declare const EXIT: {
    readonly ok: 0;
    readonly error: 1;
    readonly documentsFailed: 2;
};
/**
 * A scheduler reads the exit code, not the log: a run where documents failed
 * exits 2 (1 when nothing at all could be processed), unless --allow-failures
 * says failed documents are expected. The line says which flag changes it.
 */
export declare function failureExitCode(label: string, failed: number, ok: number, first: string | undefined, opts: {
    allowFailures?: boolean;
}): number;
export interface OutputOptions {
    json?: boolean;
    quiet?: boolean;
}
/** --json and --quiet, the same words on every command that writes. */
export declare function outputOptions<T extends Command>(cmd: T, what?: string): T;
