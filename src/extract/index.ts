// Extraction: a cleaned document in, its entities and relations out. Pure.
//   sentences -> entities (recognize, qualify, link, unnamed things, dates)
//   -> relations (sentence templates, document rules) -> unnamed things named
import { DocumentExtraction, type CleanDocument, type LocalEntity, type LocalRelation } from '../model/schemas.ts';
import { registry } from '../registry/index.ts';
import { buildEntities, mergeEntity, type DocEntities, type EntityDraft } from './entities.ts';
import { documentRelations } from './doc-rules.ts';
import { listBlocks } from './lists.ts';
import { extractInParts, MAX_PART_CHARS } from './parts.ts';
import { buildSlots, sentenceRelations, type RelationDraft } from './relations.ts';
import { splitSentences, type Sentence } from './sentences.ts';

export function extractDocument(doc: CleanDocument): DocumentExtraction {
  // Long texts part by part, so the work grows linearly with their length (see parts.ts).
  return doc.text.length > MAX_PART_CHARS ? extractInParts(doc, extractWhole) : extractWhole(doc);
}

function extractWhole(doc: CleanDocument): DocumentExtraction {
  const text = doc.text;
  const sentences = splitSentences(text);
  const ents = buildEntities(text, sentences, doc.publishedAt);
  const drafts: RelationDraft[] = [];
  for (const s of sentences) drafts.push(...sentenceRelations(s, buildSlots(s, ents.mentions, ents.entities, text), ents.entities, text));
  for (const list of listBlocks(text, sentences, ents.mentions, ents.entities)) {
    const slots = buildSlots(list.intro, ents.mentions, ents.entities, text);
    slots.push({ ...list.items, index: slots.length });
    drafts.push(...sentenceRelations(list.sentence, slots, ents.entities, text));
  }
  drafts.push(...documentRelations({ text, sentences, mentions: ents.mentions, entities: ents.entities, publishedAt: doc.publishedAt }, drafts));
  nameUnnamed(ents, drafts, sentences);
  return DocumentExtraction.parse({ document: doc, ...toOutput(doc, ents, drafts) });
}

function shortName(e: EntityDraft, ents: DocEntities): string {
  // The acronym the text uses, if any, keeps descriptive names readable.
  if (e.type === 'Country') return e.name;
  const acronym = [...e.aliases].find((a) => /^[\p{Lu}][\p{Lu}\p{N}&.-]{1,9}$/u.test(a) && ents.mentions.some((m) => m.key === e.key && m.text === a));
  return acronym ?? e.name;
}

/**
 * An agreement introduced as "a memorandum of understanding" is named after
 * its parties; one nobody signed is not an entity. A bilateral one makes its
 * two parties partners.
 */
