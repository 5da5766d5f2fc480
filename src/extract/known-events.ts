// Known meetings described instead of named: "last year's G-7 summit in Japan", "a May meeting in Seoul", "the
// prior summit in France", "the first AI safety summit". News refers to the summits of a series this way far more
// often than by their official names. Each cue in the phrase (place, year, month, series, order) is a constraint on
// the registry's dated summits; a phrase names one only when exactly one summit meets all of them. Pure.
import { registry, type RegistryEntry } from '../registry/index.ts';
import { normalizeName } from '../resolve/normalize.ts';
import { MONTHS } from './dates.ts';
import type { Candidate } from './recognize.ts';

const HEAD = /\b(summit|meeting|conference|gathering|ministerial)(?!s)\b/gi;
/** Words that may stand between the determiner and the head: order, scope, length, topic. */
const MODIFIER =
  /^(?:first|second|third|fourth|fifth|inaugural|prior|previous|earlier|last|recent|landmark|global|international|high-level|ministerial|leaders['’]?|world|annual|historic|two-day|three-day|\d+-day|AI|artificial|intelligence|safety|security|digital|tech|technology|G-?7|G-?20|GPAI|REAIM|COP\s?\d+|\d{4}|January|February|March|April|May|June|July|August|September|October|November|December|[\p{Lu}][\p{L}]+['’]s?|the|a|an|this|that|its|their|year['’]s|month['’]s)$/iu;
const MONTH_RE = new RegExp(String.raw`\b(${MONTHS.join('|')})\b`, 'i');
const SERIES = /\b(G-?7|G-?20|GPAI|REAIM|COP)\b/i;
/** "held in the western Japan city of Hiroshima", "in Seoul", "at Bletchley Park", "on AI in Paris", "on AI opens in Paris". */
const TAIL =
  /^\s+(?:(?:held|hosted|convened|taking place|that took place)\s+)?(?:on\s+(?:AI|artificial intelligence|AI safety)\s+)?(?:(?:opens|opened|opening|begins|began|starts|started|kicks off|kicked off|held|taking place)\s+)?(?:(?:in|at)\s+)(?:the\s+)?(?:[\p{Ll}-]+\s+){0,3}?(?:(?:[\p{Lu}][\p{L}]+\s+)?(?:city|capital|town|region|province)\s+of\s+)?([\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*){0,2})/u;

interface Constraints {
  places: RegistryEntry[];
  year?: number;
  month?: number;
  series?: string;
  safety: boolean;
  first: boolean;
  before: boolean;
}

const seriesKey = (s: string) =>
  s
    .toUpperCase()
    .replace(/[-\s]/g, '')
    .replace(/^COP\d+$/, 'COP');

function summitForms(s: RegistryEntry): string[] {
  return [s.name, ...s.aliases].map((f) => f.toUpperCase().replace(/G-(\d)/g, 'G$1'));
}

function meets(s: RegistryEntry, c: Constraints, published: string | null): boolean {
  if (!s.date) return false;
  const reg = registry();
  for (const p of c.places) {
    if (p.type === 'Country' ? s.country !== p.name : reg.lookup(s.city ?? '')[0]?.id !== p.id && s.city !== p.name) return false;
  }
  if (c.year && Number(s.date.slice(0, 4)) !== c.year) return false;
  if (c.month && Number(s.date.slice(5, 7)) !== c.month) return false;
  if (c.series && !summitForms(s).some((f) => f.replace(/[-\s]/g, '').includes(c.series!))) return false;
  if (c.safety && !summitForms(s).some((f) => f.includes('AI SAFETY'))) return false;
  if (c.first && s.follows) return false;
  if ((c.before || c.first) && published && s.date > published) return false;
  return true;
}

/**
 * Registry summits the text describes without their names. `taken` are the candidates found so far: places inside a
 * description are read from them, and a head noun already inside a name is left to it.
 */
