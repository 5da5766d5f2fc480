// Relations from sentence patterns. Each sentence becomes a template in which
// every mention (coordinations like "Samsung, LG AI Research, and Naver"
// collapsed into one slot) is a typed placeholder; rules are regular
// expressions over that template, so one rule covers every name.
import type { EntityType, EvidenceMethod, RelationType } from '../model/schemas.ts';
import type { EntityDraft, MentionRef } from './entities.ts';
import { PERSON_TITLES } from './lexicon.ts';
import { ALLOWED, CLASSES, RULES } from './relation-rules.ts';
import type { Sentence } from './sentences.ts';

export interface RelationDraft {
  type: RelationType;
  source: string;
  target: string;
  sentence: Sentence;
  confidence: number;
  role: string | null;
  /** SIGNED by the other side of an agreement ("an MoU with X"): tells a plural "agreements with A, B and C" apart per party. */
  counterpart?: boolean;
  /** How it was obtained when not from the sentence's own words. */
  method?: EvidenceMethod;
}

export interface Slot {
  index: number;
  keys: string[];
  type: EntityType;
  start: number;
  end: number;
  /** "South Korea's" in "South Korea's Ministry of Science and ICT": a modifier, not a slot of its own. [possessor, possessed] */
  possessors?: Array<[string, string]>;
  /** Places named in a "based in" apposition of this slot. */
  locatedIn?: string[];
  /** "U.S. Commerce Secretary Gina Raimondo": the body (also a key of the slot), the person and the title. */
  offices?: Array<{ body: string; person: string; role: string }>;
}

/** "the UAE-based technology holding company G42", "the Saudi company Humain": the place describes the name after it. */
const DESCRIBED_BY_PLACE =
  /^(?:-based)?\s+(?:[\p{Ll}-]+\s+){0,3}(?:company|firm|start-?up|developer|lab|group|giant|maker|provider|conglomerate|operator|organi[sz]ation|university)\s+$/u;

const OFFICE_HOLDERS: EntityType[] = ['Country', 'GovernmentBody', 'Organization', 'Company', 'Institute'];
/** The title between a body and a person's name: capitalized words ending in an office, or a lower-case role noun. */
const OFFICE_TITLE = new RegExp(
  String.raw`^(?:['’]s)?\s+((?:[\p{Lu}][\p{L}-]*\s+){0,3}?(?:${[...PERSON_TITLES]
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[.]/g, '\\.'))
    .join(
      '|',
    )})|(?:chief executive|chief|boss|head|founder|co-founder|president|chairman|chairwoman|minister|secretary|spokesperson|spokesman|spokeswoman|director|ambassador|envoy|commissioner|executive))\s+$`,
  'u',
);

/** What "X's Y" states, by the types of X and Y. */
function possessiveRelation(x: EntityType, y: EntityType): { type: RelationType; reverse: boolean } | null {
  if ((x === 'Country' || x === 'Location') && ['Institute', 'GovernmentBody', 'Company', 'Organization'].includes(y))
    return { type: 'BASED_IN', reverse: true };
  if (x === 'Company' && y === 'AIModel') return { type: 'DEVELOPED', reverse: false };
  if (['Institute', 'Company', 'GovernmentBody', 'Organization', 'Country'].includes(x) && y === 'Policy') return { type: 'PUBLISHED', reverse: false };
  if (['Institute', 'Company', 'GovernmentBody', 'Organization'].includes(x) && y === 'Person') return { type: 'WORKS_FOR', reverse: true };
  // "the Department of Commerce's National Institute of Standards and Technology"
  if ((x === 'GovernmentBody' || x === 'Organization') && (y === 'GovernmentBody' || y === 'Institute')) return { type: 'PART_OF', reverse: true };
  return null;
}

/** Separators of a coordination, and a short description of the next member ("and the Saudi company Humain"). */
const COORDINATION =
  /^(?:\.com)?\.?(?:,?\s+(?:Inc|Corp|Corporation|Ltd|LLC|PLC|plc|Co|AG|SA|GmbH)\b\.?)?(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s*,?\s+as well as\s+|\s*,?\s+plus\s+|\s*&\s*|\s*\/\s*|\s*,?\s+or\s+|\s*;\s*)(?:the\s+|other\s+)?(?:(?:\p{L}+\s+){0,2}?(?:company|firm|start-?up|developer|lab|group|giant|maker|provider|institute|agency|ministry|government|organi[sz]ation|body|university|regulator)\s+)?$/iu;
