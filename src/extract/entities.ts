// From mention candidates to the entities of one document: generic names
// qualified by their country, acronyms and surnames linked to their full
// names, unnamed agreements and meetings given an identity, references like
// "the summit" resolved to the thing they refer to.
import type { EntityType } from '../model/schemas.ts';
import { registry, type RegistryEntry } from '../registry/index.ts';
import { normalizeName } from '../resolve/normalize.ts';
import { assignDates } from './date-assign.ts';
import { findDates } from './dates.ts';
import { describedInstruments } from './described-instruments.ts';
import { describedSummits } from './known-events.ts';
import { isGluedLine, recognize, registryMatcher, type Candidate } from './recognize.ts';
import type { Sentence } from './sentences.ts';

export interface EntityDraft {
  key: string;
  type: EntityType;
  name: string;
  registryId: string | null;
  aliases: Set<string>;
  date: string | null;
  /** Unnamed agreements and meetings are named from their parties once relations are known. */
  unnamed?: { noun: string; of?: MentionRef };
  firstMention: number;
}

export interface MentionRef {
  start: number;
  end: number;
  text: string;
  key: string;
  /** "the summit", "It": counts for relations, not as a surface form of the name. */
  anaphoric: boolean;
}

export interface DocEntities {
  entities: Map<string, EntityDraft>;
  mentions: MentionRef[];
}

const GENERIC_INSTITUTE = /^(?:National\s+)?(?:AI|Artificial Intelligence)\s+(?:Safety|Security)\s+Institute$/;

function keyOf(c: Candidate): string {
  if (c.registryId) return c.registryId;
  if (c.link) return `local:${c.type}:${normalizeName(c.link)}`;
  return `local:${c.type}:${normalizeName(c.name)}`;
}

