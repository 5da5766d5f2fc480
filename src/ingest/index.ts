// Turns the paths a user names into raw documents. Reading is the only I/O of
// the front half of the pipeline; everything after it is pure.
//
// Inputs: files and directories (recursively), .txt .md .html/.htm, JSON Lines
// (.jsonl/.ndjson, one document per line), any of them gzipped (.gz, or gzip
// bytes whatever the name), and `-` for standard input. Bad input never stops
// the run: each problem is a failure (or a warning on the document) naming the
// document, and the next one is read. Memory stays bounded: a document is cut
// at `maxBytes` (with a warning), and JSON Lines are streamed line by line.
import { createHash } from 'node:crypto';
import { createReadStream, type Dirent } from 'node:fs';
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import { toIsoDate } from '../clean/dates.ts';
import { RawDocument } from '../model/schemas.ts';
import { BinaryInputError, decodeBytes } from './decode.ts';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.xhtml', '.jsonl', '.ndjson'];

export type InputFailure = { source: string; error: string };
export type InputItem = { ok: true; doc: RawDocument } | { ok: false; failure: InputFailure };

export interface ReadOptions {
  /** Cap on one document's bytes (after gunzip); longer input is cut with a warning. Default 16 MiB. */
  maxBytes?: number;
  /** What `-` reads; default process.stdin. */
  stdin?: NodeJS.ReadableStream;
  /** The id of the document read from `-` (kg run --id); default: from its content, `stdin:<sha256 of the bytes, 16 hex>`. */
  stdinId?: string;
  /** The URL of the document read from `-` (kg run --url): its id (canonical) and url. */
  stdinUrl?: string;
}

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

type Kind = RawDocument['format'] | 'jsonl';

/** The format a name implies, looking through a .gz suffix; null when unknown. */
export function kindOf(file: string): Kind | null {
  let name = file.toLowerCase();
  if (name.endsWith('.gz')) name = name.slice(0, -3);
  const ext = path.extname(name);
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.txt') return 'text';
  return null;
}

/** Every supported file under the given paths, sorted so runs are repeatable. Throws on a missing path. */
export async function listInputFiles(paths: string[]): Promise<string[]> {
  const { files, missing } = await listPaths(paths);
  if (missing.length) throw new Error(`input not found: ${missing[0]}`);
  return files.map((f) => f.file);
}

interface Listed {
  file: string;
  /** Said on its documents (another path to the same file). */
  warnings: string[];
}

interface Listing {
  files: Listed[];
  missing: string[];
  /** What could not be listed (an unreadable directory, a broken link, a loop), each reported and skipped. */
  problems: InputFailure[];
}

const errnoText = (err: unknown): string => {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return (err as Error)?.message ?? String(err);
};

/**
 * Walks the paths (directories recursively, in name order). Symbolic links
 * are followed, to files and to directories; a link back into a directory
 * being walked is a loop, reported and not followed; a file reached by two
 * paths is read once (under its own path when one is not through a link),
 * with a warning naming the other. A directory that cannot be read is
 * reported and the walk goes on; so is a would-be input that is no regular
 * file (a pipe would block the run).
 */
