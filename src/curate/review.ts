// The review queue (`kg review`): what an analyst should look at, from the
// graph's facts and entities and the decisions in force. Pure: the reads are
// in src/load/curation.ts. Items an analyst decided on (a fact confirmed or
// rejected, a pair merged or kept apart, an entity renamed, retyped,
// confirmed...) leave the queue.
import type { Decision, FactRef } from '../model/decisions.ts';
import { conflictingQualifiers, similar } from '../resolve/index.ts';
import { normalizeName } from '../resolve/normalize.ts';
import type { EntityRow, FactRow, MentionRow, SingleDocumentRow } from '../load/curation.ts';
import { activeDecisions, decisionEntities, factKey } from './apply.ts';

import { REVIEW_KINDS, type ReviewKind } from './review-kinds.ts';
export { REVIEW_KINDS, type ReviewKind };

/** Evidence methods that infer a fact rather than read it from a sentence that states it. */
export const INFERRED_METHODS: readonly string[] = ['name', 'table', 'document', 'registry'];

export interface ReviewEvidence {
  doc: string;
  sentence: string;
  method: string | null;
}

export interface ReviewItem {
  kind: ReviewKind;
  /** What the item is about, in a line. */
  subject: string;
  /** Why it is in the queue. */
  reason: string;
  evidence: ReviewEvidence | null;
  /** A near-duplicate's second name, where its document uses it. */
  otherEvidence?: ReviewEvidence | null;
  /** The commands that decide it. */
  decide: string[];
}

export interface ReviewQueue {
  /** Items left per kind (all of them, whatever the limit). */
  counts: Record<ReviewKind, number>;
  items: ReviewItem[];
}

export interface ReviewOptions {
  /** Facts below this confidence are listed (default 0.6). */
  minConfidence?: number;
  /** Names at least this similar (1 - edit distance / length) are near-duplicates (default 0.75). */
  minSimilarity?: number;
  /** Where each entity is first mentioned (firstMentions), for the near-duplicates' sentences. */
  mentions?: ReadonlyMap<string, MentionRow>;
}

/** A pair of entities whose names may name one thing (ids in order), with why. */
export interface NearDuplicate {
  a: EntityRow;
  b: EntityRow;
  reason: string;
}

/**
 * Same type, similar names (one contains the other as whole words, or the
 * resolver's similarity at least minSimilarity), no conflicting qualifiers
 * (US / UK, 2023 / 2024), still two entities, and no analyst merged them or
 * kept them apart. Compared within blocks of a shared word, not every pair:
 * the graph can hold many thousands.
 */
