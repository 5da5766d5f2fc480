// Dates as ISO 8601 strings at the precision the text gives, resolved against
// the document's reference date: the publication date, made more precise by
// the story's dateline ("SEOUL, May 21 (Yonhap) --"). Without one, relative
// dates ("last December", "on Tuesday", "next year") stay unresolved rather
// than guessed from today.
//
// chrono-node reads the written dates; the relative ones are resolved here,
// because chrono picks the nearest occurrence either way ("Thursday" written
// on a Wednesday becomes tomorrow, "last September" written in August becomes
// next month) and gives day precision to "next week". News reports what has
// happened, so an undated weekday or month is the most recent one on or
// before the reference date, unless the clause speaks of the future ("will",
// "is set to", "to take place"), then the first one on or after it.
import * as chrono from 'chrono-node';

export interface FoundDate {
  start: number;
  end: number;
  text: string;
  iso: string;
}

/** The date relative expressions resolve against, at the precision it is known. */
export interface Reference {
  year: number;
  month: number | null;
  day: number | null;
}

export interface Dateline {
  start: number;
  end: number;
  /** The story's date when the dateline gives one and the publication date gives its year. */
  iso: string | null;
}

const PLACEHOLDER = /\[(?:date|day|month|year|tbd|tba)\]/i;
const BARE_YEAR = /\b(?:(early|mid|late|in|since|of|by|from|during|until|throughout)[- ])?((?:19|20)\d{2})\b(?![-/]\d)/gi;

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_RE = String.raw`(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)`;
const MONTH_QUALIFIER = /\b(?:early|mid|late)[- ](?=(?:January|February|March|April|May|June|July|August|September|October|November|December)\b)/g;
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const pad = (n: number): string => String(n).padStart(2, '0');
const monthIndex = (word: string): number => MONTHS.findIndex((m) => m.startsWith(word.toLowerCase().slice(0, 3))) + 1;

export function referenceOf(publishedAt: string | null | undefined): Reference | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(publishedAt ?? '');
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

function isoOf(r: Reference): string {
  return r.month == null ? `${r.year}` : r.day == null ? `${r.year}-${pad(r.month)}` : `${r.year}-${pad(r.month)}-${pad(r.day)}`;
}

