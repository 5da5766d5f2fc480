import type { EntityType, RelationType } from '../model/schemas.ts';
import type { EntityDraft, MentionRef } from './entities.ts';
import type { Sentence } from './sentences.ts';
export interface RelationDraft {
    type: RelationType;
    source: string;
    target: string;
    sentence: Sentence;
    confidence: number;
    role: string | null;
    /** SIGNED by the other side of an agreement ("an MoU with X"): tells a plural "agreements with A, B and C" apart per party. */
    counterpart?: boolean;
}
export interface Slot {
    index: number;
    keys: string[];
    type: EntityType;
    start: number;
    end: number;
    /** "South Korea's" in "South Korea's Ministry of Science and ICT": a modifier, not a slot of its own. [possessor, possessed] */
    possessors?: Array<[string, string]>;
    /** Places named in a "based in" apposition of this slot. */
    locatedIn?: string[];
    /** "U.S. Commerce Secretary Gina Raimondo": the body (also a key of the slot), the person and the title. */
    offices?: Array<{
        body: string;
        person: string;
        role: string;
    }>;
}
export declare function buildSlots(sentence: Sentence, mentions: MentionRef[], entities: Map<string, EntityDraft>, text: string): Slot[];
export declare function allowed(type: RelationType, s: EntityType, o: EntityType): boolean;
export declare function sentenceRelations(sentence: Sentence, slots: Slot[], entities: Map<string, EntityDraft>, text: string): RelationDraft[];
