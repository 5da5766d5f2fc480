// Sentence segmentation with offsets into the cleaned text. Block breaks
// (newlines) always end a sentence: headings, list items and table rows are
// units of their own.
export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'mt',
  'inc',
  'ltd',
  'co',
  'corp',
  'vs',
  'etc',
  'no',
  'fig',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'gen',
  'gov',
  'sen',
  'rep',
  'e.g',
  'i.e',
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'approx',
  'est',
  'dept',
  'univ',
]);

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const push = (start: number, end: number) => {
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end > start) out.push({ index: out.length, start, end, text: text.slice(start, end) });
  };
  let lineStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    splitLine(lineStart, i);
    lineStart = i + 1;
  }
  function splitLine(from: number, to: number) {
    let start = from;
    const re = /[.!?]["')\]]*(?=\s+["'([]?[\p{Lu}\p{N}])/gu;
    re.lastIndex = from;
    const line = text.slice(0, to);
    let m: RegExpExecArray | null;
    while ((m = re.exec(line))) {
      const end = m.index + m[0].length;
      if (m[0][0] === '.' && isAbbreviation(text, m.index)) continue;
      push(start, end);
      start = end;
    }
    push(start, to);
  }
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  let j = dot;
  while (j > 0 && /[\p{L}.]/u.test(text[j - 1]!)) j--;
  const word = text.slice(j, dot).toLowerCase();
  if (ABBREVIATIONS.has(word)) return true;
  // Initials ("J.") and dotted acronyms ("U.S.") rarely end a sentence.
  return /^(\p{L}\.)*\p{L}$/u.test(word) && word.length <= 5 && /\p{Lu}/u.test(text[dot - 1]!);
}
