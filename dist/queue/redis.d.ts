import { Redis } from 'ioredis';
export declare const DEFAULT_REDIS_URL = "redis://127.0.0.1:6390";
export declare function redisUrl(env?: NodeJS.ProcessEnv): string;
/** A connection as BullMQ needs it (workers require maxRetriesPerRequest: null). */
export declare function connect(url?: string): Redis;
export interface LocalRedis {
    url: string;
    port: number;
    dir: string;
    pidFile: string;
}
export declare function localRedis(url?: string, dir?: string): LocalRedis;
/** No Redis answered at the queue's URL: one line that says what to do. */
export declare class RedisUnavailableError extends Error {
    constructor(url: string, env?: NodeJS.ProcessEnv, detail?: string);
}
/**
 * Waits for Redis to answer, a bounded number of times (KG_REDIS_ATTEMPTS,
 * default 5, one second apart), then fails with RedisUnavailableError; false
 * when `stop` came first.
 * Without it BullMQ retries for ever and prints a stack trace per attempt.
 */
export declare function requireRedis(url?: string, options?: {
    attempts?: number;
    delayMs?: number;
    stop?: Promise<void>;
    log?: (line: string) => void;
}): Promise<boolean>;
/** Starts redis-server for this URL unless one answers there already. */
export declare function startRedis(cfg?: LocalRedis): Promise<{
    started: boolean;
}>;
export declare function stopRedis(cfg?: LocalRedis): Promise<{
    stopped: boolean;
}>;
export declare function redisStatus(cfg?: LocalRedis): Promise<{
    running: boolean;
    url: string;
}>;