/** "X announced that the following organisations have agreed to Y": X is not the one who agreed. */
const REPORTED =
  /\b(?:announced|said|stated|noted|reported|confirmed|added|explained|hoped|expects?|believes?|argued|claimed|welcomed)\s+that\b|\b(?:said|says|told)\b/i;
const NEGATION = /\b(?:not|n't|never|declined|refused|failed|without|rather than|instead of)\b/i;

function compatible(a: EntityType, b: EntityType): boolean {
  if (a === b) return true;
  return Object.values(CLASSES).some((c) => c.includes(a) && c.includes(b)) && !(a === 'Country' && b === 'Location') && !(a === 'Location' && b === 'Country');
}

export function buildSlots(sentence: Sentence, mentions: MentionRef[], entities: Map<string, EntityDraft>, text: string): Slot[] {
  const slots: Slot[] = [];
  const inSentence = mentions.filter((m) => m.start >= sentence.start && m.end <= sentence.end && entities.has(m.key));
  // "X's Y" where the possessive states a relation: X modifies Y and is not a slot of its own,
  // so "the UK AI Security Institute and France's INESIA" coordinates the two institutes.
  let pending: MentionRef | undefined;
  let lastEnd = -1;
  const offices: Array<{ body: string; person: string; role: string }> = [];
  for (let i = 0; i < inSentence.length; i++) {
    const m = inSentence[i]!;
    const e = entities.get(m.key)!;
    const prevSlot = slots.at(-1);
    // "the AI safety institutes of A and B": one span names several institutes, and the countries after it are theirs.
    if (prevSlot && m.start === prevSlot.start && m.end === prevSlot.end) {
      if (!prevSlot.keys.includes(m.key)) prevSlot.keys.push(m.key);
      continue;
    }
    if (
      prevSlot &&
      e.type === 'Country' &&
      /institutes$/i.test(text.slice(prevSlot.start, prevSlot.end)) &&
      /^(?:\s+(?:in|of|from)\s+|\s*,\s*|\s*,?\s+and\s+)(?:the\s+)?$/.test(text.slice(lastEnd, m.start))
    ) {
      lastEnd = m.end;
      continue;
    }
    if (m.start < lastEnd) continue; // nested in the previous mention
    const next = inSentence.slice(i + 1).find((x) => x.start >= m.end);
    const described = (e.type === 'Country' || e.type === 'Location') && DESCRIBED_BY_PLACE.test(text.slice(m.end, next?.start ?? m.end));
    if (!pending && next && (/^['’]s?\s+$/.test(text.slice(m.end, next.start)) || described) && possessiveRelation(e.type, entities.get(next.key)!.type)) {
      pending = m;
      lastEnd = m.end;
      continue;
    }
    // "U.S. Commerce Secretary Gina Raimondo", "Mistral AI chief Arthur Mensch": the body names whose office the person
    // holds; the two act together (both sign what the person signs) and the person works for the body.
    const title =
      !pending && next && entities.get(next.key)!.type === 'Person' && OFFICE_HOLDERS.includes(e.type)
        ? OFFICE_TITLE.exec(text.slice(m.end, next.start))
        : null;
    if (title) {
      offices.push({ body: m.key, person: next!.key, role: title[1]!.trim() });
      pending = m;
      lastEnd = m.end;
      continue;
    }
    // "Google DeepMind, based in London, signed ...": the place is a modifier of the name before it.
    const located = slots.at(-1);
    if (
      located &&
      !pending &&
      (e.type === 'Location' || e.type === 'Country') &&
      ['Company', 'Organization', 'Institute', 'GovernmentBody'].includes(located.type) &&
      /^\s*,?\s*(?:(?:which|that) is\s+)?(?:based|headquartered|located)\s+in\s+(?:the\s+)?$/.test(text.slice(located.end, m.start))
    ) {
      (located.locatedIn ??= []).push(m.key);
      lastEnd = m.end;
      continue;
    }
    const possessor = pending;
    pending = undefined;
    const phraseStart = possessor ? possessor.start : m.start;
    lastEnd = m.end;
    const last = slots.at(-1);
    if (last) {
      // Parenthetical asides ("(November 2023)") don't break a coordination.
      const between = text.slice(last.end, phraseStart).replace(/\s*\([^()]*\)/g, '');
      // "the Korea AI Safety Institute (K-AISI)": the same thing named twice.
      if (last.keys.includes(m.key) && /^\s*\(\s*$/.test(between) && text[m.end] === ')') {
        last.end = m.end + 1;
        lastEnd = last.end;
        continue;
      }
      // A comma alone joins things of one type, or a list that goes on ("Australia, the EU, France and ...");
      // "Clara Chappaz, France's Minister" is an apposition.
      const commaOnly = /^\s*,\s*(?:the\s+)?$/.test(between);
      const listGoesOn = /^\s*(?:,|and\b|or\b|&)/.test(text.slice(m.end, m.end + 6));
      if (
        COORDINATION.test(between) &&
        compatible(last.type, e.type) &&
        (!commaOnly || last.type === e.type || listGoesOn) &&
        !/^['’]s\b/.test(text.slice(m.end))
      ) {
        if (!last.keys.includes(m.key)) last.keys.push(m.key);
        last.end = m.end;
        const office = possessor && offices.find((o) => o.body === possessor.key && o.person === m.key);
        if (office) {
          if (!last.keys.includes(office.body)) last.keys.push(office.body);
          (last.offices ??= []).push(office);
        } else if (possessor) (last.possessors ??= []).push([possessor.key, m.key]);
        continue;
      }
    }
    const slot: Slot = { index: slots.length, keys: [m.key], type: e.type, start: phraseStart, end: m.end };
    const office = possessor && offices.find((o) => o.body === possessor.key && o.person === m.key);
    if (office) {
      slot.keys.push(office.body);
      (slot.offices ??= []).push(office);
    } else if (possessor) slot.possessors = [[possessor.key, m.key]];
    slots.push(slot);
  }
  return slots;
}

function template(sentence: Sentence, slots: Slot[], text: string): string {
  let out = '';
  let pos = sentence.start;
  for (const s of slots) {
    const gap = text.slice(pos, s.start);
    // A list's slot starts at its introduction's colon: keep a space between the last word and the slot.
    out += gap + (/\w$/.test(gap) ? ' ' : '') + `⟦${s.index}:${s.type}⟧`;
    pos = s.end;
  }
  return out + text.slice(pos, sentence.end);
}

function compile(pattern: string): RegExp {
  const src = pattern
    // {ACTIVE}: the verb that follows is not passive ("INESIA was created ..." does not create).
    .replace(/\{ACTIVE\}/g, String.raw`(?<!\b(?:was|were|is|are|been|be|being)\s)`)
    .replace(/\{([so]):([^}]+)\}/g, (_m, name: string, types: string) => `⟦(?<${name}>\\d+):(?:${types})⟧`)
    .replace(/\{__\}/g, '[^]{0,160}?')
    .replace(/\{_\}/g, '[^⟦⟧]{0,70}?');
  return new RegExp(src, 'gi');
}
const COMPILED = RULES.map((r) => ({ rule: r, re: compile(r.pattern) }));

export function allowed(type: RelationType, s: EntityType, o: EntityType): boolean {
  const a = ALLOWED[type];
  return !a || (a[0].includes(s) && a[1].includes(o));
}

/**
 * When `s` sits in a ", which/who ..., " clause that closes before `o`: the slot the clause describes, or null when
 * it describes words that are no mention ("The institute, which X founded, signed ..."). Undefined otherwise.
 */
function relativeClauseHead(s: Slot, o: Slot, slots: Slot[], text: string, sentence: Sentence): Slot | null | undefined {
  if (!/^[^,;.]*,/.test(text.slice(s.end, o.start))) return undefined;
  // Walk back through the clause's names to its opening ", which".
  for (let i = s.index; i >= 0; i--) {
    const previous = i > 0 ? slots[i - 1]! : null;
    const gap = text.slice(previous && previous.end > sentence.start ? previous.end : sentence.start, slots[i]!.start);
    if (/,\s+(?:which|who)\b[^,;.]*$/.test(gap)) return previous && /^\s*,\s+(?:which|who)\b/.test(gap) ? previous : null;
    if (/[,;.]/.test(gap)) return undefined;
  }
  return undefined;
}

export function sentenceRelations(sentence: Sentence, slots: Slot[], entities: Map<string, EntityDraft>, text: string): RelationDraft[] {
  const out: RelationDraft[] = [];
  for (const slot of slots) {
    for (const o of slot.offices ?? []) {
      out.push({ type: 'WORKS_FOR', source: o.person, target: o.body, sentence, confidence: 0.8, role: o.role });
      // "Current AI founder Martin Tisné": a founder established what they founded.
      if (/\b(?:co-?)?founder\b/i.test(o.role)) out.push({ type: 'ESTABLISHED', source: o.person, target: o.body, sentence, confidence: 0.75, role: null });
    }
    for (const place of slot.locatedIn ?? []) {
      for (const k of slot.keys) out.push({ type: 'BASED_IN', source: k, target: place, sentence, confidence: 0.85, role: null });
    }
    for (const [x, y] of slot.possessors ?? []) {
      const rel = possessiveRelation(entities.get(x)!.type, entities.get(y)!.type);
      if (rel) out.push({ type: rel.type, source: rel.reverse ? y : x, target: rel.reverse ? x : y, sentence, confidence: 0.8, role: null });
    }
  }
  if (slots.length < 2) return out;
  // "X said it is working with Y": the pronoun after a verb of saying is its subject.
  const tpl = template(sentence, slots, text).replace(
    /(⟦\d+:(?:Country|GovernmentBody|Organization|Company|Institute)⟧)\s+(?:said|says|stated|states|announced|announces|added|confirmed|confirms)\s+(?:on\s+\w+\s+)?(?:that\s+)?(?:it|they)\s+/g,
    '$1 ',
  );
  for (const { rule, re } of COMPILED) {
    re.lastIndex = 0;
    for (let m = re.exec(tpl); m; m = re.exec(tpl)) {
      re.lastIndex = m.index + 1; // overlapping matches: each slot may start one
      let s = slots[Number(m.groups!.s)]!;
      const o = slots[Number(m.groups!.o)]!;
      // "The U.S. AI Safety Institute at NIST announced ...": the subject is the head of the phrase, not what it is at.
      if (s.index > 0 && s.index < o.index && s.type !== 'Person') {
        const prev = slots[s.index - 1]!;
        if (
          /^\s*,?\s+(?:(?:based|headquartered|located|housed)\s+)?(?:at|within|of|in|under)\s+(?:the\s+)?$/.test(text.slice(prev.end, s.start)) &&
          allowed(rule.type, prev.type, o.type)
        )
          s = prev;
      }
      // "AISI, which sits under Kendall's department, has agreements with ...": a name inside a relative clause
      // is not the subject of the verb after the clause; the name the clause describes is.
      if (s.index < o.index) {
        const head = relativeClauseHead(s, o, slots, text, sentence);
        if (head === null || (head && !allowed(rule.type, head.type, o.type))) continue;
        if (head) s = head;
      }
      // "The summit produced X and established Y": X is an object, the subject of "established" is the summit.
      const afterS = tpl.slice(tpl.indexOf(`⟦${s.index}:`) + `⟦${s.index}:${s.type}⟧`.length);
      if (s.index < o.index && /^,?\s+(?:and|but|then|while)\s+(?:also\s+|later\s+|then\s+)?[a-z]+(?:ed|s)\b/.test(afterS)) {
        const subject = slots[0]!;
        if (subject === s || subject.index >= s.index) continue;
        s = subject;
      }
      const lo = Math.min(m.index + m[0].indexOf(`⟦${s.index}:`), m.index + m[0].indexOf(`⟦${o.index}:`));
      const hi = Math.max(m.index + m[0].indexOf(`⟦${s.index}:`), m.index + m[0].indexOf(`⟦${o.index}:`));
      if (NEGATION.test(tpl.slice(lo, hi)) || (!rule.speech && REPORTED.test(tpl.slice(lo, hi)))) continue;
      for (const sk of s.keys) {
        for (const ok of o.keys) {
          if (sk === ok) continue;
          const se = entities.get(sk)!;
          const oe = entities.get(ok)!;
          if (!allowed(rule.type, se.type, oe.type)) continue;
          out.push({
            type: rule.type,
            source: sk,
            target: ok,
            sentence,
            confidence: rule.confidence,
            role: null,
            ...(rule.counterpart ? { counterpart: true } : {}),
          });
        }
      }
    }
  }
  return out;
}
