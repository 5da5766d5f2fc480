// Dates as pages write them, to the schema's IsoDate (YYYY, YYYY-MM or
// YYYY-MM-DD). The date a page states is kept as written: an ISO timestamp's
// calendar date is taken before any time-zone shift.
import * as chrono from 'chrono-node';

const pad = (n: number): string => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1;
}

/** A date found in free text with chrono, only when the text states a year. */
export function parseTextDate(text: string): { iso: string; index: number; length: number } | null {
  if (!/\d/.test(text)) return null;
  for (const r of chrono.parse(text, new Date(Date.UTC(2000, 0, 1)))) {
    // A relative date ("5 weeks ago") or one without a written year is no publication date.
    if (!/\b(?:\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2})\b/.test(r.text)) continue;
    const y = r.start.get('year'),
      m = r.start.get('month'),
      d = r.start.get('day');
    if (y == null || m == null) continue;
    if (d != null && r.start.isCertain('day') && valid(y, m, d)) return { iso: `${y}-${pad(m)}-${pad(d)}`, index: r.index, length: r.text.length };
    if (r.start.isCertain('month') && y >= 1900 && y <= 2100) return { iso: `${y}-${pad(m)}`, index: r.index, length: r.text.length };
  }
  return null;
}

/** Normalizes a date string from metadata or a JSONL field to IsoDate, or null. */
export function toIsoDate(input: string | null | undefined): string | null {
  if (input == null) return null;
  const s = String(input).trim();
  if (!s) return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s])/.exec(s) ?? /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:$|[T\s])/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return valid(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  m = /^(\d{4})(\d{2})(\d{2})(?:$|T)/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (valid(y, mo, d)) return `${y}-${pad(mo)}-${pad(d)}`;
  }
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return s;
  if (/^\d{4}$/.test(s) && Number(s) >= 1900 && Number(s) <= 2100) return s;
  // Epoch seconds or milliseconds.
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const dt = new Date(s.length === 10 ? Number(s) * 1000 : Number(s));
    return dt.toISOString().slice(0, 10);
  }
  return parseTextDate(s)?.iso ?? null;
}
