// Entity recognition: registry gazetteer first, then name patterns (head
// nouns, titles, acronym definitions) for the things no list can know.
// Pure: text in, typed mention candidates out.
import nlp from 'compromise';
import type { EntityType } from '../model/schemas.ts';
import { registry, type RegistryEntry } from '../registry/index.ts';
import { normalizeName } from '../resolve/normalize.ts';
import { Gazetteer, defaultCaseSensitivity, tokenize, type GazetteerForm } from './gazetteer.ts';
import {
  AGREEMENT_HEADS,
  COMPANY_SUFFIXES,
  GOVERNMENT_FIRST_WORDS,
  GOVERNMENT_HEADS,
  NAME_CONNECTORS,
  NON_NAME_WORDS,
  ORG_HEADS,
  PERSON_TITLES,
  POLICY_HEADS,
  SUMMIT_HEADS,
} from './lexicon.ts';
import { nlpPlugin } from './nlp-plugin.ts';
import { personSpans, shortForms, withoutTrailingTitle, type NameOracle } from './people.ts';
import { noVerdicts, type WordVerdicts } from './verdicts.ts';

nlp.plugin(nlpPlugin);

export type CandidateSource = 'registry' | 'pattern' | 'person' | 'acronym' | 'unnamed' | 'nested' | 'context';

export interface Candidate {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  /** Registry id, or null for entities found by pattern. */
  registryId: string | null;
  /** Proposed canonical name. */
  name: string;
  source: CandidateSource;
  /** Entity key shared by mentions of one thing (set by the acronym and person linking). */
  link?: string;
}

const SOURCE_PRIORITY: Record<CandidateSource, number> = { registry: 5, acronym: 4, person: 3, pattern: 2, unnamed: 1, nested: 0, context: 0 };

let registryGazetteer: Gazetteer<RegistryEntry> | undefined;
let registryForms: GazetteerForm<RegistryEntry>[] | undefined;

/** "U.K. AI Safety Institute" is written as often as "UK AI Safety Institute". */
const DOTTED: Record<string, string> = { US: 'U.S.', UK: 'U.K.', EU: 'E.U.', UN: 'U.N.', UAE: 'U.A.E.', USA: 'U.S.A.' };

function withDottedVariants(surface: string): string[] {
  const dotted = surface.replace(/\b(US|UK|EU|UN|UAE|USA)\b(?!\.)/g, (a) => DOTTED[a]!);
  const out = dotted === surface ? [surface] : [surface, dotted];
  // "G-7", "G-20": the groups are written with a hyphen as often as without.
  if (/\bG\d{1,2}\b/.test(surface)) out.push(surface.replace(/\bG(\d{1,2})\b/g, 'G-$1'));
  // News writes "the Paris summit", "the Bletchley declaration": a place-led name with its head in lower case.
  const lowerHead = /^([\p{Lu}][\p{L}]+) (Summit|Declaration|Statement|Commitments)$/u.exec(surface);
  if (lowerHead) out.push(`${lowerHead[1]} ${lowerHead[2]!.toLowerCase()}`);
  // "Science, Innovation, and Technology": a list in a name is written with the serial comma as often as without.
  for (const f of [...out]) {
    const serial = f.replace(/(, [^,]+) (and|&) /, '$1, $2 ');
    if (serial !== f && /, [^,]+, (?:and|&) /.test(serial)) out.push(serial);
  }
  return out;
}