function nameUnnamed(ents: DocEntities, drafts: RelationDraft[], sentences: Sentence[]): void {
  const byParties = new Map<string, string>();
  for (const e of [...ents.entities.values()].sort((a, b) => a.firstMention - b.firstMention)) {
    if (!e.unnamed) continue;
    if (e.type === 'Agreement' && summitInstrument(ents, drafts, sentences, e)) continue;
    if (e.type === 'Agreement' && splitPerParty(ents, drafts, e)) continue;
    if (e.type === 'Agreement') {
      const signers = drafts.filter((d) => d.type === 'SIGNED' && d.target === e.key);
      const parties = [...new Set(signers.map((d) => d.source))].sort((a, b) => ents.entities.get(a)!.firstMention - ents.entities.get(b)!.firstMention);
      if (!parties.length) {
        drop(ents, drafts, e.key);
        continue;
      }
      // "agreements with A and B" and nobody on the other side: A and B did not sign with each other.
      if (parties.length >= 2 && signers.every((d) => d.counterpart)) {
        drop(ents, drafts, e.key);
        continue;
      }
      // People sign on behalf of their bodies: the agreement is named after (and partners) the bodies when it has any.
      const bodies = parties.filter((k) => ents.entities.get(k)!.type !== 'Person');
      if (bodies.length) parties.splice(0, parties.length, ...bodies);
      // "The UK government, through DSIT, has signed ...": a state that signs through its own ministry is named by it.
      const actingFor = (country: string) =>
        parties.some(
          (k) =>
            k !== country &&
            drafts.some((d) => d.type === 'BASED_IN' && d.source === k && d.target === country) &&
            ents.entities.get(k)!.type === 'GovernmentBody',
        );
      const named = parties.filter((k) => !(ents.entities.get(k)!.type === 'Country' && actingFor(k)));
      if (named.length >= 2) parties.splice(0, parties.length, ...named);
      const sig = [...parties].sort().join('|');
      const same = byParties.get(sig);
      if (same) {
        merge(ents, drafts, e.key, same);
        continue;
      }
      byParties.set(sig, e.key);
      // Many parties (a pledge of a dozen companies) name it after the first and a count.
      const names = parties.map((p) => shortName(ents.entities.get(p)!, ents));
      e.name = names.length > 3 ? `${names[0]} and ${names.length - 1} others ${e.unnamed.noun}` : `${names.join('–')} ${e.unnamed.noun}`;
      if (parties.length === 2) {
        const evidence = drafts.find((d) => d.type === 'SIGNED' && d.target === e.key)!;
        drafts.push({ type: 'PARTNERED_WITH', source: parties[0]!, target: parties[1]!, sentence: evidence.sentence, confidence: 0.7, role: null });
      }
    } else if (e.type === 'Summit') {
      const of = e.unnamed.of;
      const host = of ? ents.entities.get(of.key) : undefined;
      if (!host || !of) {
        drop(ents, drafts, e.key);
        continue;
      }
      const noun = e.unnamed.noun;
      e.name = `${noun[0]!.toUpperCase()}${noun.slice(1)} of the ${host.name}`;
      e.aliases.add(`${noun} of the ${of.text}`);
      const known = registry().lookup(e.name)[0];
      if (known) {
        e.registryId = known.id;
        e.date ??= known.date ?? null;
      }
    }
  }
}

/**
 * "At the Seoul summit, leaders adopted a joint declaration": an unnamed declaration (statement, communiqué) adopted
 * at a known summit named in the same sentence is the one the registry says that summit produced, when it produced
 * exactly one of that kind. Returns whether it was recognized.
 */
function summitInstrument(ents: DocEntities, drafts: RelationDraft[], sentences: Sentence[], e: EntityDraft): boolean {
  const kind = /\b(declaration|statement|communiqu[eé])$/i.exec(e.unnamed!.noun)?.[1]?.toLowerCase().replace('communique', 'communiqué');
  if (!kind) return false;
  const reg = registry();
  const mention = ents.mentions.find((m) => m.key === e.key);
  const sentence = mention && sentences.find((s) => mention.start >= s.start && mention.start < s.end);
  if (!sentence) return false;
  const summits = new Set(
    ents.mentions
      .filter((m) => m.start >= sentence.start && m.end <= sentence.end && ents.entities.get(m.key)?.type === 'Summit')
      .map((m) => ents.entities.get(m.key)!.registryId)
      .filter((id): id is string => !!id),
  );
  const products = reg.entries.filter((a) => a.type === 'Agreement' && a.producedBy && summits.has(a.producedBy) && a.name.toLowerCase().includes(kind));
  if (products.length !== 1) return false;
  const known = products[0]!;
  const existing = ents.entities.get(known.id);
  if (existing) {
    merge(ents, drafts, e.key, known.id);
    return true;
  }
  Object.assign(e, { name: known.name, registryId: known.id, date: known.date ?? e.date, unnamed: undefined });
  return true;
}

/**
 * "X reached agreements with A, B and C", "A and B inked MoUs with X": a plural agreement noun with several parties on
 * one side is one agreement per pair, each named after its two parties. Returns whether it split.
 */
