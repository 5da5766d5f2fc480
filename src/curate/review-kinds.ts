// The kinds of review item, apart from review.ts (which loads the resolver and
// its NLP library) so `kg review --help` can list them without it.
export const REVIEW_KINDS = ['rejected-restated', 'low-confidence', 'inferred-only', 'near-duplicate', 'single-document'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