function formsOf(entries: RegistryEntry[]): GazetteerForm<RegistryEntry>[] {
  const forms: GazetteerForm<RegistryEntry>[] = [];
  for (const e of entries) {
    for (const surface of [e.name, ...e.aliases].flatMap(withDottedVariants)) {
      // Possessive forms are handled by the possessive rule, which also
      // records the country they name.
      const possessor = /^(.+?)['’]s\s/.exec(surface)?.[1];
      if (possessor && (registry().countryByName.has(normalizeName(possessor)) || registry().lookup(possessor).length)) continue;
      forms.push({ surface, value: e, caseSensitive: defaultCaseSensitivity(surface) });
    }
  }
  return forms;
}

export function registryMatcher(): { gazetteer: Gazetteer<RegistryEntry>; forms: GazetteerForm<RegistryEntry>[] } {
  registryForms ??= formsOf(registry().entries);
  registryGazetteer ??= new Gazetteer(registryForms);
  return { gazetteer: registryGazetteer, forms: registryForms };
}

const WORD = String.raw`(?:(?:[\p{Lu}\p{N}][\p{L}\p{N}]*(?:[\-&][\p{L}\p{N}]+)*-)?(?:\p{Lu}\.){2,}|[\p{Lu}\p{N}][\p{L}\p{N}]*(?:['’\-&][\p{L}\p{N}]+)*)`;
const CONNECTOR = String.raw`(?:of|for|and|on|the|de|du|des|la|le|toward|towards|&)`;
const PHRASE_RE = new RegExp(String.raw`${WORD}(?:[ \t]+(?:${CONNECTOR}[ \t]+)*${WORD})*`, 'gu');

const HEAD_CONNECTORS = new Set(['of', 'for', 'on', 'toward', 'towards', 'de']);
/** Agreement nouns that name no particular agreement: the unnamed-agreement rules own them. */
export const GENERIC_AGREEMENT =
  /^(?:the\s+|a\s+|an\s+)?(?:memorand(?:um|a) of (?:understanding|agreement|cooperation)|mous?|lois?|letters? of intent|(?:framework|cooperation|partnership|investment) agreements?|partnerships?|agreements?|deals?|contracts?|accords?|pacts?|arrangements?|joint statements?|declarations?|statements?|commitments?)$/i;

const verbCache = new Map<string, boolean>();
/** Title-case headlines put verbs inside capitalized runs ("U.S. Establish Bilateral AI Working Group"). */
function isPlainVerb(word: string): boolean {
  const w = word.toLowerCase();
  let v = verbCache.get(w);
  if (v === undefined) {
    const doc = nlp(w);
    v = doc.has('(#PresentTense|#Infinitive|#PastTense)') && !doc.has('#Noun') && !doc.has('#Gerund') && !doc.has('#Adjective');
    verbCache.set(w, v);
    fresh.verbs.push([w, v]);
  }
  return v;
}

// A first name is one compromise's lexicon knows as such: a look-up, not a
// parse per word (one nlp() per distinct word was a third of a cold pass, and
// every worker thread paid it again).
const MODEL = (
  nlp as unknown as {
    model(): { one: { lexicon: Record<string, string | string[]>; tagSet: Record<string, { parents?: string[] }> } };
  }
).model().one;
/** compromise's lexicon: word (lower case) -> its tag or tags. */
export const LEXICON = MODEL.lexicon;
const tagList = (tags: string | string[]) => (Array.isArray(tags) ? tags : [tags]);
const FIRST_NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);
function isKnownFirstName(word: string): boolean {
  const tags = LEXICON[word.toLowerCase()];
  return tags !== undefined && tagList(tags).some((t) => FIRST_NAME_TAGS.has(t));
}
const isOrUnder = (tag: string, ancestor: string) => tag === ancestor || (MODEL.tagSet[tag]?.parents?.includes(ancestor) ?? false);
/**
 * Lexicon tags that make a common noun: some noun tag, no proper-noun tag. A title-case word whose tags make no
 * common noun never parses as one (test/extract/common-noun.test.ts checks it against compromise's parse).
 */
export function commonNounByTags(tags: string | string[]): boolean {
  const list = tagList(tags);
  return list.some((t) => isOrUnder(t, 'Noun')) && !list.some((t) => isOrUnder(t, 'ProperNoun'));
}
// Verdicts parsed here, for the pool's other threads (see verdicts.ts).
let fresh = noVerdicts();

/** The verdicts this thread parsed since the last call. */
export function takeNewVerdicts(): WordVerdicts {
  const out = fresh;
  fresh = noVerdicts();
  return out;
}

/** Verdicts another thread parsed (never overriding one of this thread's: they are equal). */
export function learnVerdicts(v: WordVerdicts): void {
  for (const [w, x] of v.verbs) if (!verbCache.has(w)) verbCache.set(w, x);
}

function words(phrase: string): string[] {
  return phrase.split(/[ \t]+/);
}

/** Type of a capitalized phrase from its head noun, or null when it names nothing we know how to type. */
/** Heads of place names: "Gyeonggi Province", "Arctic Ocean". */
const LOCATION_HEADS = new Set([
  'Province',
  'Prefecture',
  'Region',
  'Ocean',
  'Sea',
  'County',
  'District',
  'Peninsula',
  'Island',
  'Islands',
  'Valley',
  'Bay',
  'Gulf',
]);

/** Modifiers that make no name: "AI Summit", "Voluntary Commitments", "Executive Order" describe, they don't name. */
const GENERIC_MODIFIERS = new Set([
  'AI',
  'Artificial',
  'Intelligence',
  'Safety',
  'Security',
  'Global',
  'International',
  'Annual',
  'Next',
  'First',
  'Second',
  'Third',
  'New',
  'Joint',
  'High-Level',
  'Digital',
  'Tech',
  'Technology',
  'National',
  'Regional',
  'Frontier',
  'Responsible',
  'Voluntary',
  'Ethical',
  'Executive',
  'Public',
  'Federal',
  'Final',
  'Draft',
  'Interim',
  'Expert',
  'Advisory',
  'Working',
  'Government',
]);