export function nearDuplicates(entities: readonly EntityRow[], decisions: readonly Decision[], minSimilarity = 0.75): NearDuplicate[] {
  const decidedPairs = new Set(
    activeDecisions(decisions).flatMap((d) => {
      const [a, b] = decisionEntities(d);
      return (d.kind === 'merge' || d.kind === 'keep-apart') && a && b ? [[a, b].sort().join('|')] : [];
    }),
  );
  const byWord = new Map<string, EntityRow[]>();
  for (const e of entities) {
    for (const w of new Set(
      normalizeName(e.name)
        .split(' ')
        .filter((x) => x.length >= 3),
    )) {
      const key = `${e.type}|${w}`;
      const list = byWord.get(key) ?? [];
      list.push(e);
      byWord.set(key, list);
    }
  }
  const seen = new Set<string>();
  const out: NearDuplicate[] = [];
  for (const list of byWord.values()) {
    if (list.length > 200) continue; // a word most names share ("ministry") tells nothing
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = [list[x]!, list[y]!].sort((m, n) => (m.id < n.id ? -1 : m.id > n.id ? 1 : 0)) as [EntityRow, EntityRow];
        const key = `${a.id}|${b.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (decidedPairs.has(key) || conflictingQualifiers(a.name, b.name)) continue;
        const na = normalizeName(a.name);
        const nb = normalizeName(b.name);
        const contained = ` ${nb} `.includes(` ${na} `) || ` ${na} `.includes(` ${nb} `);
        const score = similar(a.name, b.name);
        if (!contained && score < minSimilarity) continue;
        out.push({ a, b, reason: contained ? 'one name contains the other' : `names ${Math.round(score * 100)}% alike` });
      }
    }
  }
  return out;
}

/** The sentence of an entity's first mention, or of one of its facts when there is no stored text. */
function mentionEvidence(m: MentionRow | undefined): ReviewEvidence | null {
  if (!m) return null;
  const sentence = m.window !== null && m.at !== null ? sentenceAround(m.window, m.at) : m.evidence;
  return sentence ? { doc: m.doc, sentence, method: null } : null;
}

/** Shell-quoted for the suggested commands. */
const q = (s: string) => (/^[\w./:-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The sentence around `at` in a window of text (blocks are lines; sentences end with . ! or ?). */
export function sentenceAround(window: string, at: number): string {
  let start = at;
  while (start > 0 && !/[\n]/.test(window[start - 1]!) && !/[.!?]\s/.test(window.slice(start - 2, start))) start--;
  let end = at;
  while (end < window.length && window[end] !== '\n' && !/^[.!?](\s|$)/.test(window.slice(end, end + 2))) end++;
  return window.slice(start, Math.min(window.length, end + 1)).trim();
}

/** The facts rejected as a whole (with the sentences rejected) that the graph may hold again: what readReviewQueue looks up. */
export function restatable(decisions: readonly Decision[]): FactRef[] {
  return activeDecisions(decisions).flatMap((d) => (d.kind === 'reject' && d.evidence === null && d.sentences ? [d.fact] : []));
}

export function buildReview(
  facts: FactRow[],
  entities: EntityRow[],
  single: SingleDocumentRow[],
  decisions: readonly Decision[],
  options: ReviewOptions = {},
): ReviewQueue {
  const minConfidence = options.minConfidence ?? 0.6;
  const minSimilarity = options.minSimilarity ?? 0.75;
  const active = activeDecisions(decisions);
  // A fact confirmed, or rejected as a whole, is decided; one rejected piece of evidence leaves the rest to review.
  const decidedFacts = new Set(active.flatMap((d) => (d.kind === 'confirm' || (d.kind === 'reject' && d.evidence === null) ? [factKey(d.fact)] : [])));
  const confirmed = new Set(active.flatMap((d) => (d.kind === 'confirm' ? [factKey(d.fact)] : [])));
  // A fact rejected as a whole that the graph holds again: a sentence other than those rejected states it (new evidence).
  const rejections = new Map(active.flatMap((d) => (d.kind === 'reject' && d.evidence === null && d.sentences ? [[factKey(d.fact), d.id] as const] : [])));
  const seenFacts = new Set<string>();
  const decidedEntities = new Set(active.flatMap((d) => (d.kind === 'reject' || d.kind === 'confirm' ? [] : decisionEntities(d))));
  const items: ReviewItem[] = [];

  for (const f of facts) {
    const key = factKey(f);
    if (seenFacts.has(key)) continue;
    seenFacts.add(key);
    const subject = `${f.sourceName} -[${f.type}]-> ${f.targetName}`;
    const args = `${q(f.source)} ${f.type} ${q(f.target)}`;
    const rejection = rejections.get(key);
    if (rejection && !confirmed.has(key)) {
      items.push({
        kind: 'rejected-restated',
        subject,
        reason: `rejected (${rejection}), stated again by new evidence`,
        evidence: f.docs.length ? { doc: f.docs[0]!, sentence: f.sentences[0]!, method: f.methods?.[0] ?? null } : null,
        decide: [`kg curate reject ${args}`, `kg curate undo ${rejection}`, `kg curate confirm ${args}`],
      });
      continue;
    }
    if (decidedFacts.has(key)) continue;
    const decide = [`kg curate confirm ${args}`, `kg curate reject ${args}`];
    const methods = f.methods ?? [];
    const inferred = methods.length > 0 && methods.every((m) => INFERRED_METHODS.includes(m));
    // The weakest piece of evidence is the one to read.
    let i = 0;
    f.confidences.forEach((c, j) => {
      if (c < f.confidences[i]!) i = j;
    });
    const evidence = f.docs.length ? { doc: f.docs[i]!, sentence: f.sentences[i]!, method: methods[i] ?? null } : null;
    if (f.confidence < minConfidence) items.push({ kind: 'low-confidence', subject, reason: `confidence ${f.confidence}`, evidence, decide });
    if (inferred)
      items.push({ kind: 'inferred-only', subject, reason: `only inferred (${[...new Set(methods)].join(', ')}), no sentence states it`, evidence, decide });
  }

  for (const { a, b, reason } of nearDuplicates(entities, decisions, minSimilarity)) {
    items.push({
      kind: 'near-duplicate',
      subject: `${a.name} (${a.id}) / ${b.name} (${b.id})`,
      reason,
      evidence: mentionEvidence(options.mentions?.get(a.id)),
      otherEvidence: mentionEvidence(options.mentions?.get(b.id)),
      decide: [`kg curate merge ${q(a.id)} ${q(b.id)}`, `kg curate keep-apart ${q(a.id)} ${q(b.id)}`],
    });
  }

  for (const e of single) {
    if (decidedEntities.has(e.id)) continue;
    items.push({
      kind: 'single-document',
      subject: `${e.name} (${e.type}, ${e.id})`,
      reason: 'seen in one document only',
      evidence: mentionEvidence(e),
      decide: [`kg curate confirm ${q(e.id)}`, `kg curate rename ${q(e.id)} NAME`, `kg curate retype ${q(e.id)} TYPE`, `kg curate merge ENTITY ${q(e.id)}`],
    });
  }

  const counts = Object.fromEntries(REVIEW_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<ReviewKind, number>;
  return { counts, items };
}
