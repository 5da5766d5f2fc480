// The offices people hold: WORKS_FOR with the role as the text gives it.
// A person's office is read from the words around the name: a title before it
// ("U.S. Commerce Secretary Gina Raimondo", "Mistral AI chief Ana Ruiz"), an
// apposition or copula after it ("Ana Ruiz, director of the Institute",
// "Ana Ruiz, the lab's chief", "Ana Ruiz, who heads the Institute", "Ana Ruiz
// is head of research at the Institute"). Whose office it is: the body named
// with the title; else, for an office of state, the state the text names for
// it (or the one the document is about); for an office in an organization,
// the one organization of the sentence. Pure: the document's mentions in,
// relation drafts out.
import type { EntityType } from '../model/schemas.ts';
import { registry } from '../registry/index.ts';
import { normalizeName } from '../resolve/normalize.ts';
import { mentionsIn, sentenceOf, type Ctx } from './doc-context.ts';
import type { MentionRef } from './entities.ts';
import { LOWER_ROLES, OFFICE_VERBS, ORG_TITLES, STATE_TITLES } from './people.ts';
import type { RelationDraft } from './relations.ts';
import type { Sentence } from './sentences.ts';

/** Offices of a state whose holder works for the state itself when no body is named ("Prime Minister", not "Senator"). */
export const STATE_OFFICES =
  /^(?:(?:Vice |Deputy |First )?(?:President|Prime Minister|Premier|Chancellor|Minister|Secretary)|Minister of State|Secretary of State|(?:Under|Assistant|Deputy|Permanent) Secretary|Undersecretary|King|Queen|Crown Prince|Emir|Sultan|Ambassador|(?:Special )?Envoy|Attorney General|National Security Advis[eo]r|minister|secretary|president|ambassador|envoy)$/;

const ORG_TYPES: EntityType[] = ['Company', 'Organization', 'Institute', 'GovernmentBody'];
const OWNER_TYPES: EntityType[] = [...ORG_TYPES, 'Country'];

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const alt = (xs: readonly string[]) =>
  [...new Set(xs)]
    .sort((a, b) => b.length - a.length)
    .map(esc)
    .join('|');
const CORE = alt([...STATE_TITLES, ...ORG_TITLES, ...LOWER_ROLES]);
const ORG_TITLE_RE = new RegExp(String.raw`^(?:${alt(ORG_TITLES)})$`, 'iu');
const CORE_RE = new RegExp(String.raw`(?:${CORE})$`, 'u');
/** A word of a role phrase: "U.S.", "Commerce", "Britain's", "AI", "and", "then-". */
const MOD = String.raw`(?:[\p{Lu}\p{N}][\p{L}\p{N}.&'’-]*,?|and|of|for|the|&|then-|former|acting|deputy|vice|senior|executive|chief|interim|digital|national|security|foreign|inaugural|founding|first|new|current|outgoing|incoming|longtime|top)`;
/** The title right before a name, with its qualifiers and the office it names ("Minister of Innovation, Science and Industry"). */
const PRE_TITLE = new RegExp(
  String.raw`(?<![\p{L}\p{N}.'’-])(?:${MOD}[ \t]+)*?(?:${CORE})(?:[ \t]+(?:of|for)(?:[ \t]+the)?(?:,?[ \t]+(?:(?:and|of|for|the|&)[ \t]+)*[\p{Lu}][\p{L}-]+){1,8}?)?(?:[ \t]*,)?[ \t]+(?:(?:Sir|Dame|Dr|Mr|Ms|Mrs|Sheikh|Sheikha)\.?[ \t]+)?$`,
  'u',
);
const ROLE_NOUNS = String.raw`(?:${CORE}|member|official|lawyer|journalist|expert|professor|lecturer|owner|partner)s?`;
/** A role phrase is a noun phrase headed by a role noun, with at most a few words before it and an "of"/"in" phrase after. */
const ROLE_PHRASE = new RegExp(String.raw`^(?:[\p{L}\p{N}.&'’-]+[ \t]+){0,5}?${ROLE_NOUNS}(?:[ \t]+(?:of|in|for|on)[ \t]+.*)?$`, 'iu');
/** After an owner: its role, headed by a role noun ("the lab's chief digital and AI officer,"). */
const OWNER_ROLE = String.raw`^(?:['’]s?)?[ \t]+(?<role>(?:[\p{L}\p{N}.&'’-]+[ \t]+){0,5}?${ROLE_NOUNS}(?![\p{L}])(?:[ \t]+(?:of|for|in|on)[ \t]+[^,;:()"“”]{1,60}?)?)`;
/** Words that make a clause, not a role phrase. */
const VERBISH =
  /\b(?:said|says|will|would|has|have|had|is|are|was|were|who|which|that|announced|told|added|met|signed|joined|and the|along|together|officials|representatives|as well)\b/i;

