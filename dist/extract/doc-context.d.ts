import type { EntityDraft, MentionRef } from './entities.ts';
import type { Sentence } from './sentences.ts';
export interface Ctx {
    text: string;
    sentences: Sentence[];
    mentions: MentionRef[];
    entities: Map<string, EntityDraft>;
}
export declare const PARTY_TYPES: Set<string>;
export declare function mentionsIn(ctx: Ctx, s: Sentence): MentionRef[];
export declare function firstSentenceWith(ctx: Ctx, keys: string[]): Sentence | undefined;
export declare function sentenceOf(ctx: Ctx, pos: number): Sentence;
