// Long documents are extracted part by part. Several rules look back over
// every earlier mention or sentence (references, the summit a text is about,
// list introductions), so the work on one text grows faster than its length:
// a 5 MB page of one line took minutes. Cut into parts of at most
// MAX_PART_CHARS at paragraph, line or sentence ends (never inside a
// sentence), the work per part is bounded and a document's work grows with
// its number of parts, i.e. linearly. No news article comes near the limit
// (the longest of 2,225 BBC articles has 25,000 characters), so their output
// is what it always was.
//
// Each part after the first is read with the whole paragraphs (or lines, or
// sentences) of up to OVERLAP_CHARS before it as context, so a fact whose
// sentence follows a cut but whose names or list introduction come before it
// is still found. Each fact and mention belongs to one part: a part keeps the
// mentions that start in its own span and the relations whose evidence
// reaches into it; what lies wholly in the context was kept by the part before,
// which read it whole.
//
// The parts' results are put back together as the whole document's: offsets
// (mentions, evidence) are shifted to the whole cleaned text, an entity with
// the same key in several parts (a registry id, a name) is one entity, and
// things introduced without a name (keys 'unnamed:...') stay distinct per
// part unless the context shows them to be the one the part before found (a
// mention at the same offsets).
import { DocumentExtraction, type CleanDocument, type LocalEntity, type LocalRelation } from '../model/schemas.ts';

/** Longest text extracted in one piece (characters). */
export const MAX_PART_CHARS = 64 * 1024;

