// People: the names of persons (in every region's name order) and the cues
// that vouch for them (titles, appositions, speech), and which surface forms
// of a name refer back to it. The offices people hold (WORKS_FOR) are in
// offices.ts. Pure: text in, name spans out; the cue words are the tables here.
import { NON_NAME_WORDS } from './lexicon.ts';

/** Offices of a state: their holder works for the country (or for the department the title names). */
export const STATE_TITLES = [
  'President',
  'Vice President',
  'Prime Minister',
  'Deputy Prime Minister',
  'First Minister',
  'Minister',
  'Vice Minister',
  'Deputy Minister',
  'Minister of State',
  'Minister for',
  'Secretary',
  'Secretary of State',
  'Under Secretary',
  'Undersecretary',
  'Assistant Secretary',
  'Deputy Secretary',
  'Permanent Secretary',
  'Chancellor',
  'Vice Chancellor',
  'Premier',
  'Vice Premier',
  'King',
  'Queen',
  'Crown Prince',
  'Prince',
  'Emir',
  'Sultan',
  'Senator',
  'Sen.',
  'Representative',
  'Rep.',
  'Congressman',
  'Congresswoman',
  'Governor',
  'Gov.',
  'Mayor',
  'Ambassador',
  'Envoy',
  'Special Envoy',
  'Attorney General',
  'Speaker',
  'Majority Leader',
  'Minority Leader',
  'Chief of Staff',
  'National Security Adviser',
  'National Security Advisor',
  'Commissioner',
  'Executive Vice President',
  'High Representative',
];

/** Offices in an organization: their holder works for the organization named with the title. */
export const ORG_TITLES = [
  'CEO',
  'Chief Executive',
  'Chief Executive Officer',
  'CTO',
  'CFO',
  'COO',
  'Chief Technology Officer',
  'Chief Operating Officer',
  'Chief Scientist',
  'Chief Digital and AI Officer',
  'Chief AI Officer',
  'Chief Information Officer',
  'Chief Economist',
  'Founder',
  'Co-founder',
  'Co-Founder',
  'Cofounder',
  'Chair',
  'Chairman',
  'Chairwoman',
  'Chairperson',
  'Co-Chair',
  'Vice Chair',
  'Director',
  'Director-General',
  'Director General',
  'Executive Director',
  'Managing Director',
  'Deputy Director',
  'Head',
  'Secretary-General',
  'Secretary General',
  'Deputy Secretary-General',
  'Under-Secretary-General',
  'Spokesperson',
  'Spokesman',
  'Spokeswoman',
  'Senior Vice President',
  'Vice-President',
  'General Counsel',
  'Professor',
  'Prof.',
  'Associate Professor',
  'Assistant Professor',
  'Researcher',
  'Senior Researcher',
  'Research Scientist',
  'Scientist',
  'Fellow',
  'Senior Fellow',
  'Advisor',
  'Adviser',
  'Senior Advisor',
  'Senior Adviser',
  'Lead',
  'Officer',
  'Administrator',
  'Partner',
  'Analyst',
  'Economist',
  'Program Manager',
  'Programme Manager',
  'Manager',
  'Engineer',
  'Dean',
  'Rector',
  'Provost',
];

/** Role nouns written in lower case before a name ("spokesperson Ana Ruiz", "the lab's chief Ana Ruiz"). */
export const LOWER_ROLES = [
  'chief executive officer',
  'chief executive',
  'chief',
  'boss',
  'founder',
  'co-founder',
  'cofounder',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'chairman',
  'chairwoman',
  'chairperson',
  'chair',
  'director',
  'director-general',
  'head',
  'president',
  'vice president',
  'minister',
  'secretary',
  'professor',
  'researcher',
  'scientist',
  'adviser',
  'advisor',
  'analyst',
  'economist',
  'envoy',
  'ambassador',
  'commissioner',
  'senator',
  'lawmaker',
  'governor',
  'mayor',
  'executive',
  'leader',
  'owner',
  'investor',
  'entrepreneur',
  'billionaire',
  'mogul',
];

