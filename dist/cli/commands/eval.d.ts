import type { Command } from 'commander';
import { GoldFile, type EvalReport } from '../../evaluate/index.ts';
export declare function readGold(dir: string): Promise<GoldFile[]>;
export interface EvalSetOptions {
    gold: string;
    /** A sources.tsv; by default the one beside the gold folder, if there is one. */
    sources?: string | null;
    half?: 'odd' | 'even' | 'all';
    /** Each document done or failed (progress on stderr). */
    onDocument?: (source: string, ok: boolean) => void;
}
/** The sources.tsv an evaluation uses: the one named, else the one beside the gold folder. */
export declare function sourcesFor(gold: string, named?: string | null): string | null;
/**
 * Extracts the documents and scores them against the gold. With a sources
 * table, the annotated files it lists are fed as a scraper would deliver them
 * (JSON Lines with url, title and publication date: what `kg extract` gets
 * from a scraper) and every document is mapped back to its file by URL; other
 * inputs (a scraper's .jsonl) go in as they are and are mapped by URL too.
 */
export declare function evaluatePaths(paths: string[], opts: EvalSetOptions): Promise<{
    report: EvalReport;
    failures: Array<{
        source: string;
        error: string;
    }>;
    warnings: Array<{
        source: string;
        warning: string;
    }>;
    absent: string[];
}>;
export declare function registerEval(program: Command): void;
