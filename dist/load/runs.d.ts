import type { GraphStore } from './index.ts';
export { acquireLock, LOCK_ID, LockHeldError, type LockHandle } from './lock.ts';
export interface RunCounts {
    new: number;
    changed: number;
    unchanged: number;
    failed: number;
    removed?: number;
    /** Syndicated copies linked to their first copy instead of extracted (src/load/duplicates.ts). */
    duplicates?: number;
}
export interface RunRecord extends RunCounts {
    id: string;
    kind: string;
    pipeline: string | null;
    startedAt: string;
    endedAt: string | null;
    status: 'running' | 'done' | 'failed' | 'interrupted';
    errors: string[];
    /** "source: warning" for each document read with a warning (other language, decoding guessed, truncated, no text). */
    warnings: string[];
}
/**
 * Starts a Run record. Call with the writer lock held: any Run still marked
 * running then belongs to a run that died (crash, Neo4j gone) and is marked
 * interrupted.
 */
export declare function startRun(store: GraphStore, kind: string, pipeline: string | null): Promise<RunRecord>;
/** Records the run's end. `once`: a single attempt (on the failure path, where Neo4j may be gone). */
export declare function finishRun(store: GraphStore, run: RunRecord, once?: boolean): Promise<void>;
export declare function listRuns(store: GraphStore, limit?: number): Promise<RunRecord[]>;
