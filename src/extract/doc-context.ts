// What the document-level rules share: the document's sentences, mentions
// and entities, and small look-ups over them.
import type { EntityDraft, MentionRef } from './entities.ts';
import type { Sentence } from './sentences.ts';

export interface Ctx {
  text: string;
  sentences: Sentence[];
  mentions: MentionRef[];
  entities: Map<string, EntityDraft>;
  /** The article's date: which office holders were in office. */
  publishedAt?: string | null;
}

export const PARTY_TYPES = new Set(['Institute', 'Company', 'GovernmentBody', 'Organization', 'Country', 'Person']);

export function mentionsIn(ctx: Ctx, s: Sentence): MentionRef[] {
  return ctx.mentions.filter((m) => m.start >= s.start && m.end <= s.end);
}

export function firstSentenceWith(ctx: Ctx, keys: string[]): Sentence | undefined {
  return ctx.sentences.find((s) => keys.every((k) => mentionsIn(ctx, s).some((m) => m.key === k)));
}

export function sentenceOf(ctx: Ctx, pos: number): Sentence {
  return ctx.sentences.find((s) => pos >= s.start && pos < s.end) ?? ctx.sentences[0]!;
}