export function typeByHead(phrase: string): EntityType | null {
  const ws = words(phrase.replace(/-(?:led|based|backed|owned|funded|run|sponsored|affiliated)$/, ''));
  if (ws.length < 2) return null;
  if (ws.slice(0, -1).every((w) => GENERIC_MODIFIERS.has(w)) && !/\bInstitute$|\bAI Office$/.test(phrase)) return null;
  const last = ws.at(-1)!;
  if (LOCATION_HEADS.has(last) && !ws.some((w) => HEAD_CONNECTORS.has(w))) return 'Location';
  const firstConnector = ws.findIndex((w, i) => i > 0 && HEAD_CONNECTORS.has(w));
  // The head is the last word, or the word before a connector, rightmost first:
  // "Council of Europe Framework Convention on Artificial Intelligence" is a convention.
  const preHeads = ws.filter((_w, i) => i + 1 < ws.length && HEAD_CONNECTORS.has(ws[i + 1]!)).reverse();
  // "AI Safety Institute of Australia": a national AI safety or security institute, whatever follows its head.
  if (
    /\b(?:AI|Safety|Security) (?:Safety |Security )?Institute$|\bAI Office$|^(?:National )?(?:AI|Artificial Intelligence) (?:Safety|Security) Institute (?:of|for) /.test(
      phrase,
    )
  )
    return 'Institute';
  if (COMPANY_SUFFIXES.has(last)) return 'Company';
  if (GOVERNMENT_FIRST_WORDS.has(ws[0]!) && firstConnector === 1) return 'GovernmentBody';
  for (const head of [last, ...preHeads]) {
    if (SUMMIT_HEADS.has(head)) return 'Summit';
    if (AGREEMENT_HEADS.has(head)) return 'Agreement';
    if (POLICY_HEADS.has(head)) return 'Policy';
    if (GOVERNMENT_HEADS.has(head)) return 'GovernmentBody';
    if (ORG_HEADS.has(head) || (head === 'Group' && ws.includes('Working'))) return 'Organization';
  }
  return null;
}

const MONTHS =
  /^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\.?$/;
const FUNCTION_WORDS = new Set([
  'with',
  'on',
  'in',
  'at',
  'for',
  'to',
  'and',
  'the',
  'of',
  'from',
  'by',
  'as',
  'its',
  'their',
  'into',
  'over',
  'after',
  'before',
  'about',
  'a',
  'an',
  'vs',
  'versus',
  'is',
  'are',
]);

interface Segment {
  text: string;
  start: number;
}

/** Titles and honorifics that end an organization's name when they follow it. */
const TITLE_BREAKS = new Set([
  'Prof',
  'Prof.',
  'Professor',
  'Dr',
  'Dr.',
  'Mr',
  'Mr.',
  'Mrs',
  'Ms',
  'Sir',
  'Dame',
  'Sheikh',
  'President',
  'Minister',
  'Secretary',
  'Chairman',
  'Chairwoman',
  'Chair',
  'CEO',
  'Founder',
  'Co-founder',
  'Chief',
  'Spokesperson',
  'Spokesman',
  'Spokeswoman',
  'Boss',
]);

/** "... of Japan": a name whose last words are a country's. */
function endsInCountry(name: string): boolean {
  const m = /[ \t]of[ \t]+(?:the[ \t]+)?(.+)$/.exec(name);
  return !!m && !!registry().countryByName.get(normalizeName(m[1]!));
}

