// Markdown to plain lines: syntax stripped (headings, emphasis, links to their
// text, images to their alt text, code fences to their code, tables to
// " | "-separated cells), text kept, every piece mapped to its source offset.
import { BREAK, type Line, type Piece } from './lines.ts';

export interface MarkdownResult {
  lines: Line[];
  title: string | null;
  /** `date:` from YAML front matter, as written. */
  date: string | null;
  author: string | null;
}

// Inline constructs, left to right. Groups: 1 image alt, 2 link text, 3 autolink,
// 4 HTML tag, 5 code, 6/7 strong, 8 strike, 9 emphasis *, 10 emphasis _, 11 escaped char; last: footnote ref.
// Every construct's content is at most SPAN characters long: unbounded, an
// opening mark with no closing one ("**a **a **a ...", "[a [a ...") made each
// of its occurrences scan to the end of the line, time quadratic in the line
// (a 60 KiB line took 5-9 s to clean); bounded, it is linear. Real markup
// stays far below it.
const SPAN = 1000;
const INLINE_RE = new RegExp(
  [
    `!\\[([^\\]]{0,${SPAN}})\\]\\([^)]{0,${SPAN}}\\)`,
    `\\[((?:[^\\]\\\\]|\\\\.){1,${SPAN}})\\](?:\\([^)]{0,${SPAN}}\\)|\\[[^\\]]{0,${SPAN}}\\])`,
    `<((?:https?|mailto):[^>\\s]{1,${SPAN}})>`,
    `(<\\/?[A-Za-z][^>]{0,${SPAN}}>)`,
    `\`+([^\`]{1,${SPAN}}?)\`+`,
    `(\\*\\*|__)(?=\\S)(.{1,${SPAN}}?)(?<=\\S)\\6`,
    `~~(.{1,${SPAN}}?)~~`,
    `\\*(?=[^\\s*])(.{1,${SPAN}}?)(?<=[^\\s*])\\*`,
    `(?<![\\p{L}\\p{N}_])_(?=\\S)(.{1,${SPAN}}?)(?<=\\S)_(?![\\p{L}\\p{N}_])`,
    `\\\\([\\\\\`*_{}[\\]()#+\\-.!|>~])`,
    `\\[\\^[^\\]]{1,${SPAN}}\\]`,
  ].join('|'),
  'gu',
);

/** Strips inline markdown from `s`, which starts at `base` in the source. */
export function inlinePieces(s: string, base: number): Piece[] {
  const out: Piece[] = [];
  const push = (text: string, src: number): void => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && last.src >= 0 && src >= 0 && last.src + last.text.length === src) last.text += text;
    else out.push({ text, src });
  };
  const re = new RegExp(INLINE_RE.source, 'gu');
  let at = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    push(s.slice(at, m.index), base + at);
    if (m[1] !== undefined) push(m[1], base + m.index + 2);
    else if (m[2] !== undefined) for (const p of inlinePieces(m[2], base + m.index + 1)) push(p.text, p.src);
    else if (m[3] !== undefined) push(m[3], base + m.index + 1);
    else if (m[4] !== undefined) {
      /* inline HTML tag: dropped */
    } else if (m[5] !== undefined) push(m[5], base + m.index + m[0].indexOf(m[5]));
    else if (m[7] !== undefined) for (const p of inlinePieces(m[7], base + m.index + 2)) push(p.text, p.src);
    else if (m[8] !== undefined) for (const p of inlinePieces(m[8], base + m.index + 2)) push(p.text, p.src);
    else if (m[9] !== undefined) for (const p of inlinePieces(m[9], base + m.index + 1)) push(p.text, p.src);
    else if (m[10] !== undefined) for (const p of inlinePieces(m[10], base + m.index + 1)) push(p.text, p.src);
    else if (m[11] !== undefined) push(m[11], base + m.index + 1);
    at = m.index + m[0].length;
  }
  push(s.slice(at), base + at);
  return out;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}(?:\s+|$)/;
const SETEXT = /^\s{0,3}(?:=+|-+)\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?/;
const LIST = /^\s*(?:[-*+•]|\d{1,9}[.)])\s+(?:\[[ xX]\]\s+)?/;
const TABLE_SEP = /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/;
const REF_DEF = /^\s{0,3}\[[^\]]+\]:\s*\S+/;

