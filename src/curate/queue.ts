// The review queue read from the graph (`kg review`): the reads of
// src/load/curation.ts assembled by buildReview (pure), with the sentences
// where each near-duplicate name is used.
import { allEntities, factsByRef, factsToReview, firstMentions, singleDocumentEntities } from '../load/curation.ts';
import type { GraphStore } from '../load/index.ts';
import type { Decision } from '../model/decisions.ts';
import { buildReview, nearDuplicates, restatable, type ReviewOptions, type ReviewQueue } from './review.ts';

export async function readReviewQueue(store: GraphStore, decisions: readonly Decision[], options: ReviewOptions = {}): Promise<ReviewQueue> {
  const minConfidence = options.minConfidence ?? 0.6;
  const entities = await allEntities(store);
  const pairs = nearDuplicates(entities, decisions, options.minSimilarity);
  const mentions = await firstMentions(
    store,
    pairs.flatMap((p) => [p.a.id, p.b.id]),
  );
  // Facts rejected as a whole that new evidence brought back, then the low-confidence and inferred ones.
  const facts = [...(await factsByRef(store, restatable(decisions))), ...(await factsToReview(store, minConfidence))];
  return buildReview(facts, entities, await singleDocumentEntities(store), decisions, {
    ...options,
    minConfidence,
    mentions,
  });
}
