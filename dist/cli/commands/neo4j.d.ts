import type { Command } from 'commander';
import { type Connection } from '../../server/index.ts';
/** A value a POSIX shell reads back verbatim. */
export declare const shellQuote: (s: string) => string;
/** `export NEO4J_URI=... NEO4J_USER=... NEO4J_PASSWORD=...` for the local server. */
export declare function envLine(conn: Connection): string;
export declare function registerNeo4j(program: Command): void;