/** Splits a capitalized run where it stops being one name. */
function segments(run: string, runStart: number, glued: boolean): Segment[] {
  const out: Segment[] = [];
  const re = /\S+/g;
  let cur: Segment | null = null;
  const flush = () => {
    if (cur) out.push(cur);
    cur = null;
  };
  for (const m of run.matchAll(re)) {
    let w = m[0];
    let ws = runStart + m.index!;
    // Capitalized function words belong to title-case headlines, not names.
    if ((/^[\p{Lu}]/u.test(w) && FUNCTION_WORDS.has(w.toLowerCase())) || MONTHS.test(w) || (cur === null && /^\p{N}/u.test(w) && !/^\p{N}+\p{Lu}/u.test(w))) {
      flush();
      continue;
    }
    if (/^\p{N}/u.test(w) && /^\p{N}+$/u.test(w)) {
      flush();
      continue;
    }
    if (cur === null && NAME_CONNECTORS.has(w)) continue;
    if (glued) {
      // Table cells glued together: a name starts after the last case break.
      const breaks = [...w.matchAll(/(?<=[\p{Ll}\p{N})%])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})/gu)].map((b) => b.index!);
      const b = breaks
        .filter((i) => !/^(?:OpenAI|DeepMind|LinkedIn|xAI)/.test(w.slice(0, i + 6).slice(-8)) && !/(?:^|[^\p{L}])Ma?c$/u.test(w.slice(0, i)))
        .at(-1);
      if (b !== undefined && b > 0) {
        flush();
        ws += b;
        w = w.slice(b);
      }
    }
    // "the Arctic and the Pacific Ocean", "Party of Japan and Nippon Ishin": "and the", or "and" after a complete name
    // that ends in a country, joins two names (a name's own "and" joins words: "Ministry of Science and ICT").
    if (cur !== null && ((w === 'the' && /[ \t]and$/.test(cur.text)) || (w === 'and' && typeByHead(cur.text) !== null && endsInCountry(cur.text)))) {
      if (w === 'the') cur = { text: cur.text.replace(/[ \t]+and$/, ''), start: cur.start };
      flush();
      continue;
    }
    // "University of Tokyo Prof Yutaka Matsuo": a title after a complete name starts a person, not more of the name.
    if (cur !== null && TITLE_BREAKS.has(w) && typeByHead(cur.text) !== null) {
      flush();
      continue;
    }
    if (cur === null) cur = { text: w, start: ws };
    else cur = { text: run.slice(cur.start - runStart, ws - runStart + w.length), start: cur.start };
    // "Seoul Women's University": a plural noun's possessive is part of the name; a name's possessive ends it.
    if (/['’]s$/.test(w) && !/^(?:Women|Men|Children|People|Workers|Veterans|Citizens|Farmers|Teachers|Nations)['’]s$/.test(w)) {
      flush();
    }
  }
  flush();
  return out
    .map((seg) => {
      let { text, start } = seg;
      for (;;) {
        const m = /^(\S+)[ \t]+/.exec(text);
        if (!m) break;
        const first = m[1]!.toLowerCase();
        if (!NON_NAME_WORDS.has(first) && !NAME_CONNECTORS.has(first) && !/^\p{N}+(?:-\p{Ll}+)?$/u.test(m[1]!)) break;
        text = text.slice(m[0].length);
        start += m[0].length;
      }
      text = text.replace(/['’]s$/, '').replace(/(?:[ \t]+(?:of|for|and|on|the|de|toward|towards|&))+$/u, '');
      return { text, start };
    })
    .filter((x) => x.text && !NON_NAME_WORDS.has(x.text.toLowerCase()));
}

/** A headline in title case ("Brazil and Chile Launch Andean Safety Research Network"): verbs are capitalized too. */
const TITLE_START = new RegExp(String.raw`^(?:${PERSON_TITLES.map((t) => t.replace(/[.]/g, '\\.')).join('|')})(?:[ \t]+(?:of|for|to)\b)`);

function isTitleCase(line: string): boolean {
  const ws = line.split(/\s+/).filter((w) => /^[\p{L}]{4,}/u.test(w));
  return ws.length >= 3 && ws.filter((w) => /^\p{Lu}/u.test(w)).length / ws.length >= 0.8 && !/[.!?]\s*$/.test(line);
}

/** In a headline, a name starts after the verb: the first verb-like word whose remainder is a typed name. */
function headlineName(seg: Segment): Segment | null {
  const ws = words(seg.text);
  // "Japan to Establish AI Safety Institute": the segment may start with the verb; "OECD Updates AI Principles": a
  // name, then a verb that is also a plural noun, then the name that is the object.
  for (let i = 0; i < ws.length - 1; i++) {
    const verb =
      isPlainVerb(ws[i]!) ||
      (i > 0 && /^\p{Lu}\p{Ll}+s$/u.test(ws[i]!) && isPlainVerb(ws[i]!.slice(0, -1)) && registryMatcher().gazetteer.find(ws.slice(0, i).join(' ')).length > 0);
    if (!verb || /^\p{Lu}{2,}/u.test(ws[i]!)) continue;
    const rest = ws.slice(i + 1).join(' ');
    if (words(rest).length >= 2 && typeByHead(rest)) return { text: rest, start: seg.start + seg.text.lastIndexOf(rest) };
  }
  return seg;
}

function patternNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const glued = isGluedLine(line);
    const headline = isTitleCase(line);
    for (const m of line.matchAll(PHRASE_RE)) {
      // "Operational Framework: ..." at the start of a line is a label.
      if (m.index === 0 && line[m[0].length] === ':') continue;
      for (const seg0 of segments(m[0], lineStart + m.index!, glued)) {
        const seg = headline ? headlineName(seg0) : seg0;
        if (!seg) continue;
        let { text: phrase, start } = seg;
        const type = typeByHead(phrase);
        if (!type || GENERIC_AGREEMENT.test(phrase)) continue;
        // "Secretary General of the Council of Europe" is an office, not an organization.
        if (TITLE_START.test(phrase)) continue;
        // "Jack Law", "Mr Law": a person, whatever the head noun says.
        if (/^(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?\s/.test(phrase) || (words(phrase).length === 2 && isFirstName(words(phrase)[0]!))) continue;
        // "building a Global Safety Testing Network": an indefinite article makes a description, not a name.
        if (/\b(?:a|an)[ \t]+$/i.test(line.slice(0, start - lineStart))) continue;
        // "Canada and the UK AI Safety Institute": the name is what follows the
        // last coordination when the part before it is a name of its own.
        const ands = [...phrase.matchAll(/ and /g)].map((x) => x.index!).reverse();
        const and = ands.find((i) => typeByHead(phrase.slice(i + 5).replace(/^the\s+/, '')) !== null) ?? ands[0] ?? -1;
        if (and > 0) {
          const tail = phrase.slice(and + 5).replace(/^the\s+/, '');
          const before = phrase.slice(0, and).replace(/^the\s+/, '');
          const beforeHits = registryMatcher().gazetteer.find(before);
          // "AI Standards and Innovation Center" is one name: the part before "and" must name a thing of the same kind.
          const beforeType = typeByHead(before);
          const beforeIsName =
            (beforeHits.length === 1 && beforeHits[0]!.text === before) || beforeType === type || (beforeType !== null && /^the\s/.test(phrase.slice(and + 5)));
          const tailHits = registryMatcher().gazetteer.find(tail);
          if (typeByHead(tail) === type && words(tail).length >= 2 && beforeIsName) {
            const beforeStart = start + phrase.indexOf(before);
            if (beforeType && !beforeHits.some((h) => h.text === before))
              out.push({
                start: beforeStart,
                end: beforeStart + before.length,
                text: before,
                type: beforeType,
                registryId: null,
                name: before,
                source: 'pattern',
              });
            start += phrase.length - tail.length;
            phrase = tail;
          } else if (tailHits.length === 1 && tailHits[0]!.text === tail && typeByHead(before)) {
            // "Ministry of Science and ICT and OpenAI": a known name after the last "and" is not part of this one.
            phrase = phrase.slice(0, and);
          }
        }
        // "Ministry of Science, Technology and Innovation": a list inside the name.
        if (/\b(?:of|for)\s+[\p{Lu}][\p{L}]+$/u.test(phrase)) {
          const more = /^(?:,[ \t]+[\p{Lu}][\p{Ll}]+)+,?[ \t]+and[ \t]+[\p{Lu}][\p{Ll}]+/u.exec(text.slice(start + phrase.length));
          if (more) phrase += more[0];
        }
        // "Liberal Democratic Party-led": the name without the compound's tail.
        phrase = phrase.replace(/-(?:led|based|backed|owned|funded|run|sponsored|affiliated)$/, '');
        // "University of California, Berkeley": a campus after the comma belongs to the name.
        const campus = /^University of /.test(phrase)
          ? /^,[ \t]+([\p{Lu}][\p{L}]+(?:[ \t]+[\p{Lu}][\p{L}]+)?)(?![\p{L}])/u.exec(text.slice(start + phrase.length))
          : null;
        if (
          campus &&
          !registry()
            .lookup(campus[1]!)
            .some((e) => e.type === 'Country')
        )
          phrase += campus[0];
        // "Nvidia Corp": a known company with its legal suffix is the known company.
        const known = COMPANY_SUFFIXES.has(words(phrase).at(-1)!)
          ? registry()
              .lookup(words(phrase).slice(0, -1).join(' '))
              .find((e) => e.type === 'Company')
          : undefined;
        if (known) {
          out.push(byRegistry(known, start, start + phrase.length, phrase));
          continue;
        }
        out.push({ start, end: start + phrase.length, text: phrase, type: typeByHead(phrase) ?? type, registryId: null, name: phrase, source: 'pattern' });
      }
    }
    lineStart += line.length + 1;
  }
  return out;
}