/** Words of address that precede a name and are not part of it. */
export const HONORIFICS = [
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Mx',
  'Dr',
  'Prof',
  'Professor',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
  'Baroness',
  'Baron',
  'Sheikh',
  'Sheikha',
  'Shaikh',
  'Prince',
  'Princess',
  'Crown Prince',
  'Emir',
  'King',
  'Queen',
  'H.E.',
  'HE',
];

/** Lower-case words inside names: Arabic (bin, ibn, al), Dutch, German, French, Italian, Portuguese and Spanish particles. */
export const NAME_PARTICLES = [
  'bin',
  'bint',
  'ibn',
  'binti',
  'al',
  'el',
  'van',
  'von',
  'der',
  'den',
  'ter',
  'de',
  'da',
  'di',
  'du',
  'dos',
  'das',
  'del',
  'della',
  'la',
  'le',
  'y',
];

/**
 * Family names written first (Korean, Chinese, Vietnamese): "Kim Myuhng-joo",
 * "Yoon Suk Yeol", "Li Qiang". The most frequent ones of each language,
 * less those that are also short English words ("He", "An", "Do", "Oh").
 */
export const FAMILY_NAMES_FIRST = new Set([
  // Korean
  'Kim',
  'Lee',
  'Yi',
  'Park',
  'Pak',
  'Choi',
  'Choe',
  'Jung',
  'Jeong',
  'Chung',
  'Kang',
  'Cho',
  'Yoon',
  'Yun',
  'Jang',
  'Chang',
  'Lim',
  'Han',
  'Seo',
  'Suh',
  'Shin',
  'Sin',
  'Kwon',
  'Hwang',
  'Ahn',
  'Song',
  'Yoo',
  'Yu',
  'Ryu',
  'Hong',
  'Jeon',
  'Chun',
  'Ko',
  'Moon',
  'Mun',
  'Yang',
  'Son',
  'Sohn',
  'Bae',
  'Baek',
  'Paik',
  'Heo',
  'Huh',
  'Nam',
  'Noh',
  'Roh',
  'Kwak',
  'Sung',
  'Cha',
  'Joo',
  'Ju',
  'Woo',
  'Min',
  'Jin',
  'Ji',
  'Um',
  'Eom',
  'Chae',
  'Won',
  'Bang',
  'Gong',
  'Hyun',
  'Byun',
  'Yeo',
  'Choo',
  'Ban',
  'Ryoo',
  // Chinese
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'Lin',
  'Luo',
  'Gao',
  'Zheng',
  'Liang',
  'Xie',
  'Tang',
  'Cao',
  'Deng',
  'Feng',
  'Xiao',
  'Cheng',
  'Yuan',
  'Ding',
  'Pan',
  'Du',
  'Dai',
  'Xi',
  'Jiang',
  'Wei',
  'Shen',
  'Fu',
  'Peng',
  'Lu',
  'Cai',
  'Yao',
  'Tan',
  'Qian',
  'Qin',
  'Shi',
  'Bai',
  'Fan',
  'Lei',
  'Kong',
  'Mao',
  'Cui',
  'Tian',
  'Dong',
  'Ren',
  'Yan',
  'Hou',
  'Meng',
  'Xiong',
  'Qiu',
  'Yin',
  'Kuang',
  'Tsai',
  'Lai',
  // Vietnamese
  'Nguyen',
  'Tran',
  'Pham',
  'Hoang',
  'Huynh',
  'Phan',
  'Vu',
  'Vo',
  'Dang',
  'Bui',
  'Ngo',
  'Duong',
  'Ly',
  'Truong',
]);

/** Verbs of saying around a name: "said Ana Ruiz", "Ana Ruiz said". */
export const SPEECH_VERBS = [
  'said',
  'says',
  'told',
  'stated',
  'added',
  'noted',
  'wrote',
  'explained',
  'argued',
  'emphasized',
  'emphasised',
  'stressed',
  'warned',
  'urged',
  'insisted',
  'remarked',
  'commented',
  'observed',
  'acknowledged',
  'cautioned',
  'declared',
  'asserted',
  'announced',
  'continued',
  'concluded',
  'recalled',
  'pointed out',
  'highlighted',
  'underlined',
  'underscored',
];