function frontMatter(body: string): { end: number; fields: Record<string, string> } {
  const m = /^(?:\uFEFF)?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(body);
  if (!m) return { end: 0, fields: {} };
  const fields: Record<string, string> = {};
  for (const line of m[1].split(/\r?\n/)) {
    const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*?)\s*$/.exec(line);
    if (kv?.[2]) fields[kv[1].toLowerCase()] = kv[2].replace(/^["']|["']$/g, '');
  }
  return { end: m[0].length, fields };
}

export function markdownLines(body: string): MarkdownResult {
  const fm = frontMatter(body);
  const lines: Line[] = [];
  let title: string | null = fm.fields.title ?? null;
  let fence: string | null = null;
  let pos = fm.end;
  let prevText = false;
  let inComment = false;
  while (pos <= body.length) {
    let nl = body.indexOf('\n', pos);
    if (nl < 0) nl = body.length;
    const raw = body.slice(pos, nl).replace(/\r$/, '');
    const start = pos;
    pos = nl + 1;
    if (fence) {
      if (raw.trim().startsWith(fence)) {
        fence = null;
        lines.push(BREAK);
        prevText = false;
        continue;
      }
      const lead = raw.length - raw.trimStart().length;
      lines.push(raw.trim() ? { pieces: [{ text: raw.trim(), src: start + lead }] } : BREAK);
      continue;
    }
    if (inComment) {
      if (raw.includes('-->')) inComment = false;
      continue;
    }
    const fm2 = FENCE.exec(raw);
    if (fm2) {
      fence = fm2[1][0].repeat(3);
      lines.push(BREAK);
      prevText = false;
      continue;
    }
    if (/^\s*<!--/.test(raw)) {
      if (!raw.includes('-->')) inComment = true;
      continue;
    }
    if (!raw.trim() || (RULE.test(raw) && !(prevText && /^\s{0,3}-+\s*$/.test(raw)))) {
      lines.push(BREAK);
      prevText = false;
      continue;
    }
    if (prevText && SETEXT.test(raw)) {
      // The line above was a heading.
      if (!title && /=/.test(raw)) title = lines.length ? lines[lines.length - 1].pieces.map((p) => p.text).join('') : null;
      lines.push(BREAK);
      prevText = false;
      continue;
    }
    if (REF_DEF.test(raw) || (TABLE_SEP.test(raw) && raw.includes('-') && raw.includes('|'))) continue;
    let off = 0;
    let s = raw;
    const strip = (re: RegExp): boolean => {
      const m = re.exec(s);
      if (!m) return false;
      off += m[0].length;
      s = s.slice(m[0].length);
      return true;
    };
    while (strip(QUOTE)) {
      /* nested quotes */
    }
    let heading = false;
    if (HEADING.test(s)) {
      heading = true;
      const level = /#+/.exec(s)![0].length;
      strip(HEADING);
      s = s.replace(/\s+#+\s*$/, '');
      if (!title && level === 1) title = s.trim();
    } else strip(LIST);
    const lead = s.length - s.trimStart().length;
    off += lead;
    s = s.trim();
    let pieces: Piece[];
    if ((s.startsWith('|') && s.endsWith('|')) || (/\S\s*\|\s*\S/.test(s) && /^\|/.test(s))) {
      // Table row: cells joined with " | ".
      pieces = [];
      let cellAt = off;
      for (const cell of s.replace(/^\||\|$/g, '').split(/(?<!\\)\|/)) {
        const cellLead = cell.length - cell.trimStart().length;
        const cp = inlinePieces(cell.trim(), start + cellAt + 1 + cellLead);
        if (cp.length) {
          if (pieces.length) pieces.push({ text: ' | ', src: -1 });
          pieces.push(...cp);
        }
        cellAt += cell.length + 1;
      }
    } else pieces = inlinePieces(s, start + off);
    pieces = pieces.filter((p) => p.text);
    if (pieces.length) lines.push({ pieces });
    if (heading) {
      lines.push(BREAK);
      prevText = false;
    } else prevText = pieces.length > 0;
  }
  return { lines, title, date: fm.fields.date ?? fm.fields.published ?? null, author: fm.fields.author ?? null };
}
