// Cleaning: raw document in, the text extraction can rely on out. Pure: no I/O.
//
// Each format is first brought to lines of text pieces that remember their
// source offsets (HTML through the article extractor in html.ts, Markdown with
// its syntax stripped, plain text as it is). The same rules then apply to all:
// Unicode normalization, the page's own date line and byline harvested as
// metadata and dropped, furniture lines and paragraphs dropped, language
// detected. The result carries a source map and a content hash.
import { createHash } from 'node:crypto';
import { CleanDocument, type RawDocument } from '../model/schemas.ts';
import { toIsoDate } from './dates.ts';
import { bylineName, dateLine, isFurnitureLine, type DateLine } from './furniture.ts';
import { extractHtml } from './html.ts';
import { decideLang } from './lang.ts';
import { BREAK, isBreak, lineText, textLines, type Line } from './lines.ts';
import { markdownLines } from './markdown.ts';
import { normalizeChars } from './normalize.ts';

export { normalizeText } from './normalize.ts';

/** Where the page's own date and byline lines are looked for: the top of the text. */
const HEAD_LINES = 40;

interface Stage {
  lines: Line[];
  url: string | null;
  title: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  author: string | null;
  lang: string | null;
  warnings: string[];
}

function fromFormat(raw: RawDocument): Stage {
  const base = {
    url: raw.url ?? null,
    title: raw.title ?? null,
    publishedAt: raw.publishedAt ?? null,
    modifiedAt: null,
    author: null,
    lang: null,
    warnings: [] as string[],
  };
  if (raw.format === 'html') {
    const h = extractHtml(raw.body, { url: raw.url ?? null });
    return {
      lines: h.lines.map((l) => ({ pieces: [{ text: l.text, src: l.sourceStart }] })),
      url: raw.url ?? h.url,
      title: raw.title ?? h.title,
      publishedAt: raw.publishedAt ?? h.publishedAt,
      modifiedAt: h.modifiedAt,
      author: h.author,
      lang: h.lang,
      warnings: h.warnings,
    };
  }
  if (raw.format === 'markdown') {
    const md = markdownLines(raw.body);
    return {
      ...base,
      lines: md.lines,
      title: raw.title ?? md.title,
      publishedAt: raw.publishedAt ?? toIsoDate(md.date),
      author: md.author,
    };
  }
  return { ...base, lines: textLines(raw.body) };
}

/** Normalizes every piece; pieces whose text changed length keep their start only. */
function normalizeLines(lines: Line[]): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    if (isBreak(l)) {
      out.push(BREAK);
      continue;
    }
    const pieces = l.pieces.map((p) => ({ text: normalizeChars(p.text).replace(/\n/g, ' '), src: p.src }));
    // Collapse runs of spaces across the whole line and trim its ends.
    let prevSpace = true;
    const kept = [];
    for (const p of pieces) {
      let t = '';
      for (const ch of p.text) {
        const space = ch === ' ';
        if (space && prevSpace) continue;
        t += ch;
        prevSpace = space;
      }
      if (t) kept.push({ text: t, src: p.src });
    }
    const last = kept[kept.length - 1];
    if (last) last.text = last.text.replace(/ +$/, '');
    const nonEmpty = kept.filter((p) => p.text);
    out.push(nonEmpty.length ? { pieces: nonEmpty } : BREAK);
  }
  return out;
}

/** Paragraphs: runs of lines between breaks, as index ranges [from, to). */
function paragraphs(lines: Line[], html: boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let from = -1;
  for (let i = 0; i <= lines.length; i++) {
    const brk = i === lines.length || isBreak(lines[i]);
    if (html && !brk) {
      out.push([i, i + 1]);
      continue;
    }
    if (brk) {
      if (from >= 0) out.push([from, i]);
      from = -1;
    } else if (from < 0) from = i;
  }
  return out;
}