/** Verbs of reacting that take a person as subject ("Ana Ruiz welcomed the declaration"); only after a name, never before one. */
export const REACTION_VERBS = [
  'welcomed',
  'praised',
  'hailed',
  'criticized',
  'criticised',
  'condemned',
  'thanked',
  'congratulated',
  'applauded',
  'lauded',
  'predicted',
  'admitted',
  'conceded',
  'suggested',
  'claimed',
  'replied',
  'responded',
  'tweeted',
  'posted',
  'signaled',
  'signalled',
];

/** Verbs of a relative clause that give an office: "Ana Ruiz, who heads the lab" (verb -> role). */
export const OFFICE_VERBS: Record<string, string> = {
  heads: 'head',
  headed: 'head',
  leads: 'head',
  led: 'head',
  runs: 'head',
  ran: 'head',
  directs: 'director',
  directed: 'director',
  chairs: 'chair',
  chaired: 'chair',
  founded: 'founder',
  'co-founded': 'co-founder',
  cofounded: 'co-founder',
  oversees: 'head',
  oversaw: 'head',
  manages: 'manager',
  managed: 'manager',
  owns: 'owner',
  owned: 'owner',
};

// ---- name shapes

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (xs: readonly string[]) =>
  [...xs]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join('|');

/** One word of a name: "Smith", "O'Brien", "McCarthy", "LeCun", "Myuhng-joo", "François-Philippe", "Pejčinović". */
const NAME_TOKEN = String.raw`\p{Lu}(?:\p{Ll}+(?:\p{Lu}\p{Ll}+)?|['’]\p{Lu}\p{Ll}+)(?:-\p{L}\p{Ll}*)*`;
/** "J. D. Vance", and initials written without points before a surname ("S Krishnan", "JD Vance"). */
const INITIAL = String.raw`(?:(?:\p{Lu}\.){1,3}|\p{Lu}{1,2}(?=[ \t]+\p{Lu}\p{Ll}))`;
const PARTICLE = alt(NAME_PARTICLES);
/** A run of name words, particles and initials: "Sheikh Tahnoon bin Zayed Al Nahyan", "J. D. Vance". */
export const NAME_RUN = String.raw`(?:${NAME_TOKEN}|${INITIAL})(?:[ \t]+(?:(?:${PARTICLE})[ \t]+){0,2}(?:${NAME_TOKEN}|${INITIAL}(?![\p{L}])))*`;

const HONORIFIC_RE = new RegExp(String.raw`^(?:${alt(HONORIFICS)})\.?[ \t]+`, 'u');
const PARTICLES = new Set(NAME_PARTICLES);

/** What the recognizer knows about words and names, passed in (it owns the registry and compromise's lexicon). */
export interface NameOracle {
  /** The registry knows something inside this text. */
  inRegistry(text: string): boolean;
  /** compromise's lexicon tags of a word (lower case), if it has any. */
  tags(word: string): string[] | undefined;
  /** A word that never belongs in a person's name (head nouns, office words). */
  notInNames(word: string): boolean;
}

const NAME_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person', 'ProperNoun', 'Honorific']);
const fold = (w: string) => w.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** A first name compromise knows, accents aside ("António" is "Antonio"). */
export function knownFirstName(word: string, o: NameOracle): boolean {
  const tags = o.tags(fold(word).toLowerCase());
  return !!tags && tags.some((t) => t === 'FirstName' || t === 'MaleName' || t === 'FemaleName');
}

/** Suffixes of English common nouns, adjectives and verbs; no surname ends so ("Government", "Security"). */
const COMMON_SUFFIX =
  /(?:tions?|sions?|ments?|ness(?:es)?|ity|ities|ances?|ences?|ships?|isms?|ics|ogy|ings?|ures?|ery|eries|ives?|ize|ise|able|ible|ful|less|ous|ward|wide|like|hood|dom|ware|works?|ists?|ers)$/;

/**
 * A word that can be a surname: not a common English word by compromise's
 * lexicon (unknown words parse as nouns, so a parse can't tell), no common-noun
 * suffix, no office or head word.
 */
