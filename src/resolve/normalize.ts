// One normal form for names, shared by the registry, the recognizer and the
// resolver: case, diacritics, dashes, possessives and punctuation don't make
// two names different.
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['\u2019\u2018`]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^the /, '')
    .trim();
}

/** A name's normal form as one index term (spaces as underscores): what the graph's entity_name_keys index holds. */
export function nameKey(s: string): string {
  return normalizeName(s).replace(/ /g, '_');
}
