// Language of a cleaned text: franc-min (trigram profiles of 82 languages,
// ~150 kB, no native code), reconciled with what the page declares.
import { francAll } from 'franc-min';

// ISO 639-3 (franc) to ISO 639-1 (what pages declare), where one exists.
const ISO1: Record<string, string> = {
  eng: 'en',
  spa: 'es',
  por: 'pt',
  ind: 'id',
  fra: 'fr',
  deu: 'de',
  jav: 'jv',
  vie: 'vi',
  ita: 'it',
  tur: 'tr',
  pol: 'pl',
  swh: 'sw',
  sun: 'su',
  ron: 'ro',
  hau: 'ha',
  bos: 'bs',
  hrv: 'hr',
  nld: 'nl',
  srp: 'sr',
  yor: 'yo',
  uzn: 'uz',
  zlm: 'ms',
  ibo: 'ig',
  tgl: 'tl',
  hun: 'hu',
  azj: 'az',
  ces: 'cs',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  kaz: 'kk',
  arb: 'ar',
  urd: 'ur',
  pes: 'fa',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  swe: 'sv',
  som: 'so',
  zul: 'zu',
  kin: 'rw',
  lin: 'ln',
  nya: 'ny',
  run: 'rn',
  plt: 'mg',
  ckb: 'ku',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  tha: 'th',
  ell: 'el',
  heb: 'he',
  ben: 'bn',
  tam: 'ta',
  tel: 'te',
  kan: 'kn',
  mal: 'ml',
  guj: 'gu',
  pan: 'pa',
  amh: 'am',
  kat: 'ka',
  hye: 'hy',
  khm: 'km',
  lao: 'lo',
  mya: 'my',
  sin: 'si',
  ori: 'or',
  pbu: 'ps',
  uig: 'ug',
};
// Languages franc-min cannot tell apart well: a declared one wins within its group.
const GROUPS = [
  ['id', 'ms', 'jv', 'su'],
  ['bs', 'hr', 'sr'],
  ['es', 'pt', 'gl'],
  ['hi', 'mr', 'ne'],
];

const MIN_CHARS = 40;

/** Detected language (ISO 639-1 where one exists) or null when the text is too short to tell. */
export function detectLang(text: string): { lang: string; score: number; runnerUp: number } | null {
  const sample = text.length > 3000 ? text.slice(0, 3000) : text;
  if (sample.replace(/[^\p{L}]/gu, '').length < MIN_CHARS) return null;
  const all = francAll(sample, { minLength: MIN_CHARS });
  const [top, second] = all;
  if (!top || top[0] === 'und') return null;
  return { lang: ISO1[top[0]] ?? top[0], score: top[1], runnerUp: second ? second[1] : 0 };
}

/**
 * The document's language: what the page declares unless the text clearly
 * says otherwise (sites often keep a template's lang="en" on every page).
 */
export function decideLang(declared: string | null, text: string): string | null {
  const found = detectLang(text);
  if (!found) return declared;
  if (!declared || declared === found.lang) return found.lang;
  if (GROUPS.some((g) => g.includes(declared) && g.includes(found.lang))) return declared;
  // A short text is a weak witness against the page's own declaration.
  const letters = text.length > 3000 ? 3000 : text.replace(/[^\p{L}]/gu, '').length;
  return letters >= 200 ? found.lang : declared;
}
