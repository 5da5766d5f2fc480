// Relations that need more than one sentence pattern: name-entailed facts
// (the summit named after its city was held there), summit order, people's
// offices, and a document that is itself an agreement. Tables: tables.ts.
import { knownOfficeHolders } from './office-holders.ts';
import type { EvidenceMethod } from '../model/schemas.ts';
import { registry } from '../registry/index.ts';
import { normalizeName } from '../resolve/normalize.ts';
import { firstSentenceWith, mentionsIn, PARTY_TYPES, sentenceOf, type Ctx } from './doc-context.ts';
import { officeHolders } from './offices.ts';
import { allowed, buildSlots, type RelationDraft } from './relations.ts';
import type { EntityDraft, MentionRef } from './entities.ts';
import type { Sentence } from './sentences.ts';
import { tableRows } from './tables.ts';

/** The sentence where `target` is named within a few characters of one of `anchors`. */
function nearby(ctx: Ctx, anchors: string[], target: string, window = 40): Sentence | undefined {
  for (const t of ctx.mentions) {
    if (t.key !== target) continue;
    const close = ctx.mentions.some((a) => anchors.includes(a.key) && Math.max(a.start - t.end, t.start - a.end) <= window);
    if (close) return sentenceOf(ctx, t.start);
  }
  return undefined;
}

/** Facts a name states: the "Seoul AI Summit" was held in Seoul; the "UK AI Safety Institute" is British. */
function nameEntailed(ctx: Ctx): RelationDraft[] {
  const out: RelationDraft[] = [];
  const reg = registry();
  const present = (key: string) => ctx.entities.has(key);
  for (const e of ctx.entities.values()) {
    const entry = e.registryId ? reg.byId.get(e.registryId) : undefined;
    const first = ctx.mentions.find((m) => m.key === e.key && !m.anaphoric);
    if (!first) continue;
    const evidence = (other: string) => firstSentenceWith(ctx, [e.key, other]) ?? sentenceOf(ctx, first.start);
    if (e.type === 'Summit') {
      const cityId = entry?.city ? reg.lookup(entry.city).find((c) => c.type === 'Location')?.id : undefined;
      const countryId = entry?.country ? (reg.countryByName.get(entry.country.toLowerCase())?.id ?? reg.lookup(entry.country)[0]?.id) : undefined;
      // Places named inside the summit's own mentions (a city, not the countries of a "South Korea-U.S. Dialogue").
      const nested = ctx.mentions
        .filter((m) => m.start >= first.start && m.end <= first.end && m.key !== e.key && ctx.entities.get(m.key)?.type === 'Location')
        .map((m) => m.key);
      for (const place of new Set([cityId, ...nested].filter((x): x is string => !!x))) {
        if (!present(place)) continue;
        const p = ctx.entities.get(place)!;
        const method = place === cityId ? 'registry' : 'name';
        if (p.type === 'Location') out.push({ type: 'HELD_IN', source: e.key, target: place, sentence: evidence(place), confidence: 0.7, role: null, method });
        const placeCountry = p.type === 'Country' ? p.registryId : p.registryId ? reg.byId.get(p.registryId)?.country : undefined;
        const hostId = countryId ?? (placeCountry ? (reg.lookup(placeCountry).find((c) => c.type === 'Country')?.id ?? placeCountry) : undefined);
        // The host country must be named next to the summit or its city ("Seoul (South Korea)"), not just somewhere in the text.
        const near = hostId ? nearby(ctx, [e.key, place], hostId) : undefined;
        if (hostId && near) out.push({ type: 'HOSTED_BY', source: e.key, target: hostId, sentence: near, confidence: 0.65, role: null, method });
      }
      // "the first summit in the Netherlands", "last year's G-7 summit in Japan": a country inside a mention hosted it.
      for (const m of ctx.mentions.filter((x) => x.key === e.key && !x.anaphoric)) {
        for (const c of ctx.mentions.filter((x) => x.start >= m.start && x.end <= m.end && x.key !== e.key && ctx.entities.get(x.key)?.type === 'Country')) {
          if (entry?.country && reg.byId.get(c.key)?.name !== entry.country) continue;
          // Only a country the mention puts the summit in: not the parties of a "South Korea-U.S. Dialogue".
          if (!/\bin\s+(?:the\s+)?(?:[\p{Ll}-]+\s+){0,3}$/u.test(ctx.text.slice(m.start, c.start))) continue;
          out.push({ type: 'HOSTED_BY', source: e.key, target: c.key, sentence: sentenceOf(ctx, m.start), confidence: 0.65, role: null, method: 'name' });
        }
      }
    }
    if (['Institute', 'GovernmentBody', 'Organization', 'Company', 'Summit'].includes(e.type)) {
      // Every surface form counts: "the Scientific Panel" first, "the UN Scientific Panel" later.
      const forms = new Map(ctx.mentions.filter((m) => m.key === e.key && !m.anaphoric).map((m) => [m.text, m]));
      const facts = [...forms.values()].flatMap((m) => namePrefixFacts(ctx, e, m, evidence));
      out.push(...new Map(facts.map((f) => [`${f.type}|${f.target}`, f])).values());
    }
    if (e.type === 'Institute' || e.type === 'GovernmentBody') {
      const country = entry?.country ?? (e.registryId ? undefined : /^(.+?) AI (?:Safety|Security) Institute$/.exec(e.name)?.[1]);
      const countryId = country ? (reg.lookup(country).find((c) => c.type === 'Country') ?? reg.countryByDemonym.get(country.toLowerCase()))?.id : undefined;
      const method = entry?.country ? 'registry' : 'name';
      if (countryId && present(countryId))
        out.push({ type: 'BASED_IN', source: e.key, target: countryId, sentence: evidence(countryId), confidence: 0.7, role: null, method });
    }
  }
  return out;
}

