import type { EntityDraft, MentionRef } from './entities.ts';
import type { Slot } from './relations.ts';
import type { Sentence } from './sentences.ts';
export interface ListBlock {
    /** The introduction and the items, as one span of text (the evidence of what the list states). */
    sentence: Sentence;
    /** The introduction's own sentence, whose slots come first. */
    intro: Sentence;
    /** One coordinated slot of the items' names (its index set by the caller). */
    items: Omit<Slot, 'index'>;
}
export declare function listBlocks(text: string, sentences: Sentence[], mentions: MentionRef[], entities: Map<string, EntityDraft>): ListBlock[];
