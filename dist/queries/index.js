// The saved analyst queries of graph/queries/: one .cypher file each, with a
// header comment that says what it answers and declares its parameters:
//
//   // Partnership network of one institute            <- title (first line)
//   //
//   // Who the institute partners with, ...              <- description
//   //
//   // @param name "Korea AI Safety Institute"  the institute (name or alias)
//   MATCH ...                                          <- the Cypher, uses $name
//
// `@param NAME DEFAULT DESCRIPTION`: DEFAULT is a JSON literal whose kind is
// the parameter's type — a "string", an integer (42), a float (0.5) or a
// boolean (true). Every $parameter the Cypher uses must be declared, and
// every declared one used.
//
// Used by `kg query`, by the Browser guide (src/queries/guide.ts) and by the
// tests: the files are the single source of the queries.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const QUERIES_DIR = path.join(ROOT, 'graph', 'queries');
/** A query file or a parameter given to it is wrong: the message is one line for the user. */
export class QueryError extends Error {
    constructor(message) {
        super(message);
        this.name = 'QueryError';
    }
}
const NAME_RE = /^[a-z0-9][a-z0-9-]*$/;
const PARAM_LINE = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s+("(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|true|false)\s*(.*)$/;
function typeOf(literal, value) {
    if (typeof value === 'string')
        return 'string';
    if (typeof value === 'boolean')
        return 'boolean';
    return /^-?\d+$/.test(literal) ? 'integer' : 'float';
}
/** The $parameters a Cypher text uses (outside string literals and comments). */
export function usedParameters(cypher) {
    const stripped = cypher.replace(/\/\/[^\n]*/g, '').replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
    const found = new Set();
    for (const m of stripped.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g))
        found.add(m[1]);
    return [...found];
}
/** Parses one query file's text (name: its file name without .cypher). */
export function parseQuery(name, text, file = `${name}.cypher`) {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    const header = [];
    let i = 0;
    for (; i < lines.length; i++) {
        const t = lines[i].trim();
        if (t.startsWith('//'))
            header.push(t.replace(/^\/\/\s?/, ''));
        else if (t === '' && header.length === 0)
            continue;
        else
            break;
    }
    const cypher = lines.slice(i).join('\n').trim();
    if (!cypher)
        throw new QueryError(`${file}: no Cypher after the header comment`);
    const params = [];
    const prose = [];
    for (const line of header) {
        const t = line.trim();
        if (/^@param(\s|$)/.test(t)) {
            const m = PARAM_LINE.exec(t);
            if (!m)
                throw new QueryError(`${file}: bad @param line "${t}" (expected: @param NAME DEFAULT DESCRIPTION, DEFAULT a JSON string, number or boolean)`);
            const value = JSON.parse(m[2]);
            if (params.some((p) => p.name === m[1]))
                throw new QueryError(`${file}: parameter ${m[1]} declared twice`);
            params.push({ name: m[1], type: typeOf(m[2], value), default: value, description: m[3].trim() });
        }
        else if (t.startsWith('@')) {
            throw new QueryError(`${file}: unknown header tag "${t.split(/\s/)[0]}" (only @param)`);
        }
        else {
            prose.push(t);
        }
    }
    const paragraphs = prose
        .join('\n')
        .trim()
        .split(/\n\s*\n/)
        .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
        .filter(Boolean);
    const title = paragraphs.shift();
    if (!title)
        throw new QueryError(`${file}: the header comment must start with a title line`);
    const used = usedParameters(cypher);
    const declared = new Set(params.map((p) => p.name));
    const undeclared = used.filter((u) => !declared.has(u));
    if (undeclared.length)
        throw new QueryError(`${file}: uses $${undeclared.join(', $')} without an @param line`);
    const unused = params.filter((p) => !used.includes(p.name)).map((p) => p.name);
    if (unused.length)
        throw new QueryError(`${file}: declares @param ${unused.join(', ')} but never uses it`);
    return { name, title, description: paragraphs.join('\n\n'), params, cypher, file };
}
/** Every saved query, by name. */
export function listQueries(dir = QUERIES_DIR) {
    return readdirSync(dir)
        .filter((f) => f.endsWith('.cypher'))
        .sort()
        .map((f) => {
        const name = f.slice(0, -'.cypher'.length);
        if (!NAME_RE.test(name))
            throw new QueryError(`${path.join(dir, f)}: query names are lower-case letters, digits and dashes`);
        return parseQuery(name, readFileSync(path.join(dir, f), 'utf8'), path.join(dir, f));
    });
}
export function loadQuery(name, dir = QUERIES_DIR) {
    const all = listQueries(dir);
    const q = all.find((x) => x.name === name.replace(/\.cypher$/, ''));
    if (!q)
        throw new QueryError(`no saved query "${name}" (there are: ${all.map((x) => x.name).join(', ')}; see kg query --list)`);
    return q;
}
function parseValue(q, p, raw) {
    const bad = (what) => new QueryError(`${q.name}: parameter ${p.name} must be ${what}, got "${raw}"`);
    switch (p.type) {
        case 'string':
            return raw;
        case 'integer':
            if (!/^\s*-?\d+\s*$/.test(raw))
                throw bad('an integer');
            return Number(raw);
        case 'float': {
            const n = Number(raw);
            if (raw.trim() === '' || !Number.isFinite(n))
                throw bad('a number');
            return n;
        }
        case 'boolean':
            if (!/^(true|false)$/i.test(raw.trim()))
                throw bad('true or false');
            return raw.trim().toLowerCase() === 'true';
    }
}
/** Parses `k=v` strings (from --param) into a map. */
export function parseAssignments(assignments) {
    const out = {};
    for (const a of assignments) {
        const eq = a.indexOf('=');
        if (eq <= 0)
            throw new QueryError(`--param takes NAME=VALUE, got "${a}"`);
        out[a.slice(0, eq).trim()] = a.slice(eq + 1);
    }
    return out;
}
/**
 * The query's parameters: defaults, overridden by the given raw (string)
 * values, each checked against its declared type. Unknown names are errors.
 */
