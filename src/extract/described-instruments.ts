// Known laws, regulations and resolutions described instead of named: "an interim regulation on the management of
// generative AI services", "its first resolution urging members to ensure safety in using artificial intelligence".
// News names an instrument by its official title far less often than it paraphrases it. A phrase names a registry
// instrument when its head noun is of the instrument's kind, its sentence (with the bodies it names) covers most of
// the instrument's distinctive words, no other instrument fits as well, and a month or year it gives agrees. Pure.
import { registry, type RegistryEntry } from '../registry/index.ts';
import { MONTHS } from './dates.ts';
import type { Candidate } from './recognize.ts';
import type { Sentence } from './sentences.ts';

/** A head noun of the text, and the words in a registry name that make an instrument of that kind. */
const KINDS: Array<{ head: string; title: RegExp }> = [
  { head: 'resolutions?', title: /\bresolution\b/i },
  { head: 'regulations?|measures|rules|provisions', title: /\b(?:Measures|Regulations?|Rules|Provisions)\b/ },
  { head: 'law|act|bill|legislation', title: /\b(?:Act|Law)\b/ },
  { head: 'executive order', title: /\bExecutive Order\b/ },
  { head: 'code of conduct', title: /\bCode of Conduct\b/ },
  { head: 'principles', title: /\bPrinciples\b/ },
  { head: 'guidelines', title: /\bGuidelines\b/ },
  { head: 'commitments|pledges?', title: /\bCommitments\b/ },
];
const PHRASE = new RegExp(
  String.raw`\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+((?:(?!(?:an?|the|its|their)\s)[\p{Ll}][\p{L}-]*\s+){0,3}?(?:${KINDS.map((k) => k.head).join('|')}))\b`,
  'gu',
);
/** Which kind a phrase's head noun is, by the same alternations as PHRASE. */
const HEAD_OF_KIND = KINDS.map((k) => new RegExp(String.raw`\b(?:${k.head})$`, 'i'));
const MONTH_AFTER = new RegExp(String.raw`\bin\s+(${MONTHS.join('|')})\b`, 'i');
const STOP = new Set(
  'a an the of on for and or to in at by with from as its their this that which who is are was were be been has have had its it new first second urging calling'.split(
    ' ',
  ),
);
const KIND_WORDS =
  /^(?:resolutions?|regulations?|measures|rules|provisions|law|act|bill|legislation|executive|order|code|conduct|principles|guidelines|commitments|pledges?)$/;
const COVERAGE = 0.6;

/** Content words, crudely stemmed so "safe" meets "safety" and "trustworthy" meets "trustworthiness". */
function words(text: string): Set<string> {
  const out = new Set<string>();
  const spelled = text.replace(/\bAI\b/g, 'artificial intelligence');
  for (const w of spelled.toLowerCase().split(/[^\p{L}]+/u)) {
    if (w.length < 2 || STOP.has(w) || KIND_WORDS.test(w)) continue;
    out.add(w.length > 4 ? w.replace(/(?:iness|ness|ety|ity|ies|ied|ing|ed|es|s|y|e)$/, '') : w);
  }
  return out;
}

interface Instrument {
  entry: RegistryEntry;
  kind: number;
  words: Set<string>;
}
let instruments: Instrument[] | undefined;
function known(): Instrument[] {
  instruments ??= registry()
    .entries.filter((e) => e.type === 'Policy' || e.type === 'Agreement')
    .flatMap((entry) => {
      const kind = KINDS.findIndex((k) => k.title.test(entry.name));
      const w = words(entry.name);
      return kind >= 0 && w.size >= 4 ? [{ entry, kind, words: w }] : [];
    });
  return instruments;
}

/**
 * Registry instruments the text describes without their names. `taken` are the candidates found so far: a phrase
 * inside one is left to it, and the names of those in the sentence (or the one before) count as its words.
 */
export function describedInstruments(text: string, sentences: Sentence[], taken: Candidate[], publishedAt: string | null): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(PHRASE)) {
    const start = m.index! + m[0].length - m[1]!.length;
    const end = m.index! + m[0].length;
    if (taken.some((c) => start < c.end && end > c.start)) continue;
    const s = sentences.findIndex((x) => start >= x.start && start < x.end);
    if (s < 0) continue;
    const sentence = sentences[s]!;
    const context = sentences[s - 1]?.start ?? sentence.start;
    const bag = words(text.slice(sentence.start, sentence.end));
    for (const c of taken) if (c.start >= context && c.end <= sentence.end) for (const w of words(c.name)) bag.add(w);
    const kind = HEAD_OF_KIND.findIndex((re) => re.test(m[1]!));
    const month = MONTH_AFTER.exec(text.slice(end, sentence.end));
    const scored = known()
      .filter((i) => i.kind === kind && (!publishedAt || !i.entry.date || i.entry.date <= publishedAt))
      .filter((i) => !month || Number(i.entry.date?.slice(5, 7)) === MONTHS.indexOf(month[1]!.toLowerCase()) + 1)
      .map((i) => ({ i, coverage: [...i.words].filter((w) => bag.has(w)).length / i.words.size }))
      .filter((x) => x.coverage >= COVERAGE)
      .sort((a, b) => b.coverage - a.coverage);
    if (!scored.length || (scored[1] && scored[1].coverage === scored[0]!.coverage)) continue;
    const { entry } = scored[0]!.i;
    if (taken.some((c) => c.registryId === entry.id && c.start >= sentence.start && c.end <= sentence.end)) continue;
    out.push({ start, end, text: m[1]!, type: entry.type as Candidate['type'], registryId: entry.id, name: entry.name, source: 'context' });
  }
  return out;
}