/**
 * What a name's first words state: "Canadian Institute for Advanced Research" and "Korea University" are based in
 * their country; "UN General Assembly" is part of the UN, and a "G20 Summit" is hosted by the G20. Only when the
 * country or body is itself named in the document.
 */
function namePrefixFacts(ctx: Ctx, e: EntityDraft, first: MentionRef, evidence: (other: string) => Sentence): RelationDraft[] {
  const out: RelationDraft[] = [];
  const reg = registry();
  const ws = first.text.replace(/^the\s+/i, '').split(/\s+/);
  if (ws.length < 2) return out;
  for (let n = Math.min(3, ws.length - 1); n >= 1; n--) {
    const prefix = ws.slice(0, n).join(' ');
    const country =
      n === 1 ? (reg.countryByDemonym.get(prefix.toLowerCase()) ?? reg.countryByName.get(normalizeName(prefix))) : reg.countryByName.get(normalizeName(prefix));
    if (country && e.type !== 'Summit' && ctx.entities.has(country.id) && country.id !== e.key) {
      out.push({ type: 'BASED_IN', source: e.key, target: country.id, sentence: evidence(country.id), confidence: 0.7, role: null });
      break;
    }
    const parent = reg.lookup(prefix).find((x) => x.type === 'Organization');
    if (parent && ctx.entities.has(parent.id) && parent.id !== e.key) {
      const type = e.type === 'Summit' ? 'HOSTED_BY' : e.type === 'Company' ? null : 'PART_OF';
      if (type) out.push({ type, source: e.key, target: parent.id, sentence: evidence(parent.id), confidence: 0.7, role: null });
      break;
    }
  }
  return out;
}

/** Two summits in one sentence with a word of sequence: the later one follows the earlier. */
function summitOrder(ctx: Ctx): RelationDraft[] {
  const out: RelationDraft[] = [];
  for (const s of ctx.sentences) {
    if (!/\b(?:follow\w*|build\w* on|successor|predecessor|after|since|preceding|previous|subsequent|next)\b/i.test(s.text)) continue;
    const summits = [...new Set(mentionsIn(ctx, s).map((m) => m.key))].map((k) => ctx.entities.get(k)!).filter((e) => e.type === 'Summit' && e.date);
    for (const a of summits)
      for (const b of summits) {
        if (a !== b && a.date! > b.date! && !a.date!.startsWith(b.date!) && !b.date!.startsWith(a.date!)) {
          out.push({ type: 'FOLLOWS', source: a.key, target: b.key, sentence: s, confidence: 0.6, role: null });
        }
      }
  }
  return out;
}