async function listPaths(paths: string[]): Promise<Listing> {
  const byReal = new Map<string, { paths: string[] }>();
  const missing: string[] = [];
  const problems: InputFailure[] = [];
  const addFile = async (file: string) => {
    const real = await realpath(file).catch(() => path.resolve(file));
    const entry = byReal.get(real);
    if (entry) {
      if (!entry.paths.includes(file)) entry.paths.push(file);
    } else byReal.set(real, { paths: [file] });
  };
  const walk = async (top: string) => {
    // Directories being walked, by real path, with the path they were reached by (loops).
    const stack: Array<{ dir: string; ancestors: Set<string> }> = [];
    const topReal = await realpath(top).catch(() => path.resolve(top));
    const seenDirs = new Set<string>([topReal]);
    stack.push({ dir: top, ancestors: new Set([topReal]) });
    while (stack.length) {
      const { dir, ancestors } = stack.pop()!;
      let entries: Dirent[];
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        problems.push({ source: displayName(dir), error: `directory could not be read (${errnoText(err)}); its files were skipped` });
        continue;
      }
      entries.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
      const subdirs: string[] = [];
      for (const e of entries) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) {
          subdirs.push(full);
          continue;
        }
        if (e.isFile()) {
          if (kindOf(e.name)) await addFile(full);
          continue;
        }
        if (e.isSymbolicLink()) {
          const target = await stat(full).catch((err: unknown) => err as NodeJS.ErrnoException);
          if (target instanceof Error) {
            // A link to nowhere: worth a word only where an input was meant.
            if (kindOf(e.name))
              problems.push({
                source: displayName(full),
                error: target.code === 'ENOENT' ? 'broken symbolic link (its target does not exist)' : errnoText(target),
              });
            continue;
          }
          if (target.isDirectory()) {
            subdirs.push(full);
            continue;
          }
          if (target.isFile()) {
            if (kindOf(e.name)) await addFile(full);
            continue;
          }
        }
        if (kindOf(e.name)) problems.push({ source: displayName(full), error: 'not a regular file (a pipe, socket or device); skipped' });
      }
      // Pushed in reverse so they are walked in name order.
      for (const sub of subdirs.reverse()) {
        const real = await realpath(sub).catch(() => path.resolve(sub));
        if (ancestors.has(real)) {
          problems.push({ source: displayName(sub), error: `symbolic link loop (leads back to ${displayName(real)}); not followed` });
          continue;
        }
        // The same directory reached twice (two links to it): its files are read once, from the first.
        if (seenDirs.has(real)) continue;
        seenDirs.add(real);
        stack.push({ dir: sub, ancestors: new Set([...ancestors, real]) });
      }
    }
  };
  for (const p of paths) {
    const info = await stat(p).catch((err: unknown) => err as NodeJS.ErrnoException);
    if (info instanceof Error) {
      const dangling = info.code === 'ENOENT' && (await lstat(p).catch(() => null))?.isSymbolicLink();
      if (info.code === 'ENOENT' && !dangling) missing.push(p);
      else problems.push({ source: p, error: dangling ? 'broken symbolic link (its target does not exist)' : errnoText(info) });
      continue;
    }
    if (info.isDirectory()) await walk(p);
    else await addFile(p); // named by the user: a pipe too (kg clean <(curl ...))
  }
  const files: Listed[] = [];
  for (const [real, { paths: all }] of byReal) {
    // Its own path when one is not through a link, else the first in order.
    const sorted = [...all].sort();
    const own = sorted.find((f) => path.resolve(f) === real) ?? sorted[0]!;
    const others = sorted.filter((f) => f !== own);
    files.push({ file: own, warnings: others.length ? [`the same file is also at ${others.map(displayName).join(', ')} (symbolic link); read once`] : [] });
  }
  files.sort((x, y) => (x.file < y.file ? -1 : x.file > y.file ? 1 : 0));
  return { files, missing, problems };
}

// ------------------------------------------------------------ byte streams

/** Chunks of a stream, gunzipped when they start with the gzip magic bytes. */
async function* maybeGunzip(input: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const it = input[Symbol.asyncIterator]();
  let first: Buffer | null = null;
  while (!first || first.length < 2) {
    const r = await it.next();
    if (r.done) break;
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    first = first ? Buffer.concat([first, chunk]) : chunk;
  }
  if (!first) return;
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield first!;
    for (let r = await it.next(); !r.done; r = await it.next()) yield typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
  };
  if (first[0] === 0x1f && first[1] === 0x8b) {
    const gunzip = Readable.from(rest()).pipe(createGunzip());
    try {
      for await (const c of gunzip) yield c as Buffer;
    } catch (err) {
      throw new Error(`corrupt gzip data: ${(err as Error).message}`);
    }
  } else yield* rest();
}