interface Office {
  owner: string | null;
  role: string;
  confidence: number;
  state: boolean;
}

function cleanRole(role: string): string {
  return role
    .trim()
    .replace(/[ \t]*,$/, '')
    .replace(/^(?:the|a|an|its|their)[ \t]+/i, '')
    .replace(/^(?:then-|former[ \t]+)/i, '')
    .replace(/\bProf\.(?=$|\s)/, 'Professor')
    .replace(/^['’]s?[ \t]+/, '')
    .trim();
}

/** The mentions of a sentence that can own an office, outside the person's own span. */
function owners(ctx: Ctx, s: Sentence, person: MentionRef): MentionRef[] {
  return mentionsIn(ctx, s).filter(
    (x) => x.key !== person.key && OWNER_TYPES.includes(ctx.entities.get(x.key)?.type ?? 'Person') && (x.end <= person.start || x.start >= person.end),
  );
}

/** "U.S. Commerce Secretary Gina Raimondo", "Mistral AI chief", "Deputy Prime Minister", "UN Spokesperson". */
function titleBefore(ctx: Ctx, s: Sentence, m: MentionRef): Office | null {
  const before = ctx.text.slice(s.start, m.start);
  const t = PRE_TITLE.exec(before);
  if (!t) return null;
  let phraseStart = s.start + t.index;
  const phraseEnd = m.start;
  // "the United States and China, Technology Secretary X": a list before the title is not part of it.
  for (const x of mentionsIn(ctx, s)) {
    if (x.end > phraseStart && x.end < phraseEnd && /^(?:,|[ \t]+(?:and|or)\b)/.test(ctx.text.slice(x.end, x.end + 5))) {
      phraseStart = x.end + /^,?[ \t]*(?:(?:and|or)[ \t]+)?/.exec(ctx.text.slice(x.end))![0].length;
    }
  }
  // The body named with the title: a mention inside the phrase or right before it ("Cohere CEO", "Britain's Justice Secretary").
  // A stock ticker may stand between a company and the title: "Sony (6758.T) Chief Technology Officer".
  let owner = owners(ctx, s, m)
    .filter(
      (x) =>
        x.end <= phraseEnd &&
        (x.end >= phraseStart - 1 || /^(?:['’]s?)?[ \t]+(?:\([\p{Lu}\p{N}.:]{1,12}\)[ \t]+)?$/u.test(ctx.text.slice(x.end, phraseStart))) &&
        /^(?:['’]s?)?[ \t]/.test(ctx.text.slice(x.end, x.end + 3)),
    )
    .at(-1);
  // "its chief executive, Ana Ruiz": the body the text just named.
  if (!owner && /\b(?:its|their)[ \t]+$/i.test(ctx.text.slice(Math.max(s.start, phraseStart - 8), phraseStart))) {
    const prev = ctx.sentences[s.index - 1];
    const earlier = [...(prev ? mentionsIn(ctx, prev) : []), ...mentionsIn(ctx, s)].filter(
      (x) => x.end <= phraseStart && ORG_TYPES.includes(ctx.entities.get(x.key)?.type ?? 'Person'),
    );
    owner = earlier.at(-1);
  }
  const hasCore = (r: string) => {
    const words = r.trim().split(/[ \t]+/);
    return words.some((_w, i) => CORE_RE.test(words.slice(0, i + 1).join(' ')));
  };
  let role = ctx.text.slice(owner ? Math.max(owner.end, phraseStart) : phraseStart, phraseEnd).replace(/^['’]s?[ \t]+/, '');
  // "Prime Minister of India": the owner is named in the office, after the title.
  if (!hasCore(role)) role = ctx.text.slice(phraseStart, phraseEnd);
  if (!hasCore(role)) return null;
  role = cleanRole(role);
  // Leading words of the phrase that are no qualifiers of an office ("Figures", "Experts").
  while (
    /^[\p{Lu}][\p{Ll}]+[ \t]/u.test(role) &&
    /^(?:Figures|Experts|Officials|Leaders|Today|Yesterday|Earlier|Later|Meanwhile|However|Also|Both|Then)\b/.test(role)
  )
    role = role.replace(/^\S+[ \t]+/, '');
  const state = STATE_OFFICES.test(coreOf(role));
  return { owner: owner?.key ?? null, role, confidence: owner ? 0.8 : 0.7, state };
}

/** The office word a role ends in ("Secretary" of "Commerce Secretary"), or the one before its "of" ("Minister of ..."). */
function coreOf(role: string): string {
  const head = role.split(/[ \t]+(?:of|for)[ \t]+/)[0]!;
  const m = new RegExp(String.raw`(?:${CORE})$`, 'u').exec(head);
  return m ? m[0] : head;
}

const GAPS: Array<{ re: RegExp; ownerThen?: RegExp; confidence: number; roleOptional?: boolean }> = [
  // "Ana Ruiz (OpenAI)", "Ana Ruiz (head of policy, OpenAI)", "Ana Ruiz (director at the Institute)"
  { re: /^[ \t]*\((?:(?<role>[^()]{1,60}?)(?:,|[ \t]+(?:at|of|for))[ \t]+)?(?:the[ \t]+)?$/u, ownerThen: /^[ \t]*[),]/u, confidence: 0.7, roleOptional: true },
  // ", director of the Institute", ", a professor at the University", ", Senior Researcher in X at Y"
  { re: /^,[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?(?<role>[^,;:()"“”]{1,90}?)[ \t]+(?:of|at|for|with|from)[ \t]+(?:the[ \t]+)?$/u, confidence: 0.8 },
  // ", the lab's chief scientist", ", a Microsoft spokesperson"
  {
    re: /^,[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?$/u,
    ownerThen: new RegExp(String.raw`${OWNER_ROLE}(?=[ \t]*(?:[,;.)]|$|[ \t]+(?:said|says|told|added|noted|who)\b))`, 'iu'),
    confidence: 0.8,
  },
  // ", Senior Vice President, Software Industry Association.", ", Deputy Director, Example Center (EC)"
  { re: /^,[ \t]+(?<role>[^,;:()"“”]{1,60}?),[ \t]+(?:the[ \t]+)?$/u, ownerThen: /^[ \t]*(?:\([\p{Lu}\p{N}&-]{2,12}\)[ \t]*)?(?:[.,;)]|$)/u, confidence: 0.75 },
  // " previously led the policy team at the Institute", ", who runs the lab of the University"
  {
    re: new RegExp(
      String.raw`^(?:,[ \t]+who)?[ \t]+(?:previously[ \t]+|also[ \t]+|now[ \t]+|formerly[ \t]+|later[ \t]+)?(?<verb>${['leads', 'led', 'runs', 'ran', 'heads', 'headed', 'directs', 'directed', 'manages', 'managed'].join('|')})[ \t]+(?:the[ \t]+|a[ \t]+|its[ \t]+)?(?<object>[^,;:()"“”]{1,60}?(?:team|group|unit|division|lab|laboratory|programme|program|office|department|centre|center|project))[ \t]+(?:at|of|in)[ \t]+(?:the[ \t]+)?$`,
      'u',
    ),
    confidence: 0.7,
  },
  // ", who heads the Institute"
  {
    re: new RegExp(String.raw`^,?[ \t]+who[ \t]+(?:also[ \t]+)?(?<verb>${Object.keys(OFFICE_VERBS).map(esc).join('|')})[ \t]+(?:the[ \t]+)?$`, 'u'),
    confidence: 0.75,
  },
  // " is head of safety at the Institute", ", the lab's founder, serves as chair of the Board"
  {
    re: /^(?:(?<app>,[^,;]{1,100},)|,[ \t]+who)?[ \t]+(?:(?:has been|was|is|will be|had been)[ \t]+(?:appointed|named|elected|nominated|chosen|tapped)(?:[ \t]+as)?|is|was|has been|had been|will be|will become|became|becomes|serves as|served as|remains)[ \t]+(?:also[ \t]+)?(?:the[ \t]+|a[ \t]+|an[ \t]+|its[ \t]+)?(?<role>[^,;:()"“”]{1,90}?)[ \t]+(?:of|at|for|with)[ \t]+(?:the[ \t]+)?$/u,
    confidence: 0.75,
  },
  // " is the lab's chief scientist"
  {
    re: /^(?<app>,[^,;]{1,100},)?[ \t]+(?:is|was|has been|had been|will be|will become|became|serves as|served as|remains)[ \t]+(?:the[ \t]+|a[ \t]+|an[ \t]+)?$/u,
    ownerThen: new RegExp(String.raw`${OWNER_ROLE}(?=[ \t]*(?:[,;.)]|$|[ \t]+(?:and|who|since|until)\b))`, 'iu'),
    confidence: 0.75,
  },
];

/** Offices stated after the name: appositions, relative clauses and copulas. */
function officesAfter(ctx: Ctx, s: Sentence, m: MentionRef): Office[] {
  const out: Office[] = [];
  const later = owners(ctx, s, m).filter((x) => x.start >= m.end);
  for (const o of later) {
    const gap = ctx.text.slice(m.end, o.start);
    // A mention between the name and the owner belongs to another clause, unless it sits in an apposition the copula skips.
    const between = mentionsIn(ctx, s).filter((x) => x.start >= m.end && x.end <= o.start && x.key !== m.key);
    const afterOwner = ctx.text.slice(o.end, s.end);
    for (const g of GAPS) {
      const gm = g.re.exec(gap);
      if (!gm) continue;
      if (between.length && !(gm.groups?.app && between.every((x) => x.end <= m.end + gm.groups!.app!.length))) continue;
      let role: string | undefined;
      if (gm.groups?.verb && gm.groups.object) role = `${OFFICE_VERBS[gm.groups.verb] ?? 'head'} of the ${gm.groups.object}`;
      else if (gm.groups?.verb) role = OFFICE_VERBS[gm.groups.verb];
      else if (g.ownerThen) {
        const om = g.ownerThen.exec(afterOwner);
        if (!om) continue;
        role = om.groups?.role ?? gm.groups?.role;
      } else role = gm.groups?.role;
      if (!role && g.roleOptional) {
        out.push({ owner: o.key, role: '', confidence: g.confidence, state: false });
        break;
      }
      if (!role || !ROLE_PHRASE.test(role.trim()) || VERBISH.test(role) || role.length > 90) continue;
      role = cleanRole(role);
      out.push({ owner: o.key, role, confidence: g.confidence, state: STATE_OFFICES.test(coreOf(role)) });
      break;
    }
  }
  return out;
}

/** Countries a phrase names: "Japanese", "Britain's", "U.S.", "South Korea's". */
function countryIn(words: string): string | undefined {
  const reg = registry();
  for (const w of words.split(/[^\p{L}.'’-]+/u).filter(Boolean)) {
    const c = reg.countryByDemonym.get(w.toLowerCase()) ?? reg.countryByName.get(normalizeName(w.replace(/['’]s$/, '')));
    if (c) return c.id;
  }
  const two = /([\p{Lu}][\p{L}]+ [\p{Lu}][\p{L}]+)(?:['’]s)?\b/u.exec(words);
  return two ? reg.countryByName.get(normalizeName(two[1]!))?.id : undefined;
}

const LOCATIVE =
  /\b(?:in|to|at|from|across|into|toward|towards|visit|visited|visits|visiting|near|outside|inside|throughout|around)[ \t]+(?:the[ \t]+)?(?:[\p{Lu}][\p{L}.]*(?:[ \t]+[\p{Lu}][\p{L}.]*)*[ \t]*(?:,|and|or)[ \t]+)*$/u;

/**
 * The country a document is about: the one named most often as an actor
 * (not as a place something happens in), the headline counting twice. An
 * unqualified office of state ("Prime Minister X said") is that country's.
 */
function documentCountry(ctx: Ctx): string | undefined {
  const weight = new Map<string, number>();
  const firstLine = ctx.text.indexOf('\n');
  for (const x of ctx.mentions) {
    if (x.anaphoric || ctx.entities.get(x.key)?.type !== 'Country') continue;
    if (LOCATIVE.test(ctx.text.slice(Math.max(0, x.start - 60), x.start))) continue;
    const headline = firstLine > 0 && x.start < firstLine;
    weight.set(x.key, (weight.get(x.key) ?? 0) + (headline ? 2 : 1));
  }
  const [best, second] = [...weight].sort((a, b) => b[1] - a[1]);
  // Only a country the document is plainly about: named twice as often as any other.
  if (!best || best[1] < 2 || (second && second[1] * 2 > best[1])) return undefined;
  return best[0];
}

/** Whose office of state a title is, when no body is named with it. */
function stateOf(
  ctx: Ctx,
  s: Sentence,
  m: MentionRef,
  role: string,
  docCountry: () => string | undefined,
): { country: string; confidence: number } | undefined {
  const reg = registry();
  const titleStart = m.start - role.length;
  // The title or the words just before it ("Japanese Foreign Minister", "Prime Minister of India").
  const lead = ctx.text
    .slice(Math.max(s.start, titleStart - 60), Math.max(s.start, titleStart))
    .split(/[,;:(]/)
    .at(-1)!
    .split(/\s+/)
    .slice(-3)
    .join(' ');
  let country = countryIn(role) ?? countryIn(lead);
  if (country) return { country, confidence: 0.75 };
  // "President Lula da Silva of Brazil"
  const of = /^[ \t]+of[ \t]+(?:the[ \t]+)?/.exec(ctx.text.slice(m.end, m.end + 12));
  const ofCountry = of ? mentionsIn(ctx, s).find((x) => x.start === m.end + of[0].length && ctx.entities.get(x.key)?.type === 'Country') : undefined;
  if (ofCountry) return { country: ofCountry.key, confidence: 0.75 };
  // "From the United States, representatives included ..."
  const from = /^(?:From|For|In) (?:the )?([^,]+),/.exec(s.text);
  if (from && s.start + from[0].length <= m.start) country = countryIn(from[1]!);
  if (country) return { country, confidence: 0.7 };
  // The one state body the sentence names ("the UK AISI ... under Prime Minister X").
  const bodies = new Set(
    mentionsIn(ctx, s)
      .map((x) => ctx.entities.get(x.key)!)
      .filter((e) => e && (e.type === 'Institute' || e.type === 'GovernmentBody'))
      .map((e) => (e.registryId ? reg.byId.get(e.registryId)?.country : null))
      .filter((c): c is string => !!c),
  );
  if (bodies.size === 1) country = reg.lookup([...bodies][0]!).find((c) => c.type === 'Country')?.id;
  if (country) return { country, confidence: 0.65 };
  // The country the document is about (a country named elsewhere in the sentence says nothing of the office).
  country = docCountry();
  return country ? { country, confidence: 0.55 } : undefined;
}

/** The department a portfolio title names ("Commerce Secretary" -> "Department of Commerce"), if the document names it. */
function departmentOf(ctx: Ctx, role: string, country: string | null): string | undefined {
  const reg = registry();
  const portfolio = role
    .split(/[^\p{L}]+/u)
    .filter(
      (w) =>
        /^\p{Lu}\p{Ll}{3,}$/u.test(w) &&
        !/^(?:Deputy|Prime|First|Vice|Acting|Minister|Secretary|State|Under|Assistant|Permanent|Special|Foreign)$/.test(w) &&
        !countryIn(w),
    );
  if (!portfolio.length) return undefined;
  for (const e of ctx.entities.values()) {
    if (e.type !== 'GovernmentBody') continue;
    const entry = e.registryId ? reg.byId.get(e.registryId) : undefined;
    const ofCountry = entry?.country ? reg.countryByName.get(normalizeName(entry.country))?.id : countryIn(e.name);
    if (ofCountry && country && ofCountry !== country) continue;
    if (portfolio.some((w) => new RegExp(String.raw`\b${w}\b`).test(e.name) || [...e.aliases].some((a) => new RegExp(String.raw`\b${w}\b`).test(a))))
      return e.key;
  }
  return undefined;
}

/** The one organization a sentence names (an office in an organization with none named with it: "..., with Executive Director X"). */
function sentenceOrganization(ctx: Ctx, s: Sentence, m: MentionRef): string | undefined {
  const orgs = new Set(
    owners(ctx, s, m)
      .filter((x) => ORG_TYPES.includes(ctx.entities.get(x.key)!.type))
      .map((x) => x.key),
  );
  if (orgs.size === 1) return [...orgs][0];
  if (orgs.size > 1 || mentionsIn(ctx, s).some((x) => x.key !== m.key && ctx.entities.get(x.key)?.type !== 'Location')) return undefined;
  // "The Commerce Department praised ... In a statement, spokesperson X said": the body the previous sentence is about.
  const prev = ctx.sentences[s.index - 1];
  if (!prev) return undefined;
  const subject = mentionsIn(ctx, prev).find((x) => /^(?:the[ \t]+|a[ \t]+)?(?:[\p{Lu}][\p{L}.]*[ \t]+)?$/iu.test(ctx.text.slice(prev.start, x.start)));
  return subject && ORG_TYPES.includes(ctx.entities.get(subject.key)!.type) ? subject.key : undefined;
}

/**
 * "He", "She" opening a sentence: the one person the sentence before named
 * (a text about one person goes on about them). A mention at the pronoun, for
 * the copulas and office verbs after it ("She is director of ...").
 */
function pronouns(ctx: Ctx): MentionRef[] {
  const out: MentionRef[] = [];
  let carried: string | undefined; // the person a pronoun of the sentence before stood for
  for (const s of ctx.sentences.slice(1)) {
    const pr = /^(?:[A-Z][a-z]+(?: \d{4})?, )?(He|She)\b/.exec(s.text);
    const people = new Set(
      mentionsIn(ctx, ctx.sentences[s.index - 1]!)
        .map((x) => x.key)
        .filter((k) => ctx.entities.get(k)?.type === 'Person'),
    );
    const who = people.size === 1 ? [...people][0]! : people.size === 0 ? carried : undefined;
    carried = undefined;
    if (!pr || !who) continue;
    const start = s.start + pr.index + pr[0].length - pr[1]!.length;
    out.push({ start, end: start + pr[1]!.length, text: pr[1]!.toLowerCase(), key: who, anaphoric: true });
    if (!mentionsIn(ctx, s).some((x) => ctx.entities.get(x.key)?.type === 'Person')) carried = who;
  }
  return out;
}

/** WORKS_FOR for every person whose office the text states, with the role. */
export function officeHolders(ctx: Ctx): RelationDraft[] {
  const out: RelationDraft[] = [];
  const reg = registry();
  let docCountryCache: string | undefined | null = null;
  const docCountry = () => (docCountryCache === null ? (docCountryCache = documentCountry(ctx)) : docCountryCache);
  const ensureCountry = (id: string, at: MentionRef) => {
    if (ctx.entities.has(id)) return;
    // The country is named ("Japanese") but not as a mention: it becomes one here.
    const c = reg.byId.get(id)!;
    ctx.entities.set(id, { key: id, type: 'Country', name: c.name, registryId: id, aliases: new Set(), date: null, firstMention: at.start });
    ctx.mentions.push({ start: at.start, end: at.end, text: at.text, key: id, anaphoric: true });
  };
  const push = (m: MentionRef, s: Sentence, target: string, role: string, confidence: number) => {
    out.push({ type: 'WORKS_FOR', source: m.key, target, sentence: s, confidence, role: role || null });
  };
  for (const m of [...ctx.mentions, ...pronouns(ctx)]) {
    const p = ctx.entities.get(m.key);
    if (p?.type !== 'Person' || (m.anaphoric && m.text !== 'he' && m.text !== 'she')) continue;
    const s = sentenceOf(ctx, m.start);
    const offices = officesAfter(ctx, s, m);
    const before = m.anaphoric ? null : titleBefore(ctx, s, m);
    if (before) offices.push(before);
    for (const o of offices) {
      const ownerType = o.owner ? ctx.entities.get(o.owner)?.type : undefined;
      if (o.owner && ownerType !== 'Country') {
        push(m, s, o.owner, o.role, o.confidence);
        continue;
      }
      if (o.owner || o.state) {
        const st = o.owner ? { country: o.owner, confidence: o.confidence } : stateOf(ctx, s, m, o.role, docCountry);
        if (!st) {
          // "Commerce Secretary X said" in a text that names the Department of Commerce: the department's office.
          const dept = o.state ? departmentOf(ctx, o.role, null) : undefined;
          if (dept) push(m, s, dept, o.role, 0.6);
          continue;
        }
        ensureCountry(st.country, m);
        // "French President": the demonym named the country; the role is "President".
        const role = o.role.split(/[ \t]+/).length > 1 && countryIn(o.role.split(/[ \t]+/)[0]!) ? o.role.replace(/^\S+[ \t]+/, '') : o.role;
        push(m, s, st.country, role, st.confidence);
        const dept = o.state ? departmentOf(ctx, o.role, st.country) : undefined;
        if (dept) push(m, s, dept, o.role, st.confidence);
        continue;
      }
      // Only a real office in an organization ("Executive Director", not "billionaire") falls back on the sentence's organization.
      if (!ORG_TITLE_RE.test(coreOf(o.role))) continue;
      const org = sentenceOrganization(ctx, s, m);
      if (org) push(m, s, org, o.role, 0.55);
    }
  }
  return out;
}
