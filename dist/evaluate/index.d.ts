import { z } from 'zod';
import type { Graph } from '../model/schemas.ts';
export declare const GoldFile: z.ZodObject<{
    doc: z.ZodString;
    publishedAt: z.ZodOptional<z.ZodNullable<z.ZodString>>;
    entities: z.ZodArray<z.ZodObject<{
        key: z.ZodString;
        type: z.ZodString;
        name: z.ZodString;
        aliases: z.ZodDefault<z.ZodArray<z.ZodString>>;
        date: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        optional: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strip>>;
    relations: z.ZodDefault<z.ZodArray<z.ZodObject<{
        s: z.ZodString;
        p: z.ZodString;
        o: z.ZodString;
        date: z.ZodOptional<z.ZodNullable<z.ZodString>>;
        optional: z.ZodDefault<z.ZodBoolean>;
    }, z.core.$strip>>>;
}, z.core.$strip>;
export type GoldFile = z.infer<typeof GoldFile>;
export declare function goldNorm(s: string): string;
export interface Counts {
    tp: number;
    fp: number;
    fn: number;
}
export interface Scores {
    precision: number;
    recall: number;
    f1: number;
}
/** Relations whose confidence lies in [from, to): how many, how many right, and the same for all at or above `from`. */
export interface Band {
    from: number;
    to: number;
    tp: number;
    fp: number;
    precision: number;
    /** Every relation at or above `from`: what a graph keeping only those would hold. */
    atLeast: {
        tp: number;
        fp: number;
        precision: number;
        recall: number;
    };
    /** The band's relations by relationship type: which rules it holds. */
    byType: Record<string, {
        tp: number;
        fp: number;
    }>;
}
/** A relation scored in a document: its confidence there, whether the gold holds it, its type. */
export type Judged = [confidence: number, right: boolean, type: string];
export interface EvaluateOptions {
    /** The gold document a graph document is; by default the file name of its source. */
    docName?: (doc: Graph['documents'][number]) => string;
    /** Band edges for calibration, ascending. */
    bands?: number[];
}
export declare const DEFAULT_BANDS: number[];
export interface EvalReport {
    entities: Counts & Scores;
    typedEntities: Counts & Scores;
    relations: Counts & Scores;
    dates: {
        right: number;
        total: number;
        accuracy: number;
    };
    byEntityType: Record<string, Counts & Scores>;
    byRelationType: Record<string, Counts & Scores>;
    misses: string[];
    falsePositives: string[];
    dateErrors: string[];
    calibration: Band[];
}
export declare function scores(c: Counts): Counts & Scores;
export declare function evaluate(graph: Graph, golds: GoldFile[], options?: EvaluateOptions): EvalReport;
/** Precision per band of confidence, and of everything at or above each band's lower edge. */
export declare function calibrate(judged: Judged[], required: number, edges: number[]): Band[];
export declare function formatReport(r: EvalReport, opts?: {
    details?: boolean;
}): string;