export function describedSummits(text: string, taken: Candidate[], publishedAt: string | null): Candidate[] {
  const reg = registry();
  const summits = reg.entries.filter((e) => e.type === 'Summit' && e.date);
  const out: Candidate[] = [];
  for (const h of text.matchAll(HEAD)) {
    const headStart = h.index!;
    const headEnd = headStart + h[0].length;
    if (taken.some((c) => headStart < c.end && headEnd > c.start)) continue;
    // Walk back over modifiers to the determiner or the start of the phrase.
    const base = Math.max(0, headStart - 80);
    const words = [...text.slice(base, headStart).matchAll(/[^\s,;:()“”"]+/g)];
    let start = headStart;
    for (let i = words.length - 1; i >= 0; i--) {
      const w = words[i]!;
      const wStart = base + w.index!;
      if (!/^\s*$/.test(text.slice(wStart + w[0].length, start)) || !MODIFIER.test(w[0])) break;
      start = wStart;
      if (/^(?:the|a|an|this|that|its|their)$/i.test(w[0])) break;
    }
    const tail = TAIL.exec(text.slice(headEnd, headEnd + 120));
    const end = tail ? headEnd + tail[0].length : headEnd;
    const phrase = text.slice(start, end);
    const c: Constraints = {
      places: [],
      safety: /\bAI safety\b/i.test(phrase),
      first: /\b(?:first|inaugural)\b/i.test(phrase),
      before: /\b(?:prior|previous|earlier|last)\b/i.test(phrase),
    };
    for (const t of taken) {
      if (t.start < start || t.end > end || !t.registryId) continue;
      const e = reg.byId.get(t.registryId);
      if (e && (e.type === 'Location' || e.type === 'Country')) c.places.push(e);
    }
    // Places the recognizer left (a lower-case "city of"): the tail's name, if the registry knows it as a place.
    if (tail && !c.places.length) {
      const place = reg.lookup(tail[1]!).find((e) => e.type === 'Location' || e.type === 'Country');
      if (place) c.places.push(place);
    }
    const year = /\b(20\d{2}|19\d{2})\b/.exec(phrase);
    const pubYear = publishedAt ? Number(publishedAt.slice(0, 4)) : undefined;
    if (year) c.year = Number(year[1]);
    else if (pubYear && /\blast year['’]s\b/i.test(phrase)) c.year = pubYear - 1;
    else if (pubYear && /\bthis year['’]s\b/i.test(phrase)) c.year = pubYear;
    const month = MONTH_RE.exec(phrase);
    if (month) c.month = MONTHS.indexOf(month[1]!.toLowerCase()) + 1;
    const series = SERIES.exec(phrase);
    if (series) c.series = seriesKey(series[1]!);
    // A place or a series says which summits are meant; order or topic alone does not ("the first summit").
    if (!c.places.length && !c.series && !(c.first && c.safety)) continue;
    let fits = summits.filter((s) => meets(s, c, publishedAt));
    // "summit" prefers a summit to a ministers' meeting of the same series and year.
    const head = h[1]!.toUpperCase();
    const sameHead = fits.filter((s) => summitForms(s).some((f) => f.includes(head)));
    if (sameHead.length) fits = sameHead;
    // "The G-7 summit" with no place or year: the series' meeting nearest the article's date, within a year.
    if (fits.length > 1 && publishedAt && !c.places.length && !c.year) {
      const distance = (s: RegistryEntry) =>
        Math.abs(Date.parse(s.date!.padEnd(10, '-01').slice(0, 10)) - Date.parse(publishedAt.padEnd(10, '-01').slice(0, 10)));
      const near = fits.filter((s) => distance(s) < 365 * 864e5).sort((a, b) => distance(a) - distance(b));
      fits = near.length ? [near[0]!] : [];
    }
    if (fits.length !== 1) continue;
    const s = fits[0]!;
    // The mention starts at the first content word: "the" is not part of the surface form.
    const lead = /^(?:the|a|an|this|that|its|their)\s+/i.exec(phrase);
    const from = start + (lead?.[0].length ?? 0);
    // "a summit on AI opens in Paris", "a meeting in Verona and Trento": the name's surface form stops before the verb,
    // or before places the tail does not hold alone, which stay mentions of their own for the sentence's rules.
    const coordinated = /^\s+and\s+\p{Lu}/u.test(text.slice(end, end + 8));
    const verb = (coordinated ? /\s(?:in|at)\s/ : /\s(?:opens|opened|opening|begins|began|starts|started|kicks off|kicked off)\s/).exec(
      text.slice(headEnd, end),
    );
    const to = verb ? headEnd + verb.index : end;
    out.push({ start: from, end: to, text: text.slice(from, to), type: 'Summit', registryId: s.id, name: s.name, source: 'context' });
  }
  return out.filter((c) => normalizeName(c.text) !== normalizeName(c.name));
}