/** Reads up to `max` bytes; `truncated` when there was more. */
async function readCapped(chunks: AsyncIterable<Buffer>, max: number): Promise<{ buf: Buffer; truncated: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  let truncated = false;
  for await (const c of chunks) {
    if (size >= max) {
      truncated = true;
      break;
    }
    const take = Math.min(c.length, max - size);
    parts.push(take === c.length ? c : c.subarray(0, take));
    size += take;
    if (take < c.length) {
      truncated = true;
      break;
    }
  }
  return { buf: Buffer.concat(parts, size), truncated };
}

/** Splits a byte stream into lines; a line longer than `max` comes back as `tooLong` (its bytes dropped). */
async function* byteLines(chunks: AsyncIterable<Buffer>, max: number): AsyncGenerator<{ no: number; buf: Buffer | null }> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let no = 0;
  for await (const chunk of chunks) {
    let at = 0;
    while (at < chunk.length) {
      const nl = chunk.indexOf(0x0a, at);
      const end = nl < 0 ? chunk.length : nl;
      if (!tooLong) {
        if (size + (end - at) > max) {
          tooLong = true;
          parts = [];
          size = 0;
        } else {
          parts.push(chunk.subarray(at, end));
          size += end - at;
        }
      }
      if (nl < 0) break;
      no++;
      yield { no, buf: tooLong ? null : Buffer.concat(parts, size) };
      parts = [];
      size = 0;
      tooLong = false;
      at = nl + 1;
    }
  }
  if (size > 0 || tooLong) {
    no++;
    yield { no, buf: tooLong ? null : Buffer.concat(parts, size) };
  }
}

// ----------------------------------------------------------------- JSONL

const TRACKING = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref_src|cmpid)$/i;

/** A URL in one spelling: lower-case host, no fragment, no tracking parameters. */
export function canonicalUrl(url: string): string | null {
  const s = url.trim();
  if (!s) return null;
  try {
    const u = new URL(s);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return s;
    u.hash = '';
    for (const k of [...u.searchParams.keys()]) if (TRACKING.test(k)) u.searchParams.delete(k);
    return u.toString();
  } catch {
    return s;
  }
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v : null;
}

/** One JSON Lines record to a document, or the reason it is none. */
export function jsonlRecord(line: string, source: string, seenIds: Set<string>): InputItem {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (err) {
    return { ok: false, failure: { source, error: `malformed JSON: ${(err as Error).message}` } };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj)) return { ok: false, failure: { source, error: 'not a JSON object' } };
  const o = obj as Record<string, unknown>;
  const html = str(o.html),
    text = str(o.text) ?? str(o.content) ?? str(o.body);
  if (!html && !text) return { ok: false, failure: { source, error: 'no "html" or "text" field with content' } };
  const warnings: string[] = [];
  const rawUrl = str(o.url);
  const url = rawUrl ? canonicalUrl(rawUrl) : null;
  let id = url ?? source;
  if (seenIds.has(id)) {
    warnings.push(`same url as an earlier document; identified as ${source}`);
    id = source;
  }
  seenIds.add(id);
  const pub = o.publishedAt ?? o.published_at ?? o.datePublished ?? o.date;
  let publishedAt: string | null = null;
  if (pub != null && pub !== '') {
    publishedAt = toIsoDate(typeof pub === 'number' ? String(pub) : typeof pub === 'string' ? pub : null);
    if (!publishedAt) warnings.push(`publishedAt ${JSON.stringify(pub).slice(0, 60)} is not a date; ignored`);
  }
  const fmt = o.format === 'markdown' || o.format === 'md' ? 'markdown' : html ? 'html' : 'text';
  // A scraper's text field usually lost the headline into "title"; the headline names things too.
  const title = str(o.title)?.trim() ?? null;
  const body = html ?? (title && text && !text.trimStart().startsWith(title) ? `${title}\n\n${text}` : (text ?? ''));
  // A record that names its own document (id, file) keeps that name as its source, so
  // annotations of that document find it; else the line it came from.
  const ownName = str(o.id) ?? str(o.doc) ?? str(o.file) ?? str(o.filename);
  const fetched = o.fetchedAt ?? o.fetched_at;
  return {
    ok: true,
    doc: RawDocument.parse({
      id,
      source: ownName?.trim() || source,
      format: fmt,
      body,
      url: rawUrl ? url : null,
      title,
      publishedAt,
      fetchedAt: typeof fetched === 'string' && fetched.trim() ? fetched.trim() : null,
      ...(warnings.length ? { warnings } : {}),
    }),
  };
}