const NOT_IN_NAMES = new Set([
  ...ORG_HEADS,
  ...POLICY_HEADS,
  ...SUMMIT_HEADS,
  ...AGREEMENT_HEADS,
  ...GOVERNMENT_HEADS,
  ...GOVERNMENT_FIRST_WORDS,
  'Officer',
  'Officers',
  'Affairs',
  'Security',
  'Tempore',
  'Advisers',
  'Advisors',
  'Corporation',
  'Ethics',
  'Economic',
  'Homeland',
  'Intelligence',
  'Safety',
  'Procurement',
  'Technology',
  'Finance',
  'Regulatory',
  'Government',
  'Federal',
  'National',
  'State',
  'Public',
  'General',
  'Chief',
  'Deputy',
  'Senior',
  'Executive',
  'Commerce',
  'Defense',
  'Defence',
  'Energy',
  'Justice',
  'Health',
  'Science',
  'Digital',
  'Information',
  'Innovation',
  'Research',
  'Development',
  'Affairs',
  'Relations',
  'Operations',
  'Services',
  // Office words: "Minister" never ends a name.
  'Minister',
  'Ministers',
  'Secretary',
  'President',
  'Director',
  'CEO',
  'Chancellor',
  'Premier',
  'Senator',
  'Governor',
  'Mayor',
  'Commissioner',
  'Ambassador',
  'Envoy',
  'Chairman',
  'Chairwoman',
  'Spokesperson',
  'Spokesman',
  'Spokeswoman',
  'Professor',
  'Founder',
  'Administrator',
  'Researcher',
  'Scientist',
  'Adviser',
  'Advisor',
  'Commission',
  'Parliament',
  'Congress',
  'Senate',
  'Assembly',
  'Court',
  'House',
  'Company',
  'Group',
  'Labs',
  'Inc',
  'Corp',
  'Ltd',
  'University',
  'College',
  'School',
  'MP',
  'MPs',
  'MEP',
]);