const KV = /^[^\p{L}\p{N}]{0,4}\p{Lu}[\p{L}\p{N} '&/-]{0,30}?(?:\s*\(\d+\))?\s*:\s*(.*)$/u;

/** A run of "Label: value" lines with several short numeric values: a page-status / stats widget. */
function isStatusPanel(texts: string[]): boolean {
  if (texts.length < 4) return false;
  let kv = 0,
    numeric = 0;
  for (const t of texts) {
    const m = KV.exec(t);
    if (!m) continue;
    kv++;
    // Ratings and counts: "60 (Good)", "2.9k", "2025-12-28 (5 weeks ago)".
    if (m[1].length <= 25 && /\d/.test(m[1]) && !/\p{L}{3,}\s+\p{L}{3,}\s+\p{L}{3,}/u.test(m[1])) numeric++;
  }
  return kv >= texts.length * 0.4 && numeric >= 3;
}

/** "Jane is an award-winning reporter who ..." next to a byline. */
function isAuthorBio(text: string, author: string | null): boolean {
  if (!author || text.length > 800) return false;
  const first = author.split(/[\s,]+/)[0];
  if (!first || first.length < 2) return false;
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^(?:${esc(author)}|${esc(first)})\\s+(?:is|was|has|covers|writes|joined|reports|leads)\\b`, 'u');
  return re.test(text);
}

/** A closing call to action: contact us, subscribe, follow us. */
const CTA =
  /\b(?:reach out to|contact us|get in touch|don'?t hesitate|subscrib\w* (?:to|for) (?:our|my)|sign(?:ing)? up (?:to|for) (?:our|my)|newsletters?|news letter|follow us|visit our|learn more at)\b/i;

export interface CleanOptions {
  /** Skip language detection (the caller knows the language). */
  lang?: string;
}

/** A document cleaning could not handle; the message names the cause and the stage ("cleaning failed: ..."). */
export class CleanError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CleanError';
  }
}

/**
 * What went wrong while cleaning, in words: a stack overflow is the page's
 * shape (nesting), not a read error.
 */
export function cleanFailure(err: unknown): string {
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return 'cleaning failed: stack overflow (the page nests its elements too deeply)';
  }
  return `cleaning failed: ${(err as Error)?.message ?? String(err)}`;
}

export function cleanDocument(raw: RawDocument, options: CleanOptions = {}): CleanDocument {
  try {
    return cleanUnguarded(raw, options);
  } catch (err) {
    if (err instanceof CleanError) throw err;
    throw new CleanError(cleanFailure(err), { cause: err });
  }
}

function cleanUnguarded(raw: RawDocument, options: CleanOptions): CleanDocument {
  const st = fromFormat(raw);
  const warnings = [...(raw.warnings ?? []), ...st.warnings];
  let lines = normalizeLines(st.lines);

  // The page's own date and byline lines: metadata, not text.
  const dates: DateLine[] = [];
  let author = st.author;
  let seen = 0;
  lines = lines.filter((l) => {
    if (isBreak(l)) return true;
    const t = lineText(l);
    // Past the head only HTML loses such lines (a text's date lines further down are content).
    const head = seen++ < HEAD_LINES;
    if (!head && raw.format !== 'html') return true;
    const d = dateLine(t);
    if (d) {
      if (head) dates.push(d);
      return false;
    }
    const by = bylineName(t);
    if (by) {
      if (head) author ??= by;
      return false;
    }
    return true;
  });
  let publishedAt = st.publishedAt;
  if (!publishedAt) {
    publishedAt = (dates.find((d) => d.kind !== 'updated') ?? dates[0])?.iso ?? null;
    if (!publishedAt && st.modifiedAt) publishedAt = st.modifiedAt;
  }

  // Paragraph-level furniture: status panels, author bios, closing calls to action.
  const paras = paragraphs(lines, raw.format === 'html');
  const drop = new Set<number>();
  paras.forEach(([from, to], k) => {
    const texts = lines.slice(from, to).map(lineText);
    const whole = texts.join(' ');
    const tail = k >= paras.length - 4 && paras.length > 4;
    if (isStatusPanel(texts) || isAuthorBio(whole, author) || (tail && whole.length <= 400 && CTA.test(whole))) {
      for (let i = from; i < to; i++) drop.add(i);
    }
  });
  if (drop.size) lines = lines.filter((_, i) => !drop.has(i));
  lines = lines.filter((l) => isBreak(l) || !isFurnitureLine(lineText(l)));

  // Title of a text document: a short standalone first line.
  let title = st.title;
  if (!title && raw.format !== 'html') {
    const i = lines.findIndex((l) => !isBreak(l));
    const t = i >= 0 ? lineText(lines[i]) : '';
    if (t && t.length <= 150 && !/[.:;,]$/.test(t) && /^\p{Lu}/u.test(t) && t.split(' ').length >= 3 && (i + 1 >= lines.length || isBreak(lines[i + 1])))
      title = t;
  }

  // Assemble the text and its source map.
  let text = '';
  const sourceMap: Array<{ start: number; end: number; sourceStart: number }> = [];
  let pendingBreak = false;
  for (const l of lines) {
    if (isBreak(l)) {
      pendingBreak = text.length > 0;
      continue;
    }
    if (text.length) text += pendingBreak ? '\n\n' : '\n';
    pendingBreak = false;
    for (const p of l.pieces) {
      if (p.src >= 0) sourceMap.push({ start: text.length, end: text.length + p.text.length, sourceStart: p.src });
      text += p.text;
    }
  }

  const lang = options.lang ?? decideLang(st.lang, text);
  if (!text) warnings.push('no text left after cleaning');
  else if (lang && lang !== 'en') warnings.push(`language is ${lang}, not English: extraction rules are English-only`);
  if (!lang && text.length > 200) warnings.push('language could not be determined');

  return CleanDocument.parse({
    id: raw.id,
    source: raw.source,
    url: st.url,
    title: title ? normalizeChars(title).replace(/\s+/g, ' ').trim() || null : null,
    publishedAt,
    author: author ? normalizeChars(author).replace(/\s+/g, ' ').trim() || null : null,
    lang,
    text,
    contentHash: createHash('sha256').update(text).digest('hex'),
    sourceMap,
    warnings,
  });
}