export function plausibleSurname(word: string, o: NameOracle): boolean {
  if (o.notInNames(word) || NON_NAME_WORDS.has(word.toLowerCase())) return false;
  const lower = fold(word).toLowerCase();
  const tags = o.tags(lower);
  if (tags) return tags.every((t) => NAME_TAGS.has(t));
  if (word.includes('-')) return word.split('-').every((p) => p.length > 0 && !o.tags(fold(p).toLowerCase())?.some((t) => !NAME_TAGS.has(t)));
  // Two words glued by a lost line break ("SandleEditing"): the second one is a common word, where "McDonald" has a name.
  const glued = /^\p{Lu}\p{Ll}+(\p{Lu}\p{Ll}+)$/u.exec(fold(word));
  if (glued && o.tags(glued[1]!.toLowerCase())?.some((t) => !NAME_TAGS.has(t))) return false;
  // "-ing" makes a common word only from a verb ("Funding", "Ruling"); "Doering", "Kipling" are names.
  const stem = /^(.+)ing$/.exec(lower)?.[1];
  if (stem && stem.length > 2)
    return ![stem, `${stem}e`, /(.)\1$/.test(stem) ? stem.slice(0, -1) : ''].some((x) => x && o.tags(x)?.some((t) => /Verb|Infinitive/.test(t)));
  return !COMMON_SUFFIX.test(lower);
}

/** One or two romanized East Asian syllables ("jinping", "myuhng", "yeol", "qiang"). */
const ROMANIZED = /^(?:(?:[bcdfghjklmnpqrstwxz]{1,3}|y)?(?:[aeiou]{1,3}|w[aeiou]{1,2}|y[aeiou]{1,2})(?:ng|n|m|l|k|p|t|r|h)?){1,2}$/;

/** A given name after a family name written first: "Myuhng-joo", "Suk Yeol", "Jinping". */
function givenNameAfterFamily(ws: string[], o: NameOracle): boolean {
  const syllables = (w: string) =>
    w
      .toLowerCase()
      .split('-')
      .every((p) => ROMANIZED.test(p));
  if (ws.length === 1 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(ws[0]!)) return syllables(ws[0]!); // "Jae-in": hyphen, lower case after it
  const nameOnly = (w: string) => o.tags(w.toLowerCase())?.every((t) => NAME_TAGS.has(t)) ?? true;
  return ws.length >= 1 && ws.length <= 2 && ws.every((w) => /^\p{Lu}\p{Ll}{1,7}$/u.test(w) && syllables(w) && nameOnly(w) && !o.notInNames(w));
}

export interface NameSpan {
  start: number;
  end: number;
  name: string;
}

/**
 * Words that can make a name by themselves, with no title to vouch for them:
 * a known first name, or no word English knows otherwise ("Halcyon Futures
 * said" is no person).
 */
export function nameWords(name: string, o: NameOracle): boolean {
  const ws = name.split(/[ \t]+/).filter((w) => !PARTICLES.has(w) && !/^\p{Lu}\.$/u.test(w) && w !== 'Al' && w !== 'El');
  if (ws.length >= 2 && knownFirstName(ws[0]!, o)) return true;
  return ws.every((w) => plausibleSurname(w, o));
}

/**
 * The name at the start of `run` (name words only): at most `max` words
 * (particles and initials aside), cut before words that never belong in a
 * name. Null when fewer than `min` words remain.
 */