/** A calendar day moved by n days (UTC, so no time zone shifts it). */
function addDays(y: number, m: number, d: number, n: number): Reference {
  const t = new Date(Date.UTC(y, m - 1, d + n));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

function addMonths(y: number, m: number, n: number): Reference {
  const k = y * 12 + (m - 1) + n;
  return { year: Math.floor(k / 12), month: (k % 12) + 1, day: null };
}

// A dateline opens the story: a place in capitals and/or a date, an agency in
// parentheses, then a dash. "SEOUL, May 21 (Yonhap) --", "WASHINGTON (dpa-AFX) -",
// "Jan 8 -", "(Bloomberg) --".
const DATELINE = new RegExp(
  String.raw`^(?:\p{Lu}[\p{Lu}.'’ -]{1,40}?(?:,\s*\p{Lu}[\p{L}.'’ -]{1,30}?)?(?=[,(]|\s+(?:${MONTH_RE}|\()|\s*[-—–]))?,?\s*` +
    String.raw`(?:(${MONTH_RE})\.?\s+(\d{1,2})(?:,\s*(\d{4}))?)?\s*(?:\((?:[\p{L}\d .&'’/-]{2,40})\))*\s*(?:--|—|–|-)\s`,
  'u',
);

/** The dateline of the story, looked for at the start of its first few lines. */
export function findDateline(text: string, ref: Reference | null): Dateline | null {
  let lineStart = 0;
  for (let i = 0; i < 6 && lineStart < Math.min(text.length, 1200); i++) {
    const lineEnd = text.indexOf('\n', lineStart);
    const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
    const m = DATELINE.exec(line);
    // Something must mark it a dateline: a place in capitals, a date or an agency; and prose follows.
    if (
      m &&
      m[0].trim().length > 1 &&
      /[\p{Lu}\d(]/u.test(m[0]) &&
      !/^\p{Lu}\p{Ll}/u.test(m[0].replace(new RegExp(`^${MONTH_RE}`), '')) &&
      line.length > m[0].length + 20
    ) {
      let iso: string | null = null;
      if (m[1] && m[2]) {
        const month = monthIndex(m[1]);
        const day = Number(m[2]);
        const year = m[3] ? Number(m[3]) : ref ? (ref.month != null && month > ref.month ? ref.year - 1 : ref.year) : null;
        if (year != null && day >= 1 && day <= 31) iso = `${year}-${pad(month)}-${pad(day)}`;
      }
      return { start: lineStart, end: lineStart + m[0].length, iso };
    }
    if (lineEnd < 0) break;
    lineStart = lineEnd + 1;
  }
  return null;
}

/**
 * The document's reference date: the publication date, or the dateline's day
 * when it falls within the month before it (a story dated the day before the
 * page's date, or a page that gives only its month).
 */
export function documentReference(text: string, publishedAt: string | null | undefined): Reference | null {
  const ref = referenceOf(publishedAt);
  const line = findDateline(text, ref);
  const d = referenceOf(line?.iso);
  if (!ref || !d || d.month == null) return ref;
  const k = (r: Reference) => r.year * 12 + (r.month ?? 6);
  if (ref.month == null ? d.year === ref.year : k(ref) - k(d) >= 0 && k(ref) - k(d) <= 1) return d;
  return ref;
}

// The clause speaks of what is to come.
const FUTURE =
  /\b(?:will|shall|would|is to|are to|set to|due to|scheduled|slated|expected to|plans? to|planned|planning|to be held|to take place|upcoming|forthcoming|later this)\b/i;

function future(text: string, at: number): boolean {
  const before = text.slice(Math.max(0, at - 90), at);
  // Only the clause the date belongs to: from the last clause break on.
  const clause = before.split(/[;:—–]|\s-\s|,\s+(?:but|while|after|before|as)\s/).at(-1)!;
  return FUTURE.test(clause);
}

/** A month (and day) without a year: the occurrence before or after the reference. */
function resolveYear(ref: Reference, month: number, day: number | null, forward: boolean, strict: boolean): number {
  const refKey = ref.month == null ? null : ref.month * 100 + (day != null && ref.day != null ? ref.day : 0);
  const key = month * 100 + (day != null && ref.day != null ? day : 0);
  if (refKey == null) return ref.year;
  if (forward) return key > refKey || (key === refKey && !strict) ? ref.year : ref.year + 1;
  return key < refKey || (key === refKey && !strict) ? ref.year : ref.year - 1;
}

function weekdayDate(ref: Reference, weekday: number, forward: boolean, strict: boolean): string {
  // A weekday is only as precise as the reference: within its month or year.
  if (ref.month == null || ref.day == null) return isoOf(ref);
  const refDay = new Date(Date.UTC(ref.year, ref.month - 1, ref.day)).getUTCDay();
  let n = forward ? (weekday - refDay + 7) % 7 : -((refDay - weekday + 7) % 7);
  if (n === 0 && strict) n = forward ? 7 : -7;
  return isoOf(addDays(ref.year, ref.month, ref.day, n));
}

const STEP: Record<string, number> = { last: -1, previous: -1, past: -1, next: 1, coming: 1 };

interface Relative {
  re: RegExp;
  resolve: (m: RegExpExecArray, ref: Reference, fwd: boolean) => string | null;
}

const RELATIVES: Relative[] = [
  // "this year", "earlier this year", "late last year", "next year"
  {
    re: /\b(?:(?:earlier|later|early|late|mid-?|the end of|the start of|the beginning of)\s+)?(this|last|next|past|previous|coming)\s+year\b/gi,
    resolve: (m, ref) => `${ref.year + (STEP[m[1]!.toLowerCase()] ?? 0)}`,
  },
  // "earlier this month", "last month", "next month"
  {
    re: /\b(?:(?:earlier|later|early|late|mid-?|the end of|the start of|the beginning of)\s+)?(this|last|next|past|previous|coming)\s+month\b/gi,
    resolve: (m, ref) => {
      if (ref.month == null) return null;
      const n = STEP[m[1]!.toLowerCase()] ?? 0;
      return isoOf(addMonths(ref.year, ref.month, n));
    },
  },
  // "last week", "next week": the month the week falls in.
  {
    re: /\b(this|last|next|past|previous|coming)\s+week\b/gi,
    resolve: (m, ref) => {
      if (ref.month == null) return null;
      const d = addDays(ref.year, ref.month, ref.day ?? 15, 7 * (STEP[m[1]!.toLowerCase()] ?? 0));
      return `${d.year}-${pad(d.month!)}`;
    },
  },
  // "last September", "next March", "this May"
  {
    re: new RegExp(String.raw`\b(this|last|next|past|previous|coming)\s+(${MONTH_RE})\b(?!\s+\d)`, 'gi'),
    resolve: (m, ref, fwd) => {
      const month = monthIndex(m[2]!);
      const w = m[1]!.toLowerCase();
      const year = w === 'this' ? resolveYear(ref, month, null, fwd, false) : resolveYear(ref, month, null, w === 'next' || w === 'coming', true);
      return `${year}-${pad(month)}`;
    },
  },
  // "yesterday", "today", "tomorrow"
  {
    re: /\b(yesterday|today|tomorrow)\b/gi,
    resolve: (m, ref) => {
      if (ref.month == null || ref.day == null) return ref.month == null ? null : isoOf(ref);
      const n = ({ yesterday: -1, today: 0, tomorrow: 1 } as Record<string, number>)[m[1]!.toLowerCase()]!;
      return isoOf(addDays(ref.year, ref.month, ref.day, n));
    },
  },
  // "two years ago", "three months ago"
  {
    re: /\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(years?|months?)\s+ago\b/gi,
    resolve: (m, ref) => {
      const words = ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
      const w = m[1]!.toLowerCase();
      const n = /\d/.test(w) ? Number(w) : w === 'an' ? 1 : Math.max(1, words.indexOf(w));
      if (/^year/i.test(m[2]!)) return `${ref.year - n}`;
      return ref.month == null ? null : isoOf(addMonths(ref.year, ref.month, -n));
    },
  },
  // "on Tuesday", "Wednesday", "last Friday", "Tuesday's meeting"; not "Black Friday", "Super Tuesday", "Mondays".
  {
    re: /(?<!\b(?:Black|Super|Cyber|Good|Ash|Holy|Maundy|Easter|Giving|Bloody)\s)\b(?:(last|next|this|this past|past|previous|coming)\s+)?(Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)(?!s\b)\b/g,
    resolve: (m, ref, fwd) => {
      const w = m[1]?.toLowerCase();
      const weekday = WEEKDAYS.indexOf(m[2]!.toLowerCase());
      const forward = w ? w === 'next' || w === 'coming' : fwd;
      return weekdayDate(ref, weekday, forward, w === 'last' || w === 'previous' || w === 'next' || w === 'past' || w === 'this past');
    },
  },
];

function toReference(publishedAt: string | Reference | null | undefined): Reference | null {
  return publishedAt == null ? null : typeof publishedAt === 'string' ? referenceOf(publishedAt) : publishedAt;
}

export function findDates(text: string, publishedAt: string | Reference | null): FoundDate[] {
  if (PLACEHOLDER.test(text) && !/\d{4}/.test(text)) return [];
  const ref = toReference(publishedAt);
  const out: FoundDate[] = [];
  const overlaps = (s: number, e: number) => out.findIndex((d) => s < d.end && e > d.start);

  // Relative expressions first: they need the reference date, and chrono would resolve them its own way.
  if (ref) {
    for (const rel of RELATIVES) {
      for (const m of text.matchAll(rel.re)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (overlaps(start, end) >= 0) continue;
        const iso = rel.resolve(m as RegExpExecArray, ref, future(text, start));
        if (iso) out.push({ start, end, text: m[0], iso });
      }
    }
  }

  const instant = ref ? new Date(Date.UTC(ref.year, (ref.month ?? 7) - 1, ref.day ?? 15, 12)) : undefined;
  // Spellings chrono misses, rewritten at the same length so offsets hold: a dash between days
  // ("May 21–22, 2024" lost its year), "mid-May", "late May" (the month, as the text gives no day).
  const plain = text.replace(/(\d)[–—](\d)/g, '$1-$2').replace(MONTH_QUALIFIER, (m) => ' '.repeat(m.length));
  for (const r of chrono.en.parse(plain, instant ? { instant } : undefined, { forwardDate: false })) {
    // "companies that have now joined": "now" is the time of writing, not the date of an event.
    if (/^(?:right\s+)?now$/i.test(r.text.trim())) continue;
    const c = r.start;
    const start = r.index;
    let end = r.index + r.text.length;
    const clash = overlaps(start, end);
    if (clash >= 0) {
      // A written date that contains a relative one ("Tuesday, May 21") replaces it.
      const d = out[clash]!;
      if (!(c.isCertain('month') && start <= d.start && end >= d.end && end - start > d.end - d.start)) continue;
      out.splice(clash, 1);
      if (overlaps(start, end) >= 0) continue;
    }
    const month = c.get('month');
    const day = c.get('day');
    let year = c.get('year');
    const dayCertain = c.isCertain('day') && c.isCertain('month');
    if (!c.isCertain('year')) {
      // A month, or a month and day, without a year; weekdays and times alone carry no date here.
      if (!c.isCertain('month') || !ref || month == null) continue;
      // "April last year": the year follows.
      const tail = /^,?\s+(last|next|this)\s+year\b/i.exec(text.slice(end));
      if (tail) {
        const w = tail[1]!.toLowerCase();
        year = ref.year + (w === 'last' ? -1 : w === 'next' ? 1 : 0);
        end += tail[0].length;
      } else {
        year = resolveYear(ref, month, dayCertain ? day : null, future(text, start), false);
      }
    } else if (/\b(?:last|next|this|ago|yesterday|today|tomorrow|previous|coming|past|earlier|later|before|after|following|prior)\b/i.test(r.text)) {
      continue; // relative phrasing the table above does not resolve: no guess
    }
    if (year == null) continue;
    // "January next year" takes in the "next year" read above.
    for (let i = out.length - 1; i >= 0; i--) if (out[i]!.start >= start && out[i]!.end <= end) out.splice(i, 1);
    end = start + plain.slice(start, end).replace(/[\s,.;:]+$/, '').length;
    const iso = dayCertain ? `${year}-${pad(month!)}-${pad(day!)}` : c.isCertain('month') ? `${year}-${pad(month!)}` : `${year}`;
    out.push({ start, end, text: text.slice(start, end), iso });
  }
  for (const m of text.matchAll(BARE_YEAR)) {
    const s = m.index! + (m[1] ? m[0].length - m[2]!.length : 0);
    if (out.some((d) => s >= d.start && s < d.end)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: m[2]! });
  }
  return out.sort((a, b) => a.start - b.start);
}