/** What the people module needs to know about words and registered names. */
const ORACLE: NameOracle = {
  inRegistry: (text) => registryMatcher().gazetteer.find(text).length > 0,
  tags: (word) => {
    const t = LEXICON[word];
    return t === undefined ? undefined : tagList(t);
  },
  notInNames: (word) => NOT_IN_NAMES.has(word) || COMPANY_SUFFIXES.has(word) || MONTHS.test(word),
};

function isFirstName(word: string): boolean {
  return isKnownFirstName(word); // cached: same verdict
}

/** People's names the text vouches for (see people.ts), honorifics left out. */
function personNames(text: string): Candidate[] {
  return personSpans(text, ORACLE).map(({ start, end, name }) => ({ start, end, text: name, type: 'Person', registryId: null, name, source: 'person' }));
}

/** "Full Name (ACR)": the acronym becomes a name of the same entity. */
export function acronymDefinitions(text: string, candidates: Candidate[]): Array<{ acronym: string; target: Candidate }> {
  const out: Array<{ acronym: string; target: Candidate }> = [];
  for (const c of candidates) {
    const after = /^\s*\(([\p{Lu}][\p{L}\p{N}&.-]{1,12})\)/u.exec(text.slice(c.end, c.end + 20));
    if (after && (after[1]!.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && after[1] !== c.text) out.push({ acronym: after[1]!, target: c });
  }
  return out;
}

/** Acronyms defined for names that nothing else recognized: "Model Evaluation and Threat Research (METR)". */
function undefinedAcronymNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(/((?:[\p{Lu}][\p{L}\p{N}-]*[ \t]+(?:(?:of|for|and|on|the|de)[ \t]+)*){1,8})\(([\p{Lu}][\p{L}\p{N}&-]{1,10})\)/gu)) {
    const acronym = m[2]!;
    const phraseWords = words(m[1]!.trim());
    const letters = acronym.replace(/[^\p{Lu}]/gu, '');
    if (letters.length < 2) continue;
    // Take as many trailing capitalized words as the acronym has letters.
    const caps = phraseWords.filter((w) => /^[\p{Lu}]/u.test(w));
    if (caps.length < letters.length) continue;
    let startWord = phraseWords.length;
    let count = 0;
    while (startWord > 0 && count < letters.length) {
      startWord--;
      if (/^[\p{Lu}]/u.test(phraseWords[startWord]!)) count++;
    }
    const phrase = phraseWords.slice(startWord).join(' ');
    const initials = words(phrase)
      .filter((w) => /^[\p{Lu}]/u.test(w))
      .map((w) => w[0])
      .join('');
    if (initials !== letters) continue;
    if (NON_NAME_WORDS.has(phraseWords[startWord]!.toLowerCase())) continue;
    const start = m.index! + m[1]!.indexOf(phrase);
    // An acronym alone doesn't make a name an organization ("Liquid Crystal Display (LCD)").
    const type = typeByHead(phrase);
    // "a Memorandum of Understanding (MoU)" names no particular agreement: the unnamed-agreement rules own it.
    if (type && !GENERIC_AGREEMENT.test(phrase))
      out.push({ start, end: start + phrase.length, text: phrase, type, registryId: null, name: phrase, source: 'pattern' });
  }
  return out;
}

