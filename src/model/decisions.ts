// An analyst's decision about the graph (src/curate/): one JSON object per
// line of graph/curation/decisions.jsonl, so decisions are reviewed in a diff
// like code, and mirrored as (:Decision) nodes in the graph. Entities are
// named by id with their type and name as they were when decided, so a line
// reads on its own and a merge target the graph no longer holds can be made again.
import { z } from 'zod';
import { EntityType, RelationType } from './schemas.ts';

export const EntityRef = z.object({ id: z.string().min(1), type: EntityType, name: z.string().min(1) });
export type EntityRef = z.infer<typeof EntityRef>;

/** A relationship by its ends (PARTNERED_WITH, stored once per pair, with source < target). */
export const FactRef = z.object({ type: RelationType, source: z.string().min(1), target: z.string().min(1) });
export type FactRef = z.infer<typeof FactRef>;

/** One piece of a relationship's evidence: the document and the sentence that state it (null: every sentence of that document). */
export const EvidenceRef = z.object({ doc: z.string().min(1), sentence: z.string().min(1).nullable() });
export type EvidenceRef = z.infer<typeof EvidenceRef>;

const common = {
  id: z.string().regex(/^d-[0-9a-z-]+$/),
  /** ISO 8601 timestamp of the decision. */
  at: z.string().datetime({ offset: true }),
  /** Who decided (--by; default git user.name, else $USER). */
  by: z.string().min(1),
  /** Why (--why), or null. */
  why: z.string().nullable(),
};

export const Decision = z.discriminatedUnion('kind', [
  /** `from` and `into` are one entity: `into` keeps its id and name, `from`'s names become its aliases. */
  z.object({ kind: z.literal('merge'), into: EntityRef, from: EntityRef, ...common }),
  /** `a` and `b` are never one entity, whatever the names' spelling says. `b` may be a name the graph merged into `a`. */
  z.object({ kind: z.literal('keep-apart'), a: EntityRef, b: EntityRef, ...common }),
  z.object({ kind: z.literal('rename'), entity: EntityRef, name: z.string().min(1), ...common }),
  z.object({ kind: z.literal('retype'), entity: EntityRef, type: EntityType, ...common }),
  z.object({ kind: z.literal('alias'), entity: EntityRef, alias: z.string().min(1), ...common }),
  /**
   * The fact is false (evidence null), or this piece of evidence does not state it.
   * A whole rejection holds against the sentences that stated the fact when it
   * was decided (`sentences`), in any document, the same text extracted again
   * or copied elsewhere: a different sentence is new evidence, and brings the
   * fact back for review (kg review: rejected-restated). Without `sentences`
   * (kg curate reject --everywhere, and lines written before they were kept)
   * the fact stays out whatever states it.
   */
  z.object({
    kind: z.literal('reject'),
    fact: FactRef,
    evidence: EvidenceRef.nullable(),
    sentences: z.array(z.string().min(1)).optional(),
    ...common,
  }),
  /** The fact is right: it leaves the review queue. */
  z.object({ kind: z.literal('confirm'), fact: FactRef, ...common }),
  /** The entity is right as it is (name, type): it leaves the review queue. */
  z.object({ kind: z.literal('confirm-entity'), entity: EntityRef, ...common }),
  /** Withdraws an earlier decision (`kg curate undo`): the graph goes back to what the documents say without it. */
  z.object({ kind: z.literal('withdraw'), decision: z.string().min(1), ...common }),
]);
export type Decision = z.infer<typeof Decision>;
export type DecisionKind = Decision['kind'];
