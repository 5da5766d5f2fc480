// The review queue (`kg review`): what an analyst should look at, from the
// graph's facts and entities and the decisions in force. Pure: the reads are
// in src/load/curation.ts. Items an analyst decided on (a fact confirmed or
// rejected, a pair merged or kept apart, an entity renamed, retyped,
// confirmed...) leave the queue.
import type { Decision } from '../model/decisions.ts';
import { conflictingQualifiers, similar } from '../resolve/index.ts';
import { normalizeName } from '../resolve/normalize.ts';
import type { EntityRow, FactRow, SingleDocumentRow } from '../load/curation.ts';
import { activeDecisions, decisionEntities, factKey } from './apply.ts';

export const REVIEW_KINDS = ['low-confidence', 'inferred-only', 'near-duplicate', 'single-document'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

/** Evidence methods that infer a fact rather than read it from a sentence that states it. */
export const INFERRED_METHODS: readonly string[] = ['name', 'table', 'document', 'registry'];

export interface ReviewItem {
  kind: ReviewKind;
  /** What the item is about, in a line. */
  subject: string;
  /** Why it is in the queue. */
  reason: string;
  evidence: { doc: string; sentence: string; method: string | null } | null;
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
  const decidedFacts = new Set(active.flatMap((d) => (d.kind === 'confirm' || d.kind === 'reject' ? [factKey(d.fact)] : [])));
  const decidedPairs = new Set(
    active.flatMap((d) => {
      const [a, b] = decisionEntities(d);
      return (d.kind === 'merge' || d.kind === 'keep-apart') && a && b ? [[a, b].sort().join('|')] : [];
    }),
  );
  const decidedEntities = new Set(active.flatMap((d) => (d.kind === 'reject' || d.kind === 'confirm' ? [] : decisionEntities(d))));
  const items: ReviewItem[] = [];

  for (const f of facts) {
    if (decidedFacts.has(factKey(f))) continue;
    const subject = `${f.sourceName} -[${f.type}]-> ${f.targetName}`;
    const args = `${q(f.source)} ${f.type} ${q(f.target)}`;
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

  // Near-duplicates: same type, similar names, still two entities. Compared
  // within blocks of a shared word (not every pair: the graph can hold many thousands).
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
  for (const list of byWord.values()) {
    if (list.length > 200) continue; // a word most names share ("ministry") tells nothing
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const [a, b] = [list[x]!, list[y]!].sort((m, n) => m.id.localeCompare(n.id)) as [EntityRow, EntityRow];
        const key = `${a.id}|${b.id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (decidedPairs.has(key) || conflictingQualifiers(a.name, b.name)) continue;
        const na = normalizeName(a.name);
        const nb = normalizeName(b.name);
        const contained = ` ${nb} `.includes(` ${na} `) || ` ${na} `.includes(` ${nb} `);
        const score = similar(a.name, b.name);
        if (!contained && score < minSimilarity) continue;
        items.push({
          kind: 'near-duplicate',
          subject: `${a.name} (${a.id}) / ${b.name} (${b.id})`,
          reason: contained ? 'one name contains the other' : `names ${Math.round(score * 100)}% alike`,
          evidence: null,
          decide: [`kg curate merge ${q(a.id)} ${q(b.id)}`, `kg curate keep-apart ${q(a.id)} ${q(b.id)}`],
        });
      }
    }
  }

  for (const e of single) {
    if (decidedEntities.has(e.id)) continue;
    const sentence = e.window !== null && e.at !== null ? sentenceAround(e.window, e.at) : e.evidence;
    items.push({
      kind: 'single-document',
      subject: `${e.name} (${e.type}, ${e.id})`,
      reason: 'seen in one document only',
      evidence: sentence ? { doc: e.doc, sentence, method: null } : null,
      decide: [`kg curate confirm ${q(e.id)}`, `kg curate rename ${q(e.id)} NAME`, `kg curate retype ${q(e.id)} TYPE`, `kg curate merge ENTITY ${q(e.id)}`],
    });
  }

  const counts = Object.fromEntries(REVIEW_KINDS.map((k) => [k, items.filter((i) => i.kind === k).length])) as Record<ReviewKind, number>;
  return { counts, items };
}
