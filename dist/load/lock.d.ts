import type { GraphStore } from './index.ts';
export declare const LOCK_ID = "graph-writer";
export declare class LockHeldError extends Error {
    readonly owner: string;
    readonly expiresAt: string;
    readonly purpose: string | null;
    constructor(owner: string, expiresAt: string, purpose: string | null);
}
export interface LockHandle {
    owner: string;
    /** Set when a heartbeat found the lock taken over (the run should stop). */
    readonly lost: boolean;
    release(): Promise<void>;
}
export declare function acquireLock(store: GraphStore, purpose: string, ttlMs?: number): Promise<LockHandle>;