export function nameAt(run: string, at: number, o: NameOracle, min = 2, max = 4, titled = false): NameSpan | null {
  let text = run;
  let start = at;
  const h = HONORIFIC_RE.exec(text);
  if (h) {
    text = text.slice(h[0].length);
    start += h[0].length;
  }
  // A particle or a common word before the name is not part of it ("della ...", "Conductor Ana Ruiz").
  for (;;) {
    const lead = /^(\S+)[ \t]+(?=\S+[ \t]+\S)/.exec(text);
    const next = text.slice(lead?.[0].length ?? 0).split(/[ \t]/)[0]!;
    // ... or a word no list knows as a name before a first name it knows ("Conductor Ana Ruiz").
    const beforeFirstName =
      !!lead &&
      knownFirstName(next, o) &&
      !knownFirstName(lead[1]!, o) &&
      !FAMILY_NAMES_FIRST.has(lead[1]!) &&
      !o.tags(lead[1]!.toLowerCase())?.some((t) => NAME_TAGS.has(t));
    if (!lead || !(PARTICLES.has(lead[1]!) || beforeFirstName || (o.tags(lead[1]!.toLowerCase())?.every((t) => !NAME_TAGS.has(t)) ?? false))) break;
    text = text.slice(lead[0].length);
    start += lead[0].length;
  }
  if (PARTICLES.has(text.split(/[ \t]/)[0]!)) return null;
  const toks = [...text.matchAll(/\S+/g)];
  let count = 0;
  let end = 0;
  for (const [i, t] of toks.entries()) {
    const w = t[0];
    if (PARTICLES.has(w)) continue;
    // "Seth Center": after a title, a known first name vouches for a last word that is also a head noun.
    const vouched = titled && count === 1 && i === toks.length - 1 && knownFirstName(toks[0]![0], o) && !NON_NAME_WORDS.has(w.toLowerCase());
    if (!vouched && (NON_NAME_WORDS.has(w.toLowerCase()) || o.notInNames(w) || /^(?:Jr|Sr)\.?$/.test(w))) break;
    if (++count > max) {
      count--;
      break;
    }
    end = t.index! + w.length;
  }
  if (count < min) return null;
  const name = text.slice(0, end);
  if (o.inRegistry(name)) return null;
  return { start, end: start + name.length, name };
}

/** Family-first names ("Kim Myuhng-joo", "Yoon Suk Yeol"): the family name is the first word. */
export function familyFirst(name: string): boolean {
  const ws = name.split(/\s+/);
  return ws.length >= 2 && FAMILY_NAMES_FIRST.has(ws[0]!) && (ws.length === 2 || ws.slice(1).every((w) => /^\p{Lu}\p{Ll}{1,7}$/u.test(w)));
}

/** The shorter forms a text uses for a person named in full: the surname ("Raimondo", "Kim"), "Sheikh Tahnoon". */
export function shortForms(name: string, text: string): string[] {
  const ws = name.split(/\s+/);
  const out: string[] = [];
  if (familyFirst(name)) out.push(ws[0]!);
  else {
    const last = ws.at(-1)!;
    if (last.length >= 3 && !PARTICLES.has(last)) out.push(last);
    // "Ursula von der Leyen" is "von der Leyen"; "Mohammed bin Salman" is "bin Salman".
    const p = ws.findIndex((w) => PARTICLES.has(w));
    if (p > 0) out.push(ws.slice(p).join(' '));
  }
  // "Sheikh Tahnoon": an honorific with the first given name, as the text writes it.
  const honor = new RegExp(String.raw`(?:${alt(HONORIFICS)})\.?[ \t]+${esc(ws[0]!)}(?![\p{L}])`, 'u').exec(text);
  if (honor && ws.length > 2) out.push(honor[0]);
  return out.filter((f) => !NON_NAME_WORDS.has(f.toLowerCase()));
}

// ---- cues

