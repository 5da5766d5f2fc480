import type { EntityType } from '../model/schemas.ts';
import type { Sentence } from './sentences.ts';
export interface EntityDraft {
    key: string;
    type: EntityType;
    name: string;
    registryId: string | null;
    aliases: Set<string>;
    date: string | null;
    /** Unnamed agreements and meetings are named from their parties once relations are known. */
    unnamed?: {
        noun: string;
        of?: MentionRef;
    };
    firstMention: number;
}
export interface MentionRef {
    start: number;
    end: number;
    text: string;
    key: string;
    /** "the summit", "It": counts for relations, not as a surface form of the name. */
    anaphoric: boolean;
}
export interface DocEntities {
    entities: Map<string, EntityDraft>;
    mentions: MentionRef[];
}
export declare function buildEntities(text: string, sentences: Sentence[], publishedAt: string | null): DocEntities;