async function* readJsonl(chunks: AsyncIterable<Buffer>, name: string, max: number, seen: Set<string>): AsyncGenerator<InputItem> {
  let docs = 0;
  for await (const { no, buf } of byteLines(chunks, max)) {
    const source = `${name}#${no}`;
    if (buf === null) {
      yield { ok: false, failure: { source, error: `line longer than ${max} bytes; skipped` } };
      continue;
    }
    let line: string;
    try {
      const d = decodeBytes(buf);
      line = d.text;
      if (!line.trim()) continue;
      const item = jsonlRecord(line, source, seen);
      if (item.ok && d.warnings.length) item.doc.warnings = [...(item.doc.warnings ?? []), ...d.warnings];
      if (item.ok) docs++;
      yield item;
    } catch (err) {
      yield { ok: false, failure: { source, error: (err as Error).message } };
    }
  }
  if (docs === 0) yield { ok: false, failure: { source: name, error: 'no documents in JSON Lines input' } };
}

// ----------------------------------------------------------- whole files

function sniffKind(text: string): Kind {
  const head = text.slice(0, 4096).trimStart();
  if (/^(?:<!doctype html|<html|<head|<body|<meta|<\?xml|<!--)/i.test(head) || (/^<[a-z][\w-]*[\s>]/i.test(head) && /<\/\w+>/.test(head))) return 'html';
  if (head.startsWith('{')) {
    const first = head.split('\n', 1)[0];
    try {
      if (typeof JSON.parse(first) === 'object') return 'jsonl';
    } catch {
      /* not JSON */
    }
  }
  if (/^#{1,6}\s+\S|^```|\[[^\]]+\]\([^)]+\)/m.test(head)) return 'markdown';
  return 'text';
}

async function* readDocument(chunks: AsyncIterable<Buffer>, name: string, declared: Kind | null, max: number, seen: Set<string>): AsyncGenerator<InputItem> {
  if (declared === 'jsonl') {
    yield* readJsonl(chunks, name, max, seen);
    return;
  }
  // Unknown kind (stdin, an odd extension): look at the first bytes first.
  if (declared === null) {
    const it = chunks[Symbol.asyncIterator]();
    const head: Buffer[] = [];
    let size = 0;
    for (let r = await it.next(); !r.done; r = await it.next()) {
      head.push(r.value);
      size += r.value.length;
      if (size >= 4096) break;
    }
    const replay = async function* (): AsyncGenerator<Buffer> {
      yield* head;
      for (let r = await it.next(); !r.done; r = await it.next()) yield r.value;
    };
    const firstBytes = Buffer.concat(head);
    let kind: Kind = 'text';
    try {
      kind = sniffKind(decodeBytes(firstBytes, { truncated: true }).text);
    } catch {
      /* binary: decided below */
    }
    yield* readDocument(replay(), name, kind, max, seen);
    return;
  }
  const { buf, truncated } = await readCapped(chunks, max);
  if (buf.length === 0) {
    yield { ok: false, failure: { source: name, error: 'empty input (0 bytes)' } };
    return;
  }
  const decoded = decodeBytes(buf, { html: declared === 'html', truncated });
  if (!decoded.text.trim()) {
    yield { ok: false, failure: { source: name, error: 'empty input: only whitespace' } };
    return;
  }
  const warnings = [...decoded.warnings];
  const mib = (max / 1048576).toFixed(max % 1048576 ? 2 : 0);
  if (truncated) warnings.push(`input is larger than ${mib} MiB: only the first ${mib} MiB were read`);
  yield {
    ok: true,
    doc: RawDocument.parse({ id: name, source: name, format: declared, body: decoded.text, ...(warnings.length ? { warnings } : {}) }),
  };
}

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A file's identity must not depend on where kg runs from (a refresh started
 * by cron elsewhere would see every document as new): relative to the
 * project's root for files inside it ("seeds/000_….txt"), else absolute.
 */
