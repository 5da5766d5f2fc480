import { type AuthToken } from 'neo4j-driver';
export declare const DEFAULT_USER = "neo4j";
/**
 * The password every local server had before each got its own: a store that
 * still accepts it is given a generated one at its next start.
 */
export declare const LEGACY_PASSWORD = "ai-governance-kg";
/** Where and how to reach a Neo4j server, local or not. */
export interface Connection {
    uri: string;
    user: string;
    /** null: connect without auth. */
    password: string | null;
    database?: string;
    /** true: the server is the one src/server runs. */
    local: boolean;
    /** Neo4j Browser address for people, when known. */
    browserUrl: string | null;
    /** The local server's password file (mode 0600), for people; never the password itself in logs. */
    passwordFile?: string;
}
export interface LocalServerConfig {
    home: string;
    lib: string;
    boltPort: number;
    httpPort: number;
    user: string;
    java: string;
    heap: string;
    pagecache: string;
    /** Extra JVM options, whitespace-separated, after the defaults (so they win). */
    javaOptions: string[];
    startTimeoutMs: number;
}
/** The local server's settings, from the environment (see docs/neo4j.md). */
export declare function localConfig(env?: NodeJS.ProcessEnv): LocalServerConfig;
/**
 * The local server's connection. `password`: by default the one its first
 * start generated (null before that).
 */
export declare function localConnection(cfg: LocalServerConfig, password?: string | null): Connection;
export declare const passwordFile: (cfg: LocalServerConfig) => string;
/** The local server's password, or null when it never started. */
export declare function readPassword(cfg: LocalServerConfig): string | null;
/** The server NEO4J_URI names, or null when the local one is meant. */
export declare function externalConnection(env?: NodeJS.ProcessEnv): Connection | null;
export declare function authFor(conn: Connection): AuthToken;
/** Whether a process with this pid exists (EPERM: it does, owned by someone else). */
export declare function processAlive(pid: number): boolean;
/** pid of this home's running server, or null (removing a stale pid file). */
export declare function runningPid(cfg: LocalServerConfig): number | null;
export type BoltProbe = 'up' | 'down' | 'unauthorized';
/** One connectivity check: does Bolt answer, with these credentials? */
export declare function probeBolt(conn: Connection, timeoutMs?: number): Promise<BoltProbe>;
export interface StartResult {
    pid: number;
    /** false: a server of this home was already running and is reused. */
    started: boolean;
    /** Time until Bolt answered. */
    seconds: number;
    connection: Connection;
}
/**
 * Starts this home's server, or reuses it when it is already running; returns
 * once Bolt answers with the server's password (generated at its first start).
 */
export declare function startServer(cfg?: LocalServerConfig, env?: NodeJS.ProcessEnv): Promise<StartResult>;
export interface StopResult {
    /** false: nothing was running. */
    stopped: boolean;
    pid: number | null;
    seconds: number;
    /** true: it ignored SIGTERM and was killed. */
    killed: boolean;
}
/** SIGTERM (Neo4j's shutdown hook checkpoints and closes the store), then wait. */
export declare function stopServer(cfg?: LocalServerConfig, timeoutMs?: number): Promise<StopResult>;
export interface StatusResult {
    running: boolean;
    pid: number | null;
    bolt: BoltProbe;
    home: string;
    connection: Connection;
}
export declare function serverStatus(cfg?: LocalServerConfig): Promise<StatusResult>;
/**
 * The server every command works against: NEO4J_URI's when set (nothing
 * local is started), else the local one, started if need be.
 */
export declare function ensureNeo4j(env?: NodeJS.ProcessEnv): Promise<{
    connection: Connection;
    start: StartResult | null;
}>;
