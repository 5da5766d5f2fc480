// Dates as ISO 8601 strings at the precision the text gives, resolved against
// the document's publication date. Without one, relative dates ("last
// December", "next year") stay unresolved rather than guessed from today.
import * as chrono from 'chrono-node';

export interface FoundDate {
  start: number;
  end: number;
  text: string;
  iso: string;
}

const PLACEHOLDER = /\[(?:date|day|month|year|tbd|tba)\]/i;
const BARE_YEAR = /\b(?:(early|mid|late|in|since|of|by|from|during|until|throughout)[- ])?((?:19|20)\d{2})\b(?![-/]\d)/gi;

const RELATIVE = /\b(last|next|this|ago|yesterday|today|tomorrow|previous|coming|past)\b/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function findDates(text: string, publishedAt: string | null): FoundDate[] {
  if (PLACEHOLDER.test(text) && !/\d{4}/.test(text)) return [];
  const reference = publishedAt ? new Date(`${publishedAt.length === 4 ? publishedAt + '-07-01' : publishedAt.length === 7 ? publishedAt + '-15' : publishedAt}T12:00:00Z`) : undefined;
  const out: FoundDate[] = [];
  const results = chrono.en.parse(text, reference ? { instant: reference } : undefined, { forwardDate: false });
  for (const r of results) {
    if (out.some((d) => r.index < d.end && r.index + r.text.length > d.start)) continue;
    const c = r.start;
    let year = c.get('year');
    const month = c.get('month');
    const day = c.get('day');
    let yearCertain = c.isCertain('year');
    let end = r.index + r.text.length;
    // "April last year": chrono reads the month and the relative year apart.
    const tail = /^,?\s+(last|next|this)\s+year\b/i.exec(text.slice(end));
    if (tail && c.isCertain('month') && !yearCertain) {
      if (!reference) continue;
      const base = reference.getUTCFullYear();
      year = tail[1]!.toLowerCase() === 'last' ? base - 1 : tail[1]!.toLowerCase() === 'next' ? base + 1 : base;
      yearCertain = true;
      end += tail[0].length;
      out.push({ start: r.index, end, text: text.slice(r.index, end), iso: `${year}-${pad(month!)}` });
      continue;
    }
    const relative = !yearCertain || RELATIVE.test(r.text);
    if (relative && !reference) continue;
    if (year == null) continue;
    let iso: string;
    if (c.isCertain('day') && c.isCertain('month')) iso = `${year}-${pad(month!)}-${pad(day!)}`;
    else if (c.isCertain('month')) iso = `${year}-${pad(month!)}`;
    else if (c.isCertain('year') || /year/i.test(r.text)) iso = `${year}`;
    else continue; // weekday or time only: not a date an entity can carry
    out.push({ start: r.index, end, text: text.slice(r.index, end), iso });
  }
  for (const m of text.matchAll(BARE_YEAR)) {
    const s = m.index! + (m[1] ? m[0].length - m[2]!.length : 0);
    if (out.some((d) => s >= d.start && s < d.end)) continue;
    out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0], iso: m[2]! });
  }
  return out.sort((a, b) => a.start - b.start);
}