function displayName(file: string): string {
  const abs = path.resolve(file);
  const rel = path.relative(PROJECT_ROOT, abs);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : abs;
}

/** Reads every document under `paths`, in a repeatable order, one item per document or failure. */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const seen = new Set<string>(); // JSON Lines ids (canonical URLs) already given out in this run
  const wantsStdin = paths.includes('-');
  const { files, missing, problems } = await listPaths(paths.filter((p) => p !== '-'));
  for (const m of missing) yield { ok: false, failure: { source: m, error: 'input not found' } };
  for (const failure of problems) yield { ok: false, failure };
  if (wantsStdin) {
    const stdin = (options.stdin ?? process.stdin) as AsyncIterable<Buffer | string>;
    try {
      for await (const item of readDocument(maybeGunzip(stdin), '-', null, max, seen)) yield stdinIdentity(item, options);
    } catch (err) {
      yield { ok: false, failure: { source: '-', error: describe(err) } };
    }
  }
  for (const { file, warnings } of files) {
    const name = displayName(file);
    try {
      const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
      try {
        for await (const item of readDocument(maybeGunzip(stream), name, kindOf(file), max, seen)) {
          if (item.ok && warnings.length) item.doc.warnings = [...(item.doc.warnings ?? []), ...warnings];
          yield item;
        }
      } finally {
        stream.destroy();
      }
    } catch (err) {
      yield { ok: false, failure: { source: name, error: describe(err) } };
    }
  }
}

/**
 * How many items (documents and failures) `readInputs(paths)` will give, so
 * progress can show a total and the time left; null when standard input is
 * among the paths (known only once read). A JSON Lines file counts its
 * non-blank lines (read once more, gunzipped if need be: far cheaper than
 * extracting them); any other file is one document. An estimate: a file
 * sniffed as JSON Lines despite its name counts as one.
 */
export async function countInputs(paths: string[]): Promise<number | null> {
  if (paths.includes('-')) return null;
  const { files, missing, problems } = await listPaths(paths);
  let n = missing.length + problems.length;
  for (const { file } of files) {
    if (kindOf(file) !== 'jsonl') {
      n++;
      continue;
    }
    const stream = createReadStream(file, { highWaterMark: 256 * 1024 });
    try {
      n += Math.max(1, await nonBlankLines(maybeGunzip(stream)));
    } catch {
      n++; // unreadable: one failure
    } finally {
      stream.destroy();
    }
  }
  return n;
}

async function nonBlankLines(chunks: AsyncIterable<Buffer>): Promise<number> {
  let lines = 0;
  let blank = true;
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === 10) {
        if (!blank) lines++;
        blank = true;
      } else if (b !== 32 && b !== 9 && b !== 13) blank = false;
    }
  }
  return blank ? lines : lines + 1;
}

/**
 * Every text piped in used to be the document "-", so a second `kg run -`
 * replaced the first one's facts. A stdin document without a URL of its own
 * is named by its content (the same text piped twice is the same document) or
 * by --id / --url; JSON Lines records keep their URLs, and line numbers
 * ("-#3") become content names too.
 */
function stdinIdentity(item: InputItem, options: ReadOptions): InputItem {
  if (!item.ok || !(item.doc.id === '-' || item.doc.id.startsWith('-#'))) return item;
  const doc = item.doc;
  const whole = doc.id === '-';
  if (whole && options.stdinUrl) {
    const url = canonicalUrl(options.stdinUrl) ?? options.stdinUrl;
    return { ok: true, doc: { ...doc, id: url, url } };
  }
  if (whole && options.stdinId) return { ok: true, doc: { ...doc, id: options.stdinId } };
  return { ok: true, doc: { ...doc, id: `stdin:${createHash('sha256').update(doc.body).digest('hex').slice(0, 16)}` } };
}

function describe(err: unknown): string {
  if (err instanceof BinaryInputError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EACCES') return 'permission denied';
  if (e?.code === 'EISDIR') return 'is a directory';
  return e?.message ?? String(err);
}