const TITLE_ALT = alt([...STATE_TITLES, ...ORG_TITLES]);
const LOWER_ALT = alt(LOWER_ROLES);
/** A title before a name, with the office it may name: "Special Envoy for Core and Emerging Technology Seth Center". */
const TITLE_CUE = new RegExp(
  String.raw`(?<![\p{L}])(?:then-|former |acting |Acting |deputy |Deputy |interim |Interim )?(?:(?:${TITLE_ALT})(?:[ \t]+(?:of|for)(?:[ \t]+the)?(?:[ \t]+[\p{Lu}][\p{L}]+(?:,?[ \t]+(?:and|of|for|the))?){1,6}?)?|(?:${LOWER_ALT}))(?:[ \t]+|,[ \t]+(?=[\p{Lu}][^,]{0,60},[ \t]+\p{Lu}))(?=\p{Lu})`,
  'gu',
);
const HONORIFIC_CUE = new RegExp(String.raw`(?<![\p{L}])(?:${alt(HONORIFICS.filter((h) => h !== 'HE'))})\.?[ \t]+(?=\p{Lu})`, 'gu');
const SPEECH_ALT = alt(SPEECH_VERBS);
const SPEECH_BEFORE = new RegExp(String.raw`\b(?:${SPEECH_ALT}|according to|quoted|quoting|(?:Written|Posted|Reported) by)[ \t]+(?=\p{Lu})`, 'gu');
const ROLE_NOUN = String.raw`(?:${alt([...ORG_TITLES, ...STATE_TITLES].filter((t) => !/\.$/.test(t)))}|${LOWER_ALT}|member|official|lawyer|journalist|reporter|author|expert|academic|entrepreneur|professor|lecturer|student|candidate|nominee|appointee)`;
/** After a name: ", the lab's chief scientist", ", Senior Vice President, ...", " said", " is the director", ", who heads". */
const AFTER_CUE = new RegExp(
  String.raw`^(?:,[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+|its[ \t]+|their[ \t]+)?(?:[\p{L}\p{N}.&'’-]+[ \t]+){0,6}?${ROLE_NOUN}(?![\p{L}])` +
    String.raw`|,[ \t]+who[ \t]+(?:${alt(Object.keys(OFFICE_VERBS))}|is|was|has been|serves|served)\b` +
    String.raw`|,?[ \t]+(?:${SPEECH_ALT}|${alt(REACTION_VERBS)})\b` +
    String.raw`|[ \t]+(?:is|was|has been|had been|will be|became|becomes|serves as|served as|remains)[ \t]+(?:also[ \t]+)?(?:the[ \t]+|a[ \t]+|an[ \t]+|its[ \t]+)?(?:[\p{L}\p{N}.&'’-]+[ \t]+){0,4}?${ROLE_NOUN}(?![\p{L}])` +
    String.raw`|[ \t]+(?:has been|was|is|will be)[ \t]+(?:appointed|named|elected|nominated|chosen|tapped)\b)`,
  'u',
);

const RUN_RE = new RegExp(NAME_RUN, 'uy');
const TRAILING_TITLE = new RegExp(String.raw`[ \t]+(?:${TITLE_ALT}|Prof|Dr)\.?$`, 'u');

/**
 * A capitalized run that ends in a title before a person's name is a body and
 * the title ("University of Tokyo Prof. Ana Ruiz"): the body's part of it, or
 * null when the run holds no title there.
 */
export function withoutTrailingTitle(text: string, start: number, end: number, personStarts: Set<number>): number | null {
  const t = TRAILING_TITLE.exec(text.slice(start, end));
  if (!t) return null;
  const gap = /^\.?[ \t]+/.exec(text.slice(end, end + 4));
  return gap && personStarts.has(end + gap[0].length) ? start + t.index : null;
}

/** The name run starting exactly at `pos`, or null. */
function runAt(text: string, pos: number): string | null {
  RUN_RE.lastIndex = pos;
  const m = RUN_RE.exec(text);
  return m ? m[0] : null;
}

/**
 * Every person name the text vouches for: after a title or honorific, after
 * or before a verb of saying, before an apposition or a copula that gives a
 * role, or by its shape (a known first name and a surname; a family name
 * written first and a given name).
 */