/** "South Korea's AI Safety Institute", "the Japanese AI Safety Institute": whose institute it is. */
function qualifyGenericInstitute(text: string, c: Candidate): Candidate | null {
  const before = text.slice(Math.max(0, c.start - 60), c.start);
  const reg = registry();
  const possessive = /([\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,3})['’]s\s+$/u.exec(before);
  const demonym = /([\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+)?)\s+$/u.exec(before);
  const ofCountry = /^\s+(?:of|in)\s+(?:the\s+)?([\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,3})/u.exec(text.slice(c.end, c.end + 60));
  // "Japan launched its AI Safety Institute": "its" is the country the sentence began with.
  const its = /\b(?:its|their)\s+$/i.test(before)
    ? [
        ...text
          .slice(Math.max(0, c.start - 200), c.start)
          .split(/[.!?\n]/)
          .at(-1)!
          .matchAll(/[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,3}/gu),
      ]
        .map((x) => reg.countryByName.get(normalizeName(x[0])))
        .find((x) => !!x)
    : undefined;
  // "Japan Govt to Establish AI Safety Institute", "Kenya will set up an AI safety institute": the founding state's own.
  const clause = text
    .slice(Math.max(0, c.start - 100), c.start)
    .split(/[.!?\n;]/)
    .at(-1)!;
  const founder =
    /\b(?:establish|establishes|established|establishing|launch|launches|launched|launching|set up|sets up|setting up|create|creates|created|creating|open|opens|opened|unveil|unveils|unveiled)\s+(?:an?\s+|its\s+|their\s+|the\s+|a\s+new\s+|its\s+own\s+|new\s+)?$/i.test(
      clause,
    )
      ? [...clause.matchAll(/[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,3}/gu)]
          .map(
            (x) =>
              reg.countryByName.get(normalizeName(x[0])) ??
              reg.countryByName.get(normalizeName(x[0].split(/\s+/)[0]!)) ??
              reg.countryByDemonym.get(x[0].split(/\s+/)[0]!.toLowerCase()),
          )
          .find((x) => !!x)
      : undefined;
  const country =
    its ||
    founder ||
    (possessive && reg.countryByName.get(normalizeName(possessive[1]!))) ||
    (demonym && (reg.countryByDemonym.get(demonym[1]!.toLowerCase()) ?? reg.countryByName.get(normalizeName(demonym[1]!)))) ||
    (ofCountry && reg.countryByName.get(normalizeName(ofCountry[1]!)));
  return country ? countryInstitute(country, c) : null;
}

/** The institute of a country: the registry's when it knows one, else one named after the country. */
function countryInstitute(country: RegistryEntry, c: Candidate): Candidate {
  const known = registry().entries.find((e) => e.type === 'Institute' && e.country === country.name);
  if (known) return { ...c, registryId: known.id, name: known.name, source: 'registry' };
  const name = `${country.name} ${c.text}`;
  return { ...c, name, link: name };
}

/** Each word's first letter in either case: "a Memorandum of Understanding" is as unnamed as "a memorandum of understanding". */
const eitherCase = (phrase: string) => phrase.replace(/\b([a-z])/g, (_m, c: string) => `[${c.toUpperCase()}${c}]`);
const DEMONYM_BEFORE_OFFICE =
  /\b([\p{Lu}][\p{Ll}]+)(?=\s+(?:(?:[\p{Lu}][\p{L}-]*|and)\s+){0,3}(?:delegation|delegations|delegates|government|officials|authorities|negotiators|leaders?|ministers?|Minister|Secretary|President|Prime Minister|Premier|Chancellor|Ambassador|Envoy|Foreign Minister|ministry)\b)/gu;

const LOWER_INSTITUTE_RE = /\b(?:[Nn]ational\s+)?(?:AI|[Aa]rtificial [Ii]ntelligence)\s+(?:[Ss]afety|[Ss]ecurity)\s+[Ii]nstitute(s?)\b/g;

/**
 * "Korea's AI safety institute", "AI safety institutes in the United States and the United Kingdom": news writes the
 * national institutes in lower case, and a plural with its countries names one institute per country.
 */
function lowerCaseInstitutes(text: string, taken: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  const reg = registry();
  for (const m of text.matchAll(LOWER_INSTITUTE_RE)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (taken.some((c) => start < c.end && end > c.start)) continue;
    const c: Candidate = { start, end, text: m[0], type: 'Institute', registryId: null, name: m[0], source: 'pattern' };
    if (!m[1]) {
      const q = qualifyGenericInstitute(text, c);
      if (q) out.push(q);
      continue;
    }
    const places = /^\s+(?:in|of|from)\s+((?:(?:the\s+)?[\p{Lu}][\p{L}.]*(?:\s+[\p{Lu}][\p{L}.]*){0,3}(?:,\s*|\s+and\s+|,\s+and\s+)?){2,6})/u.exec(
      text.slice(end, end + 160),
    );
    if (!places) continue;
    for (const name of places[1]!.split(/,\s*|\s+and\s+/)) {
      const country = reg.countryByName.get(normalizeName(name.replace(/^the\s+/, '')));
      if (country) out.push(countryInstitute(country, c));
    }
  }
  return out;
}

const AGREEMENT_NOUN =
  [
    'memorandum of understanding',
    'memoranda of understanding',
    'memorandum of agreement',
    'memorandum of cooperation',
    'letter of intent',
    'letters of intent',
    'framework agreement',
    'partnership agreement',
    'cooperation agreement',
    'investment agreement',
    'joint statement',
    'joint declaration',
    'joint communiqué',
    'joint communique',
    'agreements',
    'agreement',
    'memorandum',
    'partnership',
    'accord',
    'pact',
    'deals',
    'deal',
    'arrangement',
    'contracts',
    'contract',
  ]
    .map(eitherCase)
    .join('|') + '|MoUs|MOUs|MoU|MOU|LOI';
const UNNAMED_AGREEMENT_RE = new RegExp(
  String.raw`\b([Aa]|[Aa]n|[Tt]he|[Tt]his|[Tt]hat|[Ii]ts|[Tt]heir|[Nn]ew|[Ss]eparate|[Tt]wo|[Tt]hree)\s+((?:(?:formal|new|bilateral|earlier|prior|previous|first|second|third|fourth|fifth|landmark|historic|similar|joint|comparable|strategic|technical|initial|separate|national-level|national|international|safety|research|cooperation|collaboration|multiyear|multi-year|year-long|five-year|\$[\d.,]+\s+(?:million|billion|bn|m)|[A-Z][a-z]+|\d{4})\s+){0,4})(${AGREEMENT_NOUN})\b`,
  'g',
);
const BARE_PLURAL_RE = new RegExp(
  String.raw`\b(?:signed|signs|sign|signing|inked|inks|reached|reaching|reaches|struck|strikes|striking|concluded|concluding|entered into|entering into|announced|announcing|awarded|awards|awarding|granted|won|secured|has|have|had)\s+(?<bare>)()(${['agreements', 'memoranda of understanding', 'letters of intent', 'deals', 'contracts'].map(eitherCase).join('|')}|MoUs|MOUs)\b`,
  'g',
);
const MEETING_RE = /\b(the|an|its|their)\s+(inaugural|first|second|third|fourth|fifth|founding|opening|next)\s+(meeting|gathering|session|convening)\b/gi;

const MONTH_WORDS = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/g;

function nounOf(surface: string): string {
  const s = surface.toLowerCase();
  if (s.startsWith('memorand') || /^mous?$/.test(s)) return 'memorandum of understanding';
  if (s.includes('partnership')) return 'partnership agreement';
  if (s.startsWith('letter')) return 'letter of intent';
  if (s.startsWith('contract')) return 'contract';
  if (s.startsWith('framework')) return 'framework agreement';
  if (s.startsWith('joint')) return s.replace('communique', 'communiqué');
  return 'agreement';
}

export function buildEntities(text: string, sentences: Sentence[], publishedAt: string | null): DocEntities {
  let cands = recognize(text);
  const out: Candidate[] = [];
  for (const c of cands) {
    // "AI Safety Institute of Australia": the country's institute, under the name the registry knows.
    const ofCountry =
      c.source === 'pattern' && c.type === 'Institute'
        ? /^(?:National\s+)?(?:AI|Artificial Intelligence)\s+(?:Safety|Security)\s+Institute\s+(?:of|for)\s+(?:the\s+)?(.+)$/.exec(c.text)
        : null;
    const country = ofCountry ? registry().countryByName.get(normalizeName(ofCountry[1]!)) : undefined;
    if (country) {
      out.push(countryInstitute(country, c));
      continue;
    }
    if (c.source === 'pattern' && c.type === 'Institute' && GENERIC_INSTITUTE.test(c.text)) {
      const q = qualifyGenericInstitute(text, c);
      if (q) out.push(q);
      continue;
    }
    out.push(c);
  }
  cands = out;
  cands.push(...lowerCaseInstitutes(text, cands));
  cands.push(...describedSummits(text, cands, publishedAt));
  cands.push(...describedInstruments(text, sentences, cands, publishedAt));

  const entities = new Map<string, EntityDraft>();
  const mentions: MentionRef[] = [];
  const addEntity = (key: string, type: EntityType, name: string, registryId: string | null, at: number): EntityDraft => {
    let e = entities.get(key);
    if (!e) {
      const reg = registryId ? registry().byId.get(registryId) : undefined;
      e = { key, type, name, registryId, aliases: new Set(), date: reg?.date ?? null, firstMention: at };
      entities.set(key, e);
    }
    return e;
  };
  for (const c of cands) {
    // "Korea-OpenAI MoU", "the Korean MoU": another name for an agreement the text introduced without one.
    if (c.source === 'pattern' && c.type === 'Agreement' && /\b(?:MoU|MOU|Memorandum|Agreement|Partnership|Deal)$/.test(c.text)) {
      mentions.push({ start: c.start, end: c.end, text: c.text, key: `anaphor:agreement:${nounOf(c.text.split(/\s+/).at(-1)!)}`, anaphoric: false });
      continue;
    }
    const key = keyOf(c);
    const e = addEntity(key, c.type, c.name, c.registryId, c.start);
    if (c.text !== e.name) e.aliases.add(c.text);
    mentions.push({ start: c.start, end: c.end, text: c.text, key, anaphoric: false });
  }

  // Unnamed agreements: "a memorandum of understanding", "an earlier October 2025 agreement between X and Y".
  let unnamedCount = 0;
  const occupied = (s: number, e: number) => mentions.some((m) => s < m.end && e > m.start);
  for (const m of [...text.matchAll(UNNAMED_AGREEMENT_RE), ...text.matchAll(BARE_PLURAL_RE)]) {
    const nounStart = m.index! + m[0].length - m[3]!.length;
    const nounEnd = m.index! + m[0].length;
    if (occupied(nounStart, nounEnd)) continue;
    const modifiers = m[2]!.trim();
    // Capitalized modifiers other than months make a name ("the Seoul Declaration"), which the recognizer owns.
    if (/[A-Z]/.test(modifiers.replace(MONTH_WORDS, ''))) continue;
    const det = m.groups?.bare !== undefined ? 'bare' : m[1]!.toLowerCase();
    // A bare plural after a verb of signing ("inked agreements with ...") is as indefinite as "a".
    const surface = (modifiers ? `${modifiers} ` : '') + m[3]!;
    const indefinite = ['a', 'an', 'new', 'separate', 'two', 'three', 'bare'].includes(det);
    if (indefinite) {
      const key = `unnamed:agreement:${++unnamedCount}`;
      const e = addEntity(key, 'Agreement', surface, null, nounStart);
      e.unnamed = { noun: nounOf(m[3]!) };
      e.aliases.add(m[3]!);
      if (modifiers) e.aliases.add(surface);
      const dates = findDates(modifiers, publishedAt);
      if (dates.length) e.date = dates[0]!.iso;
      mentions.push({ start: nounStart - (modifiers ? modifiers.length + 1 : 0), end: nounEnd, text: surface, key, anaphoric: false });
    } else {
      mentions.push({ start: nounStart, end: nounEnd, text: m[3]!, key: `anaphor:agreement:${nounOf(m[3]!)}`, anaphoric: true });
    }
  }
  // Simple references to something named earlier.
  const ANAPHORS: Array<[RegExp, string]> = [
    [/\b(?:the|this|that)\s+(summit|event|conference|dialogue)\b/gi, 'anaphor:type:Summit'],
    // "the two-day summit", "this second summit": modifiers in lower case keep it a reference (a name is capitalized).
    [
      /\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:\d+|two|three|four|five|one)-day\s+|annual\s+|inaugural\s+|first\s+|second\s+|third\s+|latest\s+|recent\s+|upcoming\s+|next\s+|global\s+|international\s+|high-level\s+|ministerial\s+|landmark\s+|[Aa][Ii]\s+){1,2}(summit|conference|dialogue)\b/g,
      'anaphor:type:Summit',
    ],
    // "the two-day meeting", "the gathering": the summit the text is about, unless it says which other meeting it is.
    [
      /\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:(?:\d+|two|three|one)-day\s+|high-level\s+|ministerial\s+|global\s+)?(meeting|gathering|convening)\b(?!\s+(?:of|between|with|in|on)\b|-)/g,
      'anaphor:type:Summit',
    ],
    [/\b(?:the|this)\s+(institute)\b/gi, 'anaphor:type:Institute'],
    [/\b(?:the|this)\s+(network)\b/gi, 'anaphor:name:network'],
    [/\b(?:the|this)\s+((?:bilateral\s+)?(?:AI\s+)?working group)\b/gi, 'anaphor:name:working group'],
    [/\b(?:the|this)\s+(country)\b/gi, 'anaphor:type:Country'],
    [/\b(?:the|this|that)\s+(declaration|convention|treaty|charter|accord|pact|compact)\b/gi, 'anaphor:type:Agreement'],
    [/\b(?:the|these|those)\s+(commitments)\b/gi, 'anaphor:name:commitments'],
    // "Companies that have joined this pledge include ...": a pledge the text has not named yet is an instrument of its own.
    [/\b(?:the|this|that)\s+(pledge)\b/gi, 'anaphor:agreement:pledge'],
    [/\b(?:the|this)\s+(company|firm|start-?up|developer|(?:AI\s+)?lab)\b(?!['’]s\s+(?:founder|CEO|chief))/gi, 'anaphor:type:Company'],
    [/\b(?:the|this)\s+(ministry|department|agency|regulator|watchdog)\b/gi, 'anaphor:type:GovernmentBody'],
    [/\b(?:the|this)\s+(organi[sz]ation)\b/gi, 'anaphor:type:Organization'],
    [/\b(?:the|this)\s+(alliance|coalition|consortium|forum|partnership|panel|council|commission|taskforce|task force)\b/gi, 'anaphor:noun'],
    [/\b(?:the|this|that)\s+(law|act|bill|regulation|legislation|framework|policy|strategy|guidelines|executive order)\b/gi, 'anaphor:type:Policy'],
    [/\b(?:the|this)\s+(city)\b/gi, 'anaphor:type:Location'],
    // "A, B and C signed it": the object pronoun of a verb of signing is the last agreement.
    [/\b(?:signed|ratified|endorsed|joined|adopted|backed|sign|ratify|endorse|join|adopt)\s+(it)\b/g, 'anaphor:type:Agreement'],
    // "The founding members comprise A, B and C": the members of the last network, alliance or group named.
    [/\b(?:[Tt]he)\s+(?:founding\s+|initial\s+|current\s+|new\s+|other\s+)?(members)\b(?=\s+(?:comprise|include|are|were)\b)/g, 'anaphor:type:Organization'],
    // "both countries", "the two institutes": the last two of the kind.
    [/\b(?:both|the two)\s+(countries|nations|governments|sides)\b/gi, 'anaphor:pair:Country'],
    [/\b(?:both|the two)\s+(institutes|institutions|AI safety institutes|AI Safety Institutes|agencies)\b/gi, 'anaphor:pair:Institute'],
    [/\b(?:both|the two)\s+(companies|firms)\b/gi, 'anaphor:pair:Company'],
    [/\b(?:both|the two)\s+(organi[sz]ations)\b/gi, 'anaphor:pair:Organization'],
  ];
  for (const [re, key] of ANAPHORS) {
    for (const m of text.matchAll(re)) {
      const end = m.index! + m[0].length;
      // "the two-day meeting": the reference spans its modifiers, so "attended the two-day meeting" reads as "attended the X".
      // An ordinal ("the first summit") stays outside: it says which meeting of a series, read where dates are assigned.
      const widen = key === 'anaphor:type:Summit' && !/\b(?:inaugural|first|second|third|latest|recent|upcoming|next)\b/i.test(m[0]);
      const start = widen ? m.index! + /^\S+\s+/.exec(m[0])![0].length : end - m[1]!.length;
      if (occupied(m.index!, end)) continue;
      mentions.push({ start, end, text: m[1]!, key, anaphoric: true });
    }
  }
  // "the Kenyan delegation", "French Digital Minister X": a demonym before an office or a state's people names the state.
  const reg = registry();
  for (const m of text.matchAll(DEMONYM_BEFORE_OFFICE)) {
    const country = reg.countryByDemonym.get(m[1]!.toLowerCase());
    if (!country || occupied(m.index!, m.index! + m[1]!.length)) continue;
    addEntity(country.id, 'Country', country.name, country.id, m.index!);
    mentions.push({ start: m.index!, end: m.index! + m[1]!.length, text: m[1]!, key: country.id, anaphoric: true });
  }
  const ofMentions = mentions;
  // Unnamed meetings: "the inaugural meeting of the working group".
  for (const m of text.matchAll(MEETING_RE)) {
    const start = m.index! + m[1]!.length + 1;
    const end = m.index! + m[0].length;
    if (occupied(start, end)) continue;
    const ofWhat = /^\s+of\s+(?:the\s+)?/.exec(text.slice(end, end + 10));
    const indefinite = m[1]!.toLowerCase() === 'an';
    const ordinal = m[2]!.toLowerCase();
    // "joined the International Network at its first meeting": "its" is the organization just named.
    const possessive = /^(?:its|their)$/i.test(m[1]!)
      ? ofMentions.filter((x) => x.end <= m.index! && m.index! - x.end < 120 && ['Organization', 'Institute'].includes(entities.get(x.key)?.type ?? '')).at(-1)
      : undefined;
    if (ofWhat || indefinite || possessive) {
      const key = `unnamed:meeting:${ordinal}:${start}`;
      const e = addEntity(key, 'Summit', text.slice(start, end), null, start);
      // "the first meeting of the International Network": the meeting's mention spans what it is the meeting of.
      const host = ofWhat ? ofMentions.find((x) => x.start === end + ofWhat[0].length) : possessive;
      e.unnamed = { noun: `${ordinal} ${m[3]!.toLowerCase()}`, of: host };
      e.aliases.add(text.slice(start, end));
      const spanEnd = host && host.start > start ? host.end : end;
      mentions.push({ start, end: spanEnd, text: text.slice(start, spanEnd), key, anaphoric: false });
    } else {
      mentions.push({ start, end, text: text.slice(start, end), key: `anaphor:meeting:${ordinal}`, anaphoric: true });
    }
  }

  // Sentence-initial "It" stands for the previous sentence's subject.
  for (const s of sentences) {
    if (/^(?:It|Its)\b/.test(s.text)) mentions.push({ start: s.start, end: s.start + 2, text: 'It', key: 'anaphor:subject', anaphoric: true });
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  resolveAnaphora(mentions, entities, sentences, text);

  // Places named inside summit names ("Bletchley Park Summit") are where it was held.
  const { gazetteer } = registryMatcher();
  for (const m of [...mentions]) {
    const e = entities.get(m.key);
    if (e?.type !== 'Summit' || m.anaphoric) continue;
    for (const h of gazetteer.find(m.text)) {
      if (h.value.type !== 'Location' && h.value.type !== 'Country') continue;
      if (h.start === 0 && h.end === m.text.length) continue;
      addEntity(h.value.id, h.value.type, h.value.name, h.value.id, m.start + h.start);
      mentions.push({ start: m.start + h.start, end: m.start + h.end, text: h.text, key: h.value.id, anaphoric: false });
    }
  }
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
  mergeShortForms(entities, mentions);
  assignDates(text, sentences, mentions, entities, publishedAt);
  return { entities, mentions };
}

// Not summits: a series' short name ("the REAIM summit") is its current meeting, not the one whose full name contains it.
const SHORTENED: EntityType[] = ['Organization', 'GovernmentBody', 'Agreement', 'Policy', 'Institute'];

/**
 * "the Framework Convention" after "the Council of Europe Framework Convention on AI", "the Scientific Panel" after
 * "the Independent International Scientific Panel on AI": a name found by pattern whose words run inside the name of
 * exactly one other entity of its type in the text is a short form of it.
 */
function mergeShortForms(entities: Map<string, EntityDraft>, mentions: MentionRef[]): void {
  const words = (n: string) => normalizeName(n).split(' ').filter(Boolean);
  const inside = (short: string[], long: string[]) => long.length > short.length && long.some((_w, i) => short.every((w, j) => long[i + j] === w));
  for (const a of [...entities.values()]) {
    if (a.registryId || a.unnamed || !SHORTENED.includes(a.type)) continue;
    const short = words(a.name);
    if (short.length < 2) continue;
    const longer = [...entities.values()].filter((b) => b !== a && b.type === a.type && [b.name, ...b.aliases].some((n) => inside(short, words(n))));
    if (longer.length !== 1) continue;
    const b = longer[0]!;
    b.aliases.add(a.name);
    mergeEntity({ entities, mentions }, a.key, b.key);
  }
}

/** Entity `from` is `into`: its surface forms, date and mentions go over to it. */
export function mergeEntity(ents: DocEntities, from: string, into: string): void {
  const a = ents.entities.get(from)!;
  const b = ents.entities.get(into)!;
  for (const x of a.aliases) b.aliases.add(x);
  b.date ??= a.date;
  ents.entities.delete(from);
  for (const m of ents.mentions) if (m.key === from) m.key = into;
}

function lineAt(text: string, pos: number): string {
  const start = text.lastIndexOf('\n', pos - 1) + 1;
  const end = text.indexOf('\n', pos);
  return text.slice(start, end < 0 ? text.length : end);
}

function resolveAnaphora(mentions: MentionRef[], entities: Map<string, EntityDraft>, sentences: Sentence[], text: string): void {
  const sentenceAt = (pos: number) => sentences.find((s) => pos >= s.start && pos < s.end);
  const pairs: MentionRef[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    if (!m.key.startsWith('anaphor:')) continue;
    const here = sentenceAt(m.start);
    const earlier = mentions
      .slice(0, i)
      .filter((p) => !p.key.startsWith('anaphor:') && p.end <= m.start)
      .reverse();
    const ent = (p: MentionRef) => entities.get(p.key);
    let target: MentionRef | undefined;
    const [, kind, arg] = m.key.split(':');
    if (kind === 'agreement') {
      const unnamed = earlier.filter((p) => ent(p)?.unnamed && ent(p)?.type === 'Agreement');
      if (/\b(?:prior|earlier|previous|former|original)\s*$/i.test(text.slice(Math.max(0, m.start - 12), m.start))) {
        // "the prior MoU": the older of the agreements introduced so far.
        target = unnamed.filter((p) => ent(p)?.date).at(0) ?? (new Set(unnamed.map((p) => p.key)).size > 1 ? unnamed.at(-1) : undefined);
      } else {
        // "the MoU" prefers an agreement introduced without a name.
        target = unnamed.find((p) => arg === 'agreement' || ent(p)!.unnamed!.noun === arg) ?? earlier.find((p) => ent(p)?.type === 'Agreement');
      }
    } else if (kind === 'type' && (arg === 'Summit' || arg === 'Institute')) {
      // "the summit", "the institute" is the one the text is about: the most mentioned so far, the latest on a tie.
      // Mentions in the last few paragraphs weigh ten times those further back.
      const counts = new Map<string, number>();
      // Table cells and info boxes weigh little: they list summits, prose is about one.
      for (const p of earlier) {
        if (ent(p)?.type !== arg) continue;
        const inTable = isGluedLine(lineAt(text, p.start));
        // The subject of a sentence ("The Seoul AI Safety Summit, held ...") is what the prose is about.
        const ps = sentenceAt(p.start);
        const subject = ps && /^(?:the\s+|a\s+)?$/i.test(text.slice(ps.start, p.start));
        const weight = (m.start - p.start < 1500 ? 10 : 1) * (inTable ? 0.1 : 1) * (subject ? 2 : 1);
        counts.set(p.key, (counts.get(p.key) ?? 0) + weight);
      }
      const best = [...counts].sort((a, b) => b[1] - a[1])[0];
      target = best ? earlier.find((p) => p.key === best[0]) : undefined;
    } else if (kind === 'meeting') {
      target = earlier.find((p) => ent(p)?.type === 'Summit' && ent(p)?.unnamed);
    } else if (kind === 'pair') {
      const keys = [
        ...new Set(earlier.filter((p) => ent(p)?.type === arg || (arg === 'Institute' && ent(p)?.type === 'GovernmentBody')).map((p) => p.key)),
      ].slice(0, 2);
      if (keys.length === 2 && here && here.start - (earlier.find((p) => p.key === keys[1])?.start ?? 0) <= 1500) {
        target = earlier.find((p) => p.key === keys[0]);
        pairs.push({ ...m, key: keys[1]! });
      }
    } else if (kind === 'type') {
      target = earlier.find((p) => ent(p)?.type === arg);
    } else if (kind === 'noun') {
      // "the consortium" is the last thing named a consortium.
      target = earlier.find((p) => (ent(p)?.name.toLowerCase() ?? '').split(/\s+/).includes(m.text.toLowerCase()));
    } else if (kind === 'name') {
      target = earlier.find((p) => (ent(p)?.name.toLowerCase() ?? '').includes(arg!));
    } else if (kind === 'subject' && here) {
      const prev = sentences[here.index - 1];
      const first = prev ? mentions.find((p) => !p.key.startsWith('anaphor:') && p.start >= prev.start && p.start < prev.start + 40) : undefined;
      target = first && ['Institute', 'Company', 'GovernmentBody', 'Organization', 'Country'].includes(ent(first)?.type ?? '') ? first : undefined;
    }
    // A reference reaches back a few sentences at most.
    if (target && here && here.start - target.start > 1500) target = undefined;
    // "The deal between X and Y was announced ...": a definite agreement with nothing before it to refer to
    // introduces one (it stays only if the text names who signed it).
    if (!target && kind === 'agreement' && m.anaphoric) {
      const key = `unnamed:agreement:at:${m.start}`;
      entities.set(key, {
        key,
        type: 'Agreement',
        name: m.text,
        registryId: null,
        aliases: new Set([m.text]),
        date: null,
        firstMention: m.start,
        unnamed: { noun: arg! },
      });
      m.key = key;
      m.anaphoric = false;
      continue;
    }
    if (target) {
      m.key = target.key;
      // A proper surface form ("Korea-OpenAI MoU") is a name of the thing it refers to.
      if (!m.anaphoric) entities.get(target.key)?.aliases.add(m.text);
    }
  }
  // Unresolved references go.
  for (let i = mentions.length - 1; i >= 0; i--) if (mentions[i]!.key.startsWith('anaphor:')) mentions.splice(i, 1);
  mentions.push(...pairs);
  mentions.sort((a, b) => a.start - b.start || b.end - a.end);
}