function splitPerParty(ents: DocEntities, drafts: RelationDraft[], e: EntityDraft): boolean {
  const plural = [...e.aliases].some((a) => /(?:agreements|memoranda|mous|deals|contracts|letters)(?: of \w+)?$/i.test(a));
  if (!plural) return false;
  const signed = drafts.filter((d) => d.type === 'SIGNED' && d.target === e.key);
  const principals = [...new Set(signed.filter((d) => !d.counterpart).map((d) => d.source))];
  const counterparts = [...new Set(signed.filter((d) => d.counterpart).map((d) => d.source))].filter((k) => !principals.includes(k));
  // "A and B sign MoUs": each signed one with someone the sentence does not name; not one agreement between them.
  if (!counterparts.length && principals.length >= 2) {
    drop(ents, drafts, e.key);
    return true;
  }
  if (!principals.length || !counterparts.length || principals.length + counterparts.length < 3) return false;
  const mentions = ents.mentions.filter((m) => m.key === e.key);
  const noun = e.unnamed!.noun;
  for (const p of principals) {
    for (const c of counterparts) {
      const key = `${e.key}:${p}:${c}`;
      const [a, b] = [ents.entities.get(p)!, ents.entities.get(c)!];
      const pair: EntityDraft = { ...e, key, aliases: new Set(e.aliases), unnamed: undefined, name: `${shortName(a, ents)}–${shortName(b, ents)} ${noun}` };
      ents.entities.set(key, pair);
      for (const m of mentions) ents.mentions.push({ ...m, key });
      const evidence = signed.find((d) => d.source === c) ?? signed[0]!;
      for (const party of [p, c])
        drafts.push({ type: 'SIGNED', source: party, target: key, sentence: evidence.sentence, confidence: evidence.confidence, role: null });
      drafts.push({ type: 'PARTNERED_WITH', source: p, target: c, sentence: evidence.sentence, confidence: 0.7, role: null });
    }
  }
  drop(ents, drafts, e.key);
  return true;
}

function drop(ents: DocEntities, drafts: RelationDraft[], key: string): void {
  ents.entities.delete(key);
  ents.mentions = ents.mentions.filter((m) => m.key !== key);
  for (let i = drafts.length - 1; i >= 0; i--) if (drafts[i]!.source === key || drafts[i]!.target === key) drafts.splice(i, 1);
}

function merge(ents: DocEntities, drafts: RelationDraft[], from: string, into: string): void {
  mergeEntity(ents, from, into);
  for (const d of drafts) {
    if (d.source === from) d.source = into;
    if (d.target === from) d.target = into;
  }
}

function toOutput(doc: CleanDocument, ents: DocEntities, drafts: RelationDraft[]): { entities: LocalEntity[]; relations: LocalRelation[] } {
  const entities: LocalEntity[] = [];
  for (const e of ents.entities.values()) {
    const mentions = ents.mentions.filter((m) => m.key === e.key).map((m) => ({ text: m.text, start: m.start, end: m.end }));
    if (!mentions.length) continue;
    entities.push({
      key: e.key,
      type: e.type,
      name: e.name,
      registryId: e.registryId,
      aliases: [...e.aliases].filter((a) => a !== e.name),
      date: e.date,
      mentions,
    });
  }
  const present = new Set(entities.map((e) => e.key));
  const seen = new Map<string, LocalRelation>();
  for (const d of drafts) {
    if (!present.has(d.source) || !present.has(d.target) || d.source === d.target) continue;
    // PARTNERED_WITH is symmetric: one direction only.
    const [s, t] = d.type === 'PARTNERED_WITH' && d.source > d.target ? [d.target, d.source] : [d.source, d.target];
    const k = `${d.type}|${s}|${t}`;
    const prev = seen.get(k);
    if (prev && prev.evidence.confidence >= d.confidence) continue;
    seen.set(k, {
      type: d.type,
      source: s,
      target: t,
      role: d.role,
      date: d.type === 'SIGNED' ? (ents.entities.get(t)?.date ?? null) : null,
      evidence: {
        doc: doc.id,
        sentence: d.sentence.text,
        start: d.sentence.start,
        end: d.sentence.end,
        confidence: d.confidence,
        method: d.method ?? 'sentence',
      },
    });
  }
  return { entities, relations: [...seen.values()] };
}