export function personSpans(text: string, o: NameOracle): NameSpan[] {
  const out: NameSpan[] = [];
  const add = (s: NameSpan | null) => {
    if (s) out.push(s);
  };
  // After a title: the name is what follows; after a long office ("Envoy for
  // Core and Emerging Technology Seth Center") it is the run's last two or three words.
  for (const m of text.matchAll(TITLE_CUE)) {
    const pos = m.index! + m[0].length;
    const run = runAt(text, pos);
    if (!run) continue;
    const office = /[ \t](?:of|for)[ \t]/.test(m[0]);
    // "Minister of Communications, Innovation and Digital Economy, Ana Ruiz": the office's list, then the name after a comma.
    const afterList = office
      ? /^(?:[ \t]*,?[ \t]+(?:(?:and|of|for|the|&)[ \t]+)*[\p{Lu}][\p{L}-]+){0,8}?,[ \t]+(?=\p{Lu})/u.exec(text.slice(pos - 1, pos + 160))
      : null;
    if (afterList) {
      const at = pos - 1 + afterList[0].length;
      const listed = runAt(text, at);
      const n = listed ? nameAt(listed, at, o, 2, 4, true) : null;
      if (n && n.end === at + listed!.length) {
        add(n);
        continue;
      }
    }
    if (office) {
      // The office's words and the name form one capitalized run: the name is its tail.
      const tail = text.slice(m.index!, m.index! + m[0].length + run.length).split(/[ \t]+/);
      const k = tail.length >= 3 && FAMILY_NAMES_FIRST.has(tail.at(-3)!) ? 3 : 2;
      const name = tail.slice(-k).join(' ');
      add(nameAt(name, m.index! + m[0].length + run.length - name.length, o, 2, 4, true));
      continue;
    }
    add(nameAt(run, pos, o, 2, 4, true));
  }
  for (const m of text.matchAll(HONORIFIC_CUE)) {
    const pos = m.index! + m[0].length;
    const run = runAt(text, pos);
    if (run) add(nameAt(run, pos, o));
  }
  for (const m of text.matchAll(SPEECH_BEFORE)) {
    const pos = m.index! + m[0].length;
    const run = runAt(text, pos);
    const n = run ? nameAt(run, pos, o, 2, 4) : null;
    if (n && nameWords(n.name, o)) add(n);
  }
  // Every capitalized run: by what follows it, or by its shape.
  const runs = new RegExp(String.raw`(?<![\p{L}\p{N}.'’-])${NAME_RUN}`, 'gu');
  for (const m of text.matchAll(runs)) {
    const run = m[0];
    const ws = run.split(/[ \t]+/);
    const after = text.slice(m.index! + run.length, m.index! + run.length + 160);
    // "Elon Musk's xAI": a name owning a known company or lab is a person's.
    const owned = /^['’]s[ \t]+([\p{Lu}][\p{L}\p{N}]*(?:[ \t][\p{Lu}][\p{L}\p{N}]*)?)/u.exec(after);
    const owner = ws.length >= 2 && ws.length <= 3 && !!owned && o.inRegistry(owned[1]!);
    if (ws.length >= 2 && ws.length <= 7 && (AFTER_CUE.test(after) || owner)) {
      // The whole run must be the name: a sentence-initial word before it makes it something else.
      const n = nameAt(run, m.index!, o, 2, 7);
      if (n && n.end === m.index! + run.length && nameWords(n.name, o)) {
        add(n);
        continue;
      }
    }
    // Shapes, anywhere in the run.
    for (let i = 0; i + 1 < ws.length; i++) {
      const offset = m.index! + ws.slice(0, i).join(' ').length + (i ? 1 : 0);
      if (run.slice(offset - m.index!, offset - m.index! + ws[i]!.length) !== ws[i]) break; // tabs or double spaces: skip the run
      const first = ws[i]!;
      const rest = ws.slice(i + 1);
      if (PARTICLES.has(first)) continue;
      if (FAMILY_NAMES_FIRST.has(first)) {
        const given = rest.length >= 2 && givenNameAfterFamily(rest.slice(0, 2), o) && !/-/.test(rest[0]!) ? rest.slice(0, 2) : rest.slice(0, 1);
        if (givenNameAfterFamily(given, o)) {
          const name = [first, ...given].join(' ');
          if (!o.inRegistry(name)) {
            add({ start: offset, end: offset + name.length, name });
            break;
          }
        }
      }
      if (knownFirstName(first, o) && !NON_NAME_WORDS.has(first.toLowerCase()) && !o.notInNames(first)) {
        // "Ursula von der Leyen", "John F. Kennedy": particles and initials are part of the name.
        const tail = new RegExp(String.raw`^(?:[ \t]+(?:${INITIAL}|(?:${PARTICLE})))*[ \t]+(${NAME_TOKEN})(?![\p{L}])`, 'u').exec(
          text.slice(offset + first.length),
        );
        if (tail && plausibleSurname(tail[1]!, o)) {
          const name = first + tail[0];
          if (!o.inRegistry(name)) {
            add({ start: offset, end: offset + name.length, name });
            break;
          }
        }
      }
    }
  }
  return out;
}