/** A two-party subject of a cooperation verb: "South Korea and the United States ... launching a bilateral working group". */
function bilateralSubjects(ctx: Ctx): RelationDraft[] {
  const out: RelationDraft[] = [];
  for (const s of ctx.sentences) {
    const slots = buildSlots(s, ctx.mentions, ctx.entities, ctx.text);
    for (const slot of slots) {
      if (slot.keys.length !== 2 || !slot.keys.every((k) => PARTY_TYPES.has(ctx.entities.get(k)!.type))) continue;
      // The pair must be the sentence's subject: "provide feedback to Anthropic and OpenAI ... in collaboration" is not.
      // A time phrase may come first: "Last year, A and B agreed to cooperate".
      const lead = ctx.text
        .slice(s.start, slot.start)
        .replace(
          /^(?:(?:last|this|next|earlier|later)\s+(?:year|month|week)|(?:in|on|since)\s+[\p{L}\d ,]{1,25}?|earlier|meanwhile|separately|today|yesterday|on \p{Lu}\p{Ll}+day)\s*,\s*/iu,
          '',
        );
      if (/\b(?!(?:the|both|and|on|in|today)\b)\p{Ll}[\p{L}-]*/u.test(lead)) continue;
      const after = ctx.text.slice(slot.end, Math.min(s.end, slot.end + 120));
      const cue = /^[^.;]{0,80}?\b(?:partner\w*|cooperat\w*|collaborat\w*|bilateral|jointly|signed|sign|agreed|establish\w*|launch\w*|alliance)\b/i.exec(after);
      if (!cue || /\b(?:not|n't|never|declined|refused|failed)\b/i.test(cue[0])) continue;
      // "A and B sign MoUs": each signs its own, with someone else.
      if (/^\s*(?:each\s+)?(?:signs?|signed|ink(?:s|ed)?)\s+(?:separate\s+)?(?:MoUs|MOUs|agreements|deals|contracts|memoranda)\b/i.test(after)) continue;
      if (/^\s*[,)]/.test(after) && !/^\s*,\s*(?:which|who)/.test(after)) continue;
      const [a, b] = slot.keys as [string, string];
      out.push({ type: 'PARTNERED_WITH', source: a, target: b, sentence: s, confidence: 0.6, role: null });
    }
  }
  return out;
}

/**
 * A document that is an agreement (its title names one): the parties its
 * leaders represent signed it, and what it recalls or follows on from, it
 * builds on.
 */
function documentAgreement(ctx: Ctx): RelationDraft[] {
  const out: RelationDraft[] = [];
  const head = ctx.sentences.slice(0, 3);
  // The title line is (mostly) the agreement's name: "Seoul Statement of Intent ..., AI Seoul Summit 2024 (Annex)".
  const titleMention = head
    .flatMap((s) => mentionsIn(ctx, s).filter((m) => m.end - m.start >= 0.5 * (s.end - s.start)))
    .find((m) => ctx.entities.get(m.key)?.type === 'Agreement' && !m.anaphoric);
  if (!titleMention) return out;
  const doc = titleMention.key;
  for (const s of ctx.sentences) {
    const slots = buildSlots(s, ctx.mentions, ctx.entities, ctx.text);
    const rep = /\b(?:representing|on behalf of|leaders of|we,? the (?:leaders|representatives|ministers) of)\s+/i.exec(s.text);
    if (rep && /\b(?:affirm|agree|commit|declare|recogni[sz]e|resolve|endorse|acknowledge|welcome|support)\w*\b/i.test(s.text.slice(rep.index))) {
      const after = s.start + rep.index + rep[0].length;
      const slot = slots.find((x) => x.start >= after && x.start - after <= 5);
      for (const k of slot?.keys ?? [])
        if (PARTY_TYPES.has(ctx.entities.get(k)!.type)) out.push({ type: 'SIGNED', source: k, target: doc, sentence: s, confidence: 0.7, role: null });
    }
    for (const cue of s.text.matchAll(/\b(?:following on from|building on|builds on|recalling|acknowledging|reaffirming|welcoming)\s+(?:the\s+)?/gi)) {
      const after = s.start + cue.index! + cue[0].length;
      const slot = slots.find((x) => x.start >= after && x.start - after <= 3);
      for (const k of slot?.keys ?? []) {
        const e = ctx.entities.get(k)!;
        if (k !== doc && allowed('BUILDS_ON', 'Agreement', e.type))
          out.push({ type: 'BUILDS_ON', source: doc, target: k, sentence: s, confidence: 0.65, role: null });
      }
    }
  }
  return out;
}

/**
 * "Among the attendees at the inaugural gathering were ... From the United
 * States, representatives included X, along with officials from Y": a
 * sentence that goes on listing attendees attended what the previous one named.
 */
function attendanceContinuation(ctx: Ctx, drafts: RelationDraft[]): RelationDraft[] {
  const out: RelationDraft[] = [];
  for (const s of ctx.sentences.slice(1)) {
    if (
      !/\b(?:representatives|officials|delegates|delegations|attendees|participants|ministers)\b[^.]{0,40}\b(?:included|include|were|came from|attended)\b/i.test(
        s.text,
      )
    )
      continue;
    const ms = mentionsIn(ctx, s);
    if (ms.some((m) => ctx.entities.get(m.key)?.type === 'Summit')) continue;
    const prev = ctx.sentences[s.index - 1]!;
    const summits = new Set(drafts.filter((d) => d.type === 'ATTENDED' && d.sentence === prev).map((d) => d.target));
    for (const summit of summits) {
      for (const m of ms) {
        const e = ctx.entities.get(m.key)!;
        if (['Person', 'GovernmentBody', 'Institute', 'Organization', 'Company'].includes(e.type))
          out.push({ type: 'ATTENDED', source: e.key, target: summit, sentence: s, confidence: 0.6, role: null });
      }
    }
  }
  return out;
}

/**
 * "Leaders from A, B and C gathered in Paris": in a text about a summit held in Paris, those who gather there for it
 * attended it. Only the document's one summit in that city; only verbs of gathering, not of living or working there.
 */
function gatheredInSummitCity(ctx: Ctx, drafts: RelationDraft[]): RelationDraft[] {
  const out: RelationDraft[] = [];
  const heldIn = new Map<string, Set<string>>();
  for (const d of drafts) if (d.type === 'HELD_IN') heldIn.set(d.target, new Set([...(heldIn.get(d.target) ?? []), d.source]));
  for (const s of ctx.sentences) {
    const ms = mentionsIn(ctx, s);
    for (const place of ms) {
      const summits = heldIn.get(place.key);
      if (summits?.size !== 1) continue;
      const before = ctx.text.slice(s.start, place.start);
      if (
        !/\b(?:gathered|gather|gathering|met|meet|meeting|convened|convene|assembled|arrived|arrive|descended on|flocked to|travell?ed to|came to|are in|were in)\s+(?:in|at|on|to)?\s*(?:the\s+)?(?:French\s+|Korean\s+|British\s+|Indian\s+)?(?:capital\s+|city\s+(?:of\s+)?)?$/i.test(
          before,
        )
      )
        continue;
      if (ms.some((m) => m.key === [...summits][0])) continue; // the sentence's own rules read it
      for (const m of ms) {
        if (m.start >= place.start) break;
        const e = ctx.entities.get(m.key)!;
        if (['Person', 'Country', 'GovernmentBody', 'Institute', 'Organization', 'Company'].includes(e.type))
          out.push({ type: 'ATTENDED', source: e.key, target: [...summits][0]!, sentence: s, confidence: 0.6, role: null });
      }
    }
  }
  return out;
}

/** Attendance said without naming what was attended: the cue, and whether the attendees come after it or before. */
const OBJECTLESS_ATTENDANCE: Array<{ cue: RegExp; after: boolean }> = [
  // "Among the attendees were A and B", "Attendees included A", "Participants at the event included A".
  { cue: /\b(?:attendees|participants|delegates|guests|those (?:attending|present))\b[^.;⟦⟧]{0,30}?\b(?:were|included|include|are|came from)\b/i, after: true },
  // "A and B also attended.", "Delegations from A were present", "A took part", "A, who attended, said".
  {
    cue: /\b(?:attended|were present|was present|were in attendance|was in attendance|took part|participated)\b(?!\s+(?:in|at|the|a|an|its|their|this|that|by)\b)/i,
    after: false,
  },
  // "A and B sent delegations", "A sent its vice minister".
  {
    cue: /\b(?:sent|dispatched)\s+(?:a\s+|an\s+|its\s+|their\s+)?(?:\w+\s+){0,2}?(?:delegations?|ministers?|representatives?|envoys?|officials|team)\b(?!\s+to\b)/i,
    after: false,
  },
];

/**
 * "The summit opened on Monday. Attendees included A and B": attendance stated without its summit is attendance of
 * the one summit the text named just before (within three sentences; none when two summits were named there).
 */
function objectlessAttendance(ctx: Ctx): RelationDraft[] {
  const out: RelationDraft[] = [];
  for (const s of ctx.sentences) {
    const ms = mentionsIn(ctx, s);
    if (ms.some((m) => ctx.entities.get(m.key)?.type === 'Summit')) continue;
    const earlier = ctx.sentences.slice(Math.max(0, s.index - 3), s.index).flatMap((x) => mentionsIn(ctx, x));
    const summits = new Set(earlier.filter((m) => ctx.entities.get(m.key)?.type === 'Summit').map((m) => m.key));
    if (summits.size !== 1) continue;
    const summit = [...summits][0]!;
    for (const { cue, after } of OBJECTLESS_ATTENDANCE) {
      const c = cue.exec(s.text);
      if (!c) continue;
      const at = s.start + c.index;
      for (const m of ms) {
        if (after ? m.start < at + c[0].length : m.end > at) continue;
        // Before the verb, only the clause's subject: no full stop, semicolon or reported speech between.
        if (!after && /[;:]|\bsaid\b/.test(ctx.text.slice(m.end, at))) continue;
        const e = ctx.entities.get(m.key)!;
        if (['Person', 'Country', 'GovernmentBody', 'Institute', 'Organization', 'Company'].includes(e.type))
          out.push({ type: 'ATTENDED', source: e.key, target: summit, sentence: s, confidence: 0.6, role: null });
      }
      break;
    }
  }
  return out;
}

/** "The signing ceremony took place at the Seoul office of ...": where the agreement just named was signed. */
function signingPlace(ctx: Ctx): RelationDraft[] {
  const out: RelationDraft[] = [];
  let lastAgreement: string | undefined;
  for (const s of ctx.sentences) {
    const ms = mentionsIn(ctx, s);
    const cue = /\b(?:signing(?: ceremony)?|ceremony)\b[^.]{0,40}?\b(?:took place|was held|held)\s+(?:at|in)\b|\bwas signed (?:at|in)\b/i.exec(s.text);
    if (cue && lastAgreement && !ms.some((m) => ctx.entities.get(m.key)?.type === 'Agreement')) {
      const after = s.start + cue.index + cue[0].length;
      const place = ms.find((m) => m.start >= after && ['Location', 'Country'].includes(ctx.entities.get(m.key)?.type ?? ''));
      if (place) out.push({ type: 'HELD_IN', source: lastAgreement, target: place.key, sentence: s, confidence: 0.6, role: null });
    }
    for (const m of ms) if (ctx.entities.get(m.key)?.type === 'Agreement') lastAgreement = m.key;
  }
  return out;
}

/** "Chinese company Zhipu AI", "17 Chinese companies (including Alibaba, Baidu)": based in the demonym's country. */
function demonymCompanies(ctx: Ctx): RelationDraft[] {
  const out: RelationDraft[] = [];
  const reg = registry();
  const re =
    /\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:tech\s+|AI\s+|technology\s+|internet\s+)?(?:companies|company|firms?|labs?|startups?|start-ups?|developers?|giants?|groups?)\s*(?:\(?\s*(?:including|such as|like)\s+)?$/;
  for (const s of ctx.sentences) {
    for (const slot of buildSlots(s, ctx.mentions, ctx.entities, ctx.text)) {
      // Before the name ("Chinese firm DeepSeek") or as an apposition after it ("Mistral AI, a French startup").
      const m =
        re.exec(ctx.text.slice(Math.max(s.start, slot.start - 60), slot.start)) ??
        /^,\s+(?:a|an|the)\s+(?:[a-z-]+\s+)?([A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+(?:[a-z-]+\s+)?(?:companies|company|firms?|labs?|startups?|start-ups?|developers?|giants?|groups?|maker|provider)\b/.exec(
          ctx.text.slice(slot.end, Math.min(s.end, slot.end + 60)),
        );
      const country = m ? reg.countryByDemonym.get(m[1]!.toLowerCase()) : undefined;
      if (!country || !ctx.entities.has(country.id)) continue;
      for (const k of slot.keys)
        if (ctx.entities.get(k)!.type === 'Company') out.push({ type: 'BASED_IN', source: k, target: country.id, sentence: s, confidence: 0.7, role: null });
    }
  }
  return out;
}

/** A summit that established an organization also produced it (the ontology's convention). */
function establishedImpliesProduced(drafts: RelationDraft[], ctx: Ctx): RelationDraft[] {
  return drafts
    .filter((d) => d.type === 'ESTABLISHED' && ctx.entities.get(d.source)?.type === 'Summit' && ctx.entities.get(d.target)?.type === 'Organization')
    .map((d) => ({ ...d, type: 'PRODUCED' as const }));
}

/** Words that name no particular summit or instrument. */
const UNDISTINCTIVE = new Set([
  'ai',
  'artificial',
  'intelligence',
  'summit',
  'declaration',
  'statement',
  'commitments',
  'commitment',
  'safety',
  'security',
  'global',
  'international',
  'frontier',
  'the',
  'of',
  'for',
  'on',
  'and',
  'in',
  'to',
  'safe',
  'innovative',
  'inclusive',
  'action',
  'impact',
  'ministerial',
  'meeting',
  'principles',
  'code',
  'conduct',
  'call',
  'blueprint',
  'process',
  'joint',
  'first',
  'second',
]);

/**
 * "The Seoul Declaration" in a text about the "AI Seoul Summit": an instrument that carries a summit's distinctive
 * name (its place, its series) was produced by it, when exactly one summit of the text carries that name.
 */
function summitProducts(ctx: Ctx): RelationDraft[] {
  const out: RelationDraft[] = [];
  const distinctive = (e: EntityDraft) =>
    new Set(
      [e.name, ...e.aliases]
        .flatMap((n) => n.split(/[^\p{L}\p{N}]+/u))
        .filter((w) => /^\p{Lu}/u.test(w) && w.length > 2 && !UNDISTINCTIVE.has(w.toLowerCase()) && !/^\d+$/.test(w)),
    );
  const summits = [...ctx.entities.values()].filter((e) => e.type === 'Summit' && ctx.mentions.some((m) => m.key === e.key));
  for (const a of ctx.entities.values()) {
    if (a.type !== 'Agreement' || !ctx.mentions.some((m) => m.key === a.key && !m.anaphoric)) continue;
    const words = distinctive(a);
    const sharing = summits.filter((s) => [...distinctive(s)].some((w) => words.has(w)));
    if (sharing.length !== 1) continue;
    const s = sharing[0]!;
    const sentence = firstSentenceWith(ctx, [s.key, a.key]) ?? sentenceOf(ctx, ctx.mentions.find((m) => m.key === a.key)!.start);
    out.push({ type: 'PRODUCED', source: s.key, target: a.key, sentence, confidence: 0.6, role: null });
  }
  return out;
}

/** The registry knows which summit produced an instrument: when the text names both, say so. */
function registryProducts(ctx: Ctx): RelationDraft[] {
  const reg = registry();
  const out: RelationDraft[] = [];
  for (const a of ctx.entities.values()) {
    const producer = a.registryId ? reg.byId.get(a.registryId)?.producedBy : undefined;
    const s = producer ? [...ctx.entities.values()].find((e) => e.registryId === producer) : undefined;
    if (!s || !ctx.mentions.some((m) => m.key === a.key && !m.anaphoric)) continue;
    const sentence = firstSentenceWith(ctx, [s.key, a.key]) ?? sentenceOf(ctx, ctx.mentions.find((m) => m.key === a.key && !m.anaphoric)!.start);
    out.push({ type: 'PRODUCED', source: s.key, target: a.key, sentence, confidence: 0.6, role: null });
  }
  return out;
}

export function documentRelations(ctx: Ctx, sentenceDrafts: RelationDraft[]): RelationDraft[] {
  const as = (method: EvidenceMethod, ds: RelationDraft[]) => ds.map((d) => ({ ...d, method: d.method ?? method }));
  const drafts = [
    ...as('name', nameEntailed(ctx)),
    ...as('document', summitOrder(ctx)),
    ...as('name', summitProducts(ctx)),
    ...as('registry', registryProducts(ctx)),
    ...officeHolders(ctx),
    ...knownOfficeHolders(ctx, ctx.publishedAt ?? null),
    ...bilateralSubjects(ctx),
    ...as('table', tableRows(ctx)),
    ...as('document', documentAgreement(ctx)),
    ...signingPlace(ctx),
    ...demonymCompanies(ctx),
  ];
  const all = [...sentenceDrafts, ...drafts];
  return [
    ...drafts,
    ...as('document', attendanceContinuation(ctx, all)),
    ...as('document', gatheredInSummitCity(ctx, all)),
    ...as('document', objectlessAttendance(ctx)),
    ...as('document', establishedImpliesProduced(all, ctx)),
  ];
}
