import type { EntityDraft, MentionRef } from './entities.ts';
import type { Sentence } from './sentences.ts';
export declare function assignDates(text: string, sentences: Sentence[], mentions: MentionRef[], entities: Map<string, EntityDraft>, publishedAt: string | null): void;