/** A line whose table cells lost their separators ("CohereCanadaNoneYes"). */
export function isGluedLine(line: string): boolean {
  if (line.length > 400 || (/[.!?]["')]?\s*$/.test(line) && line.split(' ').length > 12)) return false;
  const masked = line
    .replace(/\b(?:Ma?c(?=\p{Lu})|O'(?=\p{Lu}))/gu, '')
    .replace(
      /\b(?:OpenAI|DeepMind|LinkedIn|xAI|iFlytek|YouTube|ChatGPT|DeepSeek|MiniMax|SenseTime|ByteDance|SoftBank|PowerPoint|GitHub|HuggingFace|TikTok|WeChat|iPhone|McKinsey|MacBook)\b/g,
      'X',
    );
  return (masked.match(/[\p{Ll})%][\p{Lu}]/gu)?.length ?? 0) >= 1;
}

/** "in Trento", "from Verona", "Trento, Italy", "Verona and Trento": where a city's name is a place's. */
function inPlaceContext(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 30), start);
  const after = text.slice(end, end + 40);
  if (
    /\b(?:in|at|from|to|near|outside|across|around|via|visited|visit|visiting|between|of the city of|city of)\s+(?:(?:[\p{Lu}][\p{L}]+|and|,)\s+){0,4}$/u.test(
      before,
    )
  )
    return true;
  if (
    /^,?\s+(?:[\p{Lu}][\p{L}]+\s*){1,3}\b/u.test(after) &&
    registry().countryByName.has(normalizeName(/^,?\s+((?:[\p{Lu}][\p{L}]+\s*){1,3})/u.exec(after)![1]!.trim()))
  )
    return true;
  return /^[ \t]*[\p{Lu}]?[\p{Ll}]*[-–]based\b|^-based\b/u.test(after);
}

function byRegistry(entry: RegistryEntry, start: number, end: number, text: string): Candidate {
  return { start, end, text, type: entry.type, registryId: entry.id, name: entry.name, source: 'registry' };
}

const MODEL_FAMILY =
  /(?<![\p{L}\p{N}])(GPT|Claude|Gemini|Llama|LLaMA|Grok|Mistral|Mixtral|Qwen|DeepSeek|Phi|ERNIE|Ernie|HyperCLOVA X|EXAONE|Gemma|PaLM|Command|Codex|Sora|DALL-E|Kimi|GLM|Falcon|o1|o3|o4)(?:[- ]?(\d+(?:\.\d+)*[a-z]?|[A-Z]\d+|R1|V3|V2))?((?:[ \t]+(?:Sonnet|Opus|Haiku|Ultra|Pro|Flash|Nano|Turbo|mini|Mini|Max|Large|Medium|Small|Instant|Vision|Coder|Chat|Reasoner|\d+(?:\.\d+)*(?![\p{L}\p{N}]))){0,3})(?![\p{L}\p{N}])/gu;

/** Named AI systems: a known family with its version ("Claude 3.5 Sonnet", "GPT-4o", "Gemini Ultra 2"). */
function modelNames(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(MODEL_FAMILY)) {
    const [all, family, version, suffix] = [m[0], m[1]!, m[2], m[3]];
    // A bare family name that is also a company ("Mistral") is the company.
    if (!version && !suffix?.trim() && !['Claude', 'Gemini', 'Llama', 'Grok', 'ChatGPT', 'Qwen', 'Gemma', 'Sora', 'Codex'].includes(family)) continue;
    // "GPT" alone is a technology, not a model.
    if (family === 'GPT' && !version) continue;
    const name = all.trim();
    if (/^[ \t]+[\p{Lu}][\p{Ll}]/u.test(text.slice(m.index! + name.length, m.index! + name.length + 3))) continue;
    out.push({ start: m.index!, end: m.index! + name.length, text: name, type: 'AIModel', registryId: null, name, source: 'pattern' });
  }
  return out;
}

const DESCRIBED_COMPANY =
  /\b(?:company|firm|start-?up|developer|chipmaker|maker|giant|unicorn|lab)\s+((?:[\p{Lu}][\p{L}\p{N}]*|[\p{Lu}\p{N}]{2,})(?:[ \t]+(?:[\p{Lu}][\p{L}\p{N}]*|AI)){0,2})(?![\p{L}\p{N}])/gu;

/** "the AI company Humain", "start-up Lumen Labs": a name the noun before it types as a company. */
function describedCompanies(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(DESCRIBED_COMPANY)) {
    const name = m[1]!;
    if (words(name).some((w) => NON_NAME_WORDS.has(w.toLowerCase())) || MONTHS.test(words(name)[0]!)) continue;
    const start = m.index! + m[0].length - name.length;
    out.push({ start, end: start + name.length, text: name, type: 'Company', registryId: null, name, source: 'context' });
  }
  return out;
}

/** Keeps the longest of overlapping candidates; on a tie, the more trusted source. */
export function resolveOverlaps(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || SOURCE_PRIORITY[b.source] - SOURCE_PRIORITY[a.source] || a.start - b.start);
  const kept: Candidate[] = [];
  for (const c of sorted) if (!kept.some((k) => c.start < k.end && c.end > k.start)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start);
}

