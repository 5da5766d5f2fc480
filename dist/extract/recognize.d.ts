import type { EntityType } from '../model/schemas.ts';
import { type RegistryEntry } from '../registry/index.ts';
import { Gazetteer, type GazetteerForm } from './gazetteer.ts';
import { type WordVerdicts } from './verdicts.ts';
export type CandidateSource = 'registry' | 'pattern' | 'person' | 'acronym' | 'unnamed' | 'nested' | 'context';
export interface Candidate {
    start: number;
    end: number;
    text: string;
    type: EntityType;
    /** Registry id, or null for entities found by pattern. */
    registryId: string | null;
    /** Proposed canonical name. */
    name: string;
    source: CandidateSource;
    /** Entity key shared by mentions of one thing (set by the acronym and person linking). */
    link?: string;
}
export declare function registryMatcher(): {
    gazetteer: Gazetteer<RegistryEntry>;
    forms: GazetteerForm<RegistryEntry>[];
};
/** Agreement nouns that name no particular agreement: the unnamed-agreement rules own them. */
export declare const GENERIC_AGREEMENT: RegExp;
/** compromise's lexicon: word (lower case) -> its tag or tags. */
export declare const LEXICON: Record<string, string | string[]>;
/** Lexicon tags that make a common noun: some noun tag, no proper-noun tag. */
export declare function commonNounByTags(tags: string | string[]): boolean;
/** The verdicts this thread parsed since the last call. */
export declare function takeNewVerdicts(): WordVerdicts;
/** Verdicts another thread parsed (never overriding one of this thread's: they are equal). */
export declare function learnVerdicts(v: WordVerdicts): void;
export declare function typeByHead(phrase: string): EntityType | null;
/** "Full Name (ACR)": the acronym becomes a name of the same entity. */
export declare function acronymDefinitions(text: string, candidates: Candidate[]): Array<{
    acronym: string;
    target: Candidate;
}>;
/** A line whose table cells lost their separators ("CohereCanadaNoneYes"). */
export declare function isGluedLine(line: string): boolean;
/** Keeps the longest of overlapping candidates; on a tie, the more trusted source. */
export declare function resolveOverlaps(cands: Candidate[]): Candidate[];
/** Every candidate mention in a document's text, overlaps resolved. */
export declare function recognize(text: string): Candidate[];
