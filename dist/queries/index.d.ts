import { type ManagedTransaction } from 'neo4j-driver';
export declare const QUERIES_DIR: string;
export type ParamType = 'string' | 'integer' | 'float' | 'boolean';
export type ParamValue = string | number | boolean;
export interface QueryParam {
    name: string;
    type: ParamType;
    default: ParamValue;
    description: string;
}
export interface SavedQuery {
    /** File name without .cypher: what `kg query NAME` takes. */
    name: string;
    title: string;
    description: string;
    params: QueryParam[];
    /** The Cypher without its header comment. */
    cypher: string;
    file: string;
}
/** A query file or a parameter given to it is wrong: the message is one line for the user. */
export declare class QueryError extends Error {
    constructor(message: string);
}
/** The $parameters a Cypher text uses (outside string literals and comments). */
export declare function usedParameters(cypher: string): string[];
/** Parses one query file's text (name: its file name without .cypher). */
export declare function parseQuery(name: string, text: string, file?: string): SavedQuery;
/** Every saved query, by name. */
export declare function listQueries(dir?: string): SavedQuery[];
export declare function loadQuery(name: string, dir?: string): SavedQuery;
/** Parses `k=v` strings (from --param) into a map. */
export declare function parseAssignments(assignments: string[]): Record<string, string>;
/**
 * The query's parameters: defaults, overridden by the given raw (string)
 * values, each checked against its declared type. Unknown names are errors.
 */
export declare function bindParams(q: SavedQuery, given?: Record<string, string | ParamValue>): Record<string, ParamValue>;
export interface QueryResult {
    columns: string[];
    /** Values as the driver returns them (nodes, relationships, paths, lists...). */
    rows: Array<Record<string, unknown>>;
}
/** Runs a saved query in a read transaction. */
export declare function runSavedQuery(tx: ManagedTransaction, q: SavedQuery, values: Record<string, ParamValue>): Promise<QueryResult>;
/** A plain JSON-able value: nodes become {labels, ...properties}, relationships {type, ...}, paths lists of steps. */
export declare function plain(v: unknown): unknown;
/** One cell of the terminal table. */
export declare function cell(v: unknown): string;
/** A plain-text table, columns cut at maxWidth characters. */
export declare function formatTable(result: QueryResult, maxWidth?: number): string;
/** A Cypher literal for a parameter value (for the Browser's :params command). */
export declare function cypherLiteral(v: ParamValue): string;
/** `:params {name: "...", ...}`: what sets a query's defaults in Neo4j Browser. */
export declare function browserParamsCommand(q: SavedQuery, values?: Record<string, ParamValue>): string;
