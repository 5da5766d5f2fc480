// Unicode the extraction rules can count on: one kind of hyphen, quote and
// space, no invisible characters.
const REPLACEMENTS: Array<[RegExp, string]> = [
  // zero-width, soft hyphen, BOM, bidi controls, C0/C1 controls other than tab and newline
  [/[\u200B-\u200F\u2060-\u2064\u2066-\u2069\u202A-\u202E\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, ''],
  [/[\u2010\u2011\u2012\u2043]/g, '-'],
  [/[\u2018\u2019\u201A\u201B\u2032\uFF07]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\uFF02]/g, '"'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/\r\n?|[\u2028\u2029\u0085]/g, '\n'],
];

/** Character-level normalization only: no trimming, newlines kept. */
export function normalizeChars(input: string): string {
  // Pure ASCII needs none of it (the common case, and the fast path).
  // eslint-disable-next-line no-control-regex
  if (!/[^\x09\x0A\x20-\x7E]/.test(input)) return input;
  let s = input.normalize('NFC');
  for (const [re, rep] of REPLACEMENTS) s = s.replace(re, rep);
  return s;
}

/** One line's text: characters normalized, runs of spaces collapsed, trimmed. */
export function normalizeInline(input: string): string {
  return normalizeChars(input).replace(/\n/g, ' ').replace(/ {2,}/g, ' ').trim();
}

export function normalizeText(input: string): string {
  const s = normalizeChars(input);
  return s
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
