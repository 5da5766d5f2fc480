// Unicode the extraction rules can count on: one kind of hyphen, quote and
// space, no invisible characters.
const REPLACEMENTS: Array<[RegExp, string]> = [
  [/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, ''],
  [/[\u2010\u2011\u2012\u2043]/g, '-'],
  [/[\u2018\u2019\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201F\u2033]/g, '"'],
  [/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' '],
  [/\r\n?/g, '\n'],
];

export function normalizeText(input: string): string {
  let s = input.normalize('NFC');
  for (const [re, rep] of REPLACEMENTS) s = s.replace(re, rep);
  return s.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}