/** Where a sentence ends inside a line: what splitSentences cuts at, without its abbreviation check. */
const SENTENCE_END = /[.!?]["')\]]*\s+(?=["'([]?[\p{Lu}\p{N}])/gu;
/** A line that ends a sentence (a text wrapped by hand breaks its lines inside sentences too). */
const LINE_AFTER_SENTENCE = /[.!?]["')\]]*[ \t]*\n/g;

/** The end of the last match of a global regex in `s`, or -1. */
function lastEnd(re: RegExp, s: string): number {
  let end = -1;
  let m: RegExpExecArray | null;
  re.lastIndex = 0;
  while ((m = re.exec(s))) end = m.index + m[0].length;
  return end;
}

/**
 * [start, end) spans covering `text`, each at most `max` characters: cut at
 * the last blank line in the second half of the span, else the last line
 * break after a sentence end, else the last sentence end, else the last line
 * break, else the last space, else anywhere (never inside a surrogate pair).
 */
export function splitParts(text: string, max = MAX_PART_CHARS): Array<[number, number]> {
  const parts: Array<[number, number]> = [];
  let start = 0;
  while (text.length - start > max) {
    const limit = start + max;
    const floor = start + Math.floor(max / 2);
    const window = text.slice(floor, limit);
    let cut = -1;
    const blank = window.lastIndexOf('\n\n');
    if (blank >= 0) cut = floor + blank + 2;
    for (const re of [LINE_AFTER_SENTENCE, SENTENCE_END]) {
      if (cut >= 0) break;
      const end = lastEnd(re, window);
      if (end >= 0) cut = floor + end;
    }
    if (cut < 0) {
      const line = window.lastIndexOf('\n');
      if (line >= 0) cut = floor + line + 1;
    }
    if (cut < 0) {
      const space = window.search(/\s\S*$/);
      if (space >= 0) cut = floor + space + 1;
    }
    if (cut < 0 || cut > limit) {
      cut = limit;
      const code = text.charCodeAt(cut);
      if (code >= 0xdc00 && code <= 0xdfff) cut--;
    }
    parts.push([start, cut]);
    start = cut;
  }
  parts.push([start, text.length]);
  return parts;
}

/** Context read before a part (characters at most): a few paragraphs of news. */
export const OVERLAP_CHARS = 4 * 1024;

/**
 * Where the context of a part starting at `start` begins: the first
 * paragraph start within `overlap` characters before it, else the first
 * sentence start (a line after a sentence end first); `start` itself when
 * there is none (a text without sentence ends gets no context), 0 when the
 * text before is shorter than `overlap`.
 */
export function contextStart(text: string, start: number, overlap = OVERLAP_CHARS): number {
  if (start <= overlap) return 0;
  const from = start - overlap;
  const window = text.slice(from, start);
  const blank = window.indexOf('\n\n');
  if (blank >= 0 && from + blank + 2 < start) return from + blank + 2;
  for (const re of [LINE_AFTER_SENTENCE, SENTENCE_END]) {
    re.lastIndex = 0;
    const m = re.exec(window);
    if (m && from + m.index + m[0].length < start) return from + m.index + m[0].length;
  }
  return start;
}

/** Extracts `doc` part by part with `extractOne` and puts the results together as the whole document's. */
export function extractInParts(
  doc: CleanDocument,
  extractOne: (doc: CleanDocument) => DocumentExtraction,
  max = MAX_PART_CHARS,
  overlap = OVERLAP_CHARS,
): DocumentExtraction {
  const entities = new Map<string, LocalEntity>();
  /** Mention offsets per entity key ("start:end"), so the same mention is kept once. */
  const seen = new Map<string, Set<string>>();
  /** Entity key by mention offsets, for the unnamed things a context shows to be one found before. */
  const byMention = new Map<string, string>();
  const relations = new Map<string, LocalRelation>();
  const addMentions = (key: string, mentions: LocalEntity['mentions']) => {
    const entity = entities.get(key)!;
    let offsets = seen.get(key);
    if (!offsets) seen.set(key, (offsets = new Set()));
    for (const m of mentions) {
      const at = `${m.start}:${m.end}`;
      if (offsets.has(at)) continue;
      offsets.add(at);
      entity.mentions.push(m);
      if (!byMention.has(at)) byMention.set(at, key);
    }
  };
  splitParts(doc.text, max).forEach(([own, end], index) => {
    const start = index === 0 ? own : contextStart(doc.text, own, overlap);
    // The part stands alone: no source map or fingerprint to copy (they describe the whole text).
    const part = extractOne({ ...doc, text: doc.text.slice(start, end), sourceMap: [], contentHash: '', warnings: [] });
    const shift = (e: LocalEntity) => e.mentions.map((m) => ({ ...m, start: m.start + start, end: m.end + start }));
    // Keys in this part -> keys in the whole: an unnamed thing with a mention the part before found is that one.
    const keys = new Map<string, string>();
    for (const e of part.entities) {
      if (!e.key.startsWith('unnamed:') || index === 0) keys.set(e.key, e.key);
      else {
        const before = shift(e)
          .filter((m) => m.start < own)
          .map((m) => byMention.get(`${m.start}:${m.end}`))
          .find((k) => k?.startsWith('unnamed:'));
        keys.set(e.key, before ?? `${e.key}@part${index}`);
      }
    }
    // Relations whose evidence reaches past the context: the part before could not read them whole.
    const kept: LocalRelation[] = [];
    for (const r of part.relations) {
      if (start + r.evidence.end <= own) continue;
      kept.push({
        ...r,
        source: keys.get(r.source) ?? r.source,
        target: keys.get(r.target) ?? r.target,
        evidence: { ...r.evidence, doc: doc.id, start: r.evidence.start + start, end: r.evidence.end + start },
      });
    }
    const used = new Set(kept.flatMap((r) => [r.source, r.target]));
    for (const e of part.entities) {
      const key = keys.get(e.key)!;
      const all = shift(e);
      const mine = all.filter((m) => m.start >= own);
      const known = entities.get(key);
      // Seen only in the context: the part before has it, unless a fact of this part needs it and that part missed it.
      if (!mine.length && (known || !used.has(key))) continue;
      const mentions = mine.length ? mine : all;
      if (!known) {
        entities.set(key, { ...e, key, aliases: [...e.aliases], mentions: [] });
        addMentions(key, mentions);
        continue;
      }
      for (const a of [e.name, ...e.aliases]) if (a !== known.name && !known.aliases.includes(a)) known.aliases.push(a);
      known.date ??= e.date;
      known.registryId ??= e.registryId;
      addMentions(key, mentions);
    }
    for (const r of kept) {
      // As within one part: one relation per type and pair, with its most confident evidence (the first on a tie).
      const k = `${r.type}|${r.source}|${r.target}`;
      const prev = relations.get(k);
      if (!prev || prev.evidence.confidence < r.evidence.confidence) relations.set(k, r);
    }
  });
  // A signature's date is its agreement's, which a later part may have dated.
  const rels = [...relations.values()].map((r) => (r.type === 'SIGNED' ? { ...r, date: entities.get(r.target)?.date ?? null } : r));
  return DocumentExtraction.parse({ document: doc, entities: [...entities.values()], relations: rels });
}
