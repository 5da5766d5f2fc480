import type { EntityType } from '../model/schemas.ts';
/** Capitalized words that start sentences or headings but never start a name. */
export declare const NON_NAME_WORDS: Set<string>;
export declare const NAME_CONNECTORS: Set<string>;
export declare const SUMMIT_HEADS: Set<string>;
export declare const AGREEMENT_HEADS: Set<string>;
export declare const POLICY_HEADS: Set<string>;
export declare const ORG_HEADS: Set<string>;
export declare const GOVERNMENT_FIRST_WORDS: Set<string>;
/** Heads of state bodies: executive ("Ministry"), legislative ("Parliament", "Diet") and regulatory ("Commission"). */
export declare const GOVERNMENT_HEADS: Set<string>;
export declare const COMPANY_SUFFIXES: Set<string>;
/** Titles that introduce a person's name; the role they give is kept on WORKS_FOR. */
export declare const PERSON_TITLES: string[];
export declare const POLITICAL_TITLES: RegExp;
export declare const PARTY_TYPES: EntityType[];