export function bindParams(q, given = {}) {
    const values = Object.fromEntries(q.params.map((p) => [p.name, p.default]));
    for (const [k, v] of Object.entries(given)) {
        const p = q.params.find((x) => x.name === k);
        if (!p) {
            const known = q.params.length ? `its parameters: ${q.params.map((x) => x.name).join(', ')}` : 'it takes no parameters';
            throw new QueryError(`${q.name} has no parameter "${k}" (${known})`);
        }
        values[k] = typeof v === 'string' ? parseValue(q, p, v) : v;
    }
    return values;
}
/** Integers must reach Neo4j as integers (the driver sends JS numbers as floats). */
function toDriverParams(q, values) {
    return Object.fromEntries(Object.entries(values).map(([k, v]) => {
        const p = q.params.find((x) => x.name === k);
        return [k, p?.type === 'integer' ? neo4j.int(v) : v];
    }));
}
/** Runs a saved query in a read transaction. */
export async function runSavedQuery(tx, q, values) {
    const result = tx.run(q.cypher, toDriverParams(q, values));
    const columns = (await result.keys()).map(String);
    const { records } = await result;
    return { columns, rows: records.map((r) => r.toObject()) };
}
const isNode = (v) => neo4j.isNode(v);
const isRel = (v) => neo4j.isRelationship(v);
function nodeCaption(n) {
    const p = n.properties;
    return String(p.name ?? p.title ?? p.id ?? `(${n.labels.join(':')})`);
}
/** A plain JSON-able value: nodes become {labels, ...properties}, relationships {type, ...}, paths lists of steps. */
export function plain(v) {
    if (v === null || v === undefined)
        return null;
    if (isNode(v))
        return { labels: v.labels, ...plainProps(v.properties) };
    if (isRel(v))
        return { type: v.type, ...plainProps(v.properties) };
    if (neo4j.isPath(v)) {
        const p = v;
        return p.segments.map((s) => ({ start: nodeCaption(s.start), type: s.relationship.type, end: nodeCaption(s.end) }));
    }
    if (neo4j.isInt(v))
        return v.toNumber();
    if (Array.isArray(v))
        return v.map(plain);
    if (typeof v === 'object' && v.constructor === Object)
        return plainProps(v);
    if (typeof v === 'object')
        return String(v); // temporal and spatial values
    return v;
}
function plainProps(p) {
    return Object.fromEntries(Object.entries(p).map(([k, x]) => [k, plain(x)]));
}
/** One cell of the terminal table. */
export function cell(v) {
    if (v === null || v === undefined)
        return '';
    if (isNode(v))
        return nodeCaption(v);
    if (isRel(v))
        return v.type;
    if (neo4j.isPath(v)) {
        const p = v;
        let s = nodeCaption(p.start);
        for (const seg of p.segments)
            s += ` -[${seg.relationship.type}]- ${nodeCaption(seg.end)}`;
        return s;
    }
    if (Array.isArray(v))
        return v
            .map(cell)
            .filter((x) => x !== '')
            .join('; ');
    if (typeof v === 'number')
        return Number.isInteger(v) ? String(v) : String(Math.round(v * 1000) / 1000);
    if (typeof v === 'object' && v.constructor === Object) {
        return Object.entries(v)
            .map(([k, x]) => `${k}: ${cell(x)}`)
            .join(', ');
    }
    return String(v).replace(/\s+/g, ' ');
}
/** A plain-text table, columns cut at maxWidth characters. */
export function formatTable(result, maxWidth = 60) {
    const { columns, rows } = result;
    if (columns.length === 0)
        return '(no columns)';
    const cut = (s) => (s.length > maxWidth ? `${s.slice(0, maxWidth - 1)}…` : s);
    const body = rows.map((r) => columns.map((c) => cut(cell(r[c]))));
    const widths = columns.map((c, i) => Math.max(c.length, ...body.map((r) => r[i].length)));
    const line = (cells) => cells
        .map((x, i) => x.padEnd(widths[i]))
        .join(' | ')
        .trimEnd();
    return [line(columns), widths.map((w) => '-'.repeat(w)).join('-+-'), ...body.map(line)].join('\n');
}
/** A Cypher literal for a parameter value (for the Browser's :params command). */
export function cypherLiteral(v) {
    if (typeof v === 'string')
        return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    if (typeof v === 'number' && Number.isInteger(v))
        return String(v);
    if (typeof v === 'number')
        return String(v);
    return String(v);
}
/** `:params {name: "...", ...}`: what sets a query's defaults in Neo4j Browser. */
export function browserParamsCommand(q, values = bindParams(q)) {
    return `:params {${q.params.map((p) => `${p.name}: ${cypherLiteral(values[p.name])}`).join(', ')}}`;
}
//# sourceMappingURL=index.js.map