// Long documents are extracted part by part. Several rules look back over
// every earlier mention or sentence (references, the summit a text is about,
// list introductions), so the work on one text grows faster than its length:
// a 5 MB page of one line took minutes. Cut into parts of at most
// MAX_PART_CHARS at paragraph, line or sentence ends, the work per part is
// bounded and a document's work grows with its number of parts, i.e.
// linearly. No news article comes near the limit (the longest of 2,225 BBC
// articles has 25,000 characters), so their output is what it always was;
// what a long report loses is a reference or a list that spans a cut.
//
// The parts' results are put back together as the whole document's: offsets
// (mentions, evidence) are shifted to the whole cleaned text, an entity with
// the same key in several parts (a registry id, a name) is one entity, and
// things introduced without a name (keys 'unnamed:...') stay distinct per
// part.
import { DocumentExtraction, type CleanDocument, type LocalEntity, type LocalRelation } from '../model/schemas.ts';

/** Longest text extracted in one piece (characters). */
export const MAX_PART_CHARS = 64 * 1024;

/** Where a sentence ends inside a line: what splitSentences cuts at, without its abbreviation check. */
const SENTENCE_END = /[.!?]["')\]]*\s+(?=["'([]?[\p{Lu}\p{N}])/gu;

/**
 * [start, end) spans covering `text`, each at most `max` characters: cut at
 * the last blank line in the second half of the span, else the last line
 * break, else the last sentence end, else the last space, else anywhere
 * (never inside a surrogate pair).
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
    if (cut < 0) {
      const line = window.lastIndexOf('\n');
      if (line >= 0) cut = floor + line + 1;
    }
    if (cut < 0) {
      let m: RegExpExecArray | null;
      SENTENCE_END.lastIndex = 0;
      while ((m = SENTENCE_END.exec(window))) cut = floor + m.index + m[0].length;
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

/** Extracts `doc` part by part with `extractOne` and puts the results together as the whole document's. */
export function extractInParts(doc: CleanDocument, extractOne: (doc: CleanDocument) => DocumentExtraction, max = MAX_PART_CHARS): DocumentExtraction {
  const entities = new Map<string, LocalEntity>();
  const relations = new Map<string, LocalRelation>();
  splitParts(doc.text, max).forEach(([start, end], index) => {
    // The part stands alone: no source map or fingerprint to copy (they describe the whole text).
    const part = extractOne({ ...doc, text: doc.text.slice(start, end), sourceMap: [], contentHash: '', warnings: [] });
    const keyOf = (key: string) => (index > 0 && key.startsWith('unnamed:') ? `${key}@part${index}` : key);
    for (const e of part.entities) {
      const key = keyOf(e.key);
      const mentions = e.mentions.map((m) => ({ ...m, start: m.start + start, end: m.end + start }));
      const known = entities.get(key);
      if (!known) {
        entities.set(key, { ...e, key, aliases: [...e.aliases], mentions });
        continue;
      }
      for (const a of [e.name, ...e.aliases]) if (a !== known.name && !known.aliases.includes(a)) known.aliases.push(a);
      known.date ??= e.date;
      known.registryId ??= e.registryId;
      known.mentions.push(...mentions);
    }
    for (const r of part.relations) {
      const shifted: LocalRelation = {
        ...r,
        source: keyOf(r.source),
        target: keyOf(r.target),
        evidence: { ...r.evidence, doc: doc.id, start: r.evidence.start + start, end: r.evidence.end + start },
      };
      // As within one part: one relation per type and pair, with its most confident evidence (the first on a tie).
      const k = `${shifted.type}|${shifted.source}|${shifted.target}`;
      const prev = relations.get(k);
      if (!prev || prev.evidence.confidence < shifted.evidence.confidence) relations.set(k, shifted);
    }
  });
  // A signature's date is its agreement's, which a later part may have dated.
  const rels = [...relations.values()].map((r) => (r.type === 'SIGNED' ? { ...r, date: entities.get(r.target)?.date ?? null } : r));
  return DocumentExtraction.parse({ document: doc, entities: [...entities.values()], relations: rels });
}