/** Verbs a title-case headline puts inside a capitalized run ("OECD Updates AI Principles", "Trump Signs Executive Order"). */
const HEADLINE_VERB =
  /[ \t](?:Updates|Signs|Launches|Announces|Unveils|Adopts|Joins|Backs|Releases|Publishes|Approves|Passes|Unveil|Sign|Launch|Adopt|Join|Back|Release|Publish|Approve|Pass|Agree|Agrees|Set|Sets|Hosts|Host|Opens|Open|Wins|Win|Says|Warns|Calls|Plans|Seeks|Eyes|Urges|Welcomes|Rolls Out|Issues|Issue)[ \t]/u;

/**
 * A pattern name holding a headline's verb is two things: what follows the verb keeps its head noun's type when it
 * is more than a bare head ("Executive Order on AI Preemption"); what precedes it is found by other means.
 */
function withoutHeadlineVerb(p: Candidate): Candidate[] {
  const verb = HEADLINE_VERB.exec(p.text);
  if (!verb) return [p];
  const offset = verb.index + verb[0].length;
  const rest = p.text.slice(offset);
  const type = rest.split(/[ \t]+/).length >= 3 ? typeByHead(rest) : null;
  return type ? [{ ...p, start: p.start + offset, text: rest, name: rest, type }] : [];
}

/** Every candidate mention in a document's text, overlaps resolved. */
export function recognize(text: string): Candidate[] {
  const { gazetteer, forms } = registryMatcher();
  const cands: Candidate[] = [];
  const tokens = tokenize(text);
  for (const h of gazetteer.find(text, tokens)) {
    // "Claude Juncker" is a person, not the model.
    if (h.value.type === 'AIModel' && /^[ \t]+[\p{Lu}][\p{Ll}]/u.test(text.slice(h.end, h.end + 3))) continue;
    if (h.value.needsPlaceContext && !inPlaceContext(text, h.start, h.end)) continue;
    cands.push(byRegistry(h.value, h.start, h.end, h.text));
  }
  let lineStart = 0;
  for (const line of text.split('\n')) {
    if (isGluedLine(line)) {
      for (const h of gazetteer.findGlued(
        line,
        forms.map((f) => ({ ...f, caseSensitive: true })),
      )) {
        cands.push(byRegistry(h.value, lineStart + h.start, lineStart + h.end, h.text));
      }
    }
    lineStart += line.length + 1;
  }
  const persons = personNames(text);
  // A capitalized run that holds a titled name is a title, not an organization
  // ("Special Envoy for Core and Emerging Technology Seth Center").
  const personStarts = new Set(persons.map((q) => q.start));
  const patterns = patternNames(text)
    .filter((p) => !persons.some((q) => q.start >= p.start && q.end <= p.end))
    .flatMap((p) => withoutHeadlineVerb(p))
    .flatMap((p) => {
      // "University of Tokyo Prof. Ana Ruiz": the body without the title.
      const end = withoutTrailingTitle(text, p.start, p.end, personStarts);
      if (end === null) return [p];
      const body = text.slice(p.start, end);
      const type = typeByHead(body);
      return type ? [{ ...p, end, text: body, name: body, type }] : [];
    });
  cands.push(...patterns, ...undefinedAcronymNames(text), ...persons, ...modelNames(text), ...describedCompanies(text));
  let kept = resolveOverlaps(cands);

  // Names found once are names everywhere in the document: acronyms defined
  // in parentheses, people's full names and surnames, pattern names.
  const docForms: GazetteerForm<Candidate>[] = [];
  for (const { acronym, target } of acronymDefinitions(text, kept)) {
    target.link ??= `${target.registryId ?? target.name}`;
    docForms.push({ surface: acronym, value: { ...target, source: 'acronym' }, caseSensitive: true });
  }
  for (const c of kept) {
    if (c.source === 'person') {
      c.link ??= c.name;
      docForms.push({ surface: c.text, value: c, caseSensitive: true });
      for (const form of shortForms(c.name, text)) docForms.push({ surface: form, value: c, caseSensitive: true });
    } else if (c.source === 'pattern') {
      docForms.push({ surface: c.text, value: c, caseSensitive: true });
    }
  }
  if (docForms.length) {
    const docGazetteer = new Gazetteer(docForms);
    const extra: Candidate[] = [];
    for (const h of docGazetteer.find(text, tokens)) {
      extra.push({ ...h.value, start: h.start, end: h.end, text: h.text, source: h.value.source === 'acronym' ? 'acronym' : h.value.source });
    }
    // Acronyms inside glued table rows.
    lineStart = 0;
    for (const line of text.split('\n')) {
      if (isGluedLine(line)) {
        for (const h of docGazetteer.findGlued(line, docForms)) extra.push({ ...h.value, start: lineStart + h.start, end: lineStart + h.end, text: h.text });
      }
      lineStart += line.length + 1;
    }
    kept = resolveOverlaps([...kept, ...extra]);
  }
  return kept;
}
