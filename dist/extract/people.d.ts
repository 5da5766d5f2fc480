/** Offices of a state: their holder works for the country (or for the department the title names). */
export declare const STATE_TITLES: string[];
/** Offices in an organization: their holder works for the organization named with the title. */
export declare const ORG_TITLES: string[];
/** Role nouns written in lower case before a name ("spokesperson Ana Ruiz", "the lab's chief Ana Ruiz"). */
export declare const LOWER_ROLES: string[];
/** Words of address that precede a name and are not part of it. */
export declare const HONORIFICS: string[];
/** Lower-case words inside names: Arabic (bin, ibn, al), Dutch, German, French, Italian, Portuguese and Spanish particles. */
export declare const NAME_PARTICLES: string[];
/**
 * Family names written first (Korean, Chinese, Vietnamese): "Kim Myuhng-joo",
 * "Yoon Suk Yeol", "Li Qiang". The most frequent ones of each language,
 * less those that are also short English words ("He", "An", "Do", "Oh").
 */
export declare const FAMILY_NAMES_FIRST: Set<string>;
/** Verbs of saying around a name: "said Ana Ruiz", "Ana Ruiz said". */
export declare const SPEECH_VERBS: string[];
/** Verbs of a relative clause that give an office: "Ana Ruiz, who heads the lab" (verb -> role). */
export declare const OFFICE_VERBS: Record<string, string>;
/** A run of name words, particles and initials: "Sheikh Tahnoon bin Zayed Al Nahyan", "J. D. Vance". */
export declare const NAME_RUN: string;
/** What the recognizer knows about words and names, passed in (it owns the registry and compromise's lexicon). */
export interface NameOracle {
    /** The registry knows something inside this text. */
    inRegistry(text: string): boolean;
    /** compromise's lexicon tags of a word (lower case), if it has any. */
    tags(word: string): string[] | undefined;
    /** A word that never belongs in a person's name (head nouns, office words). */
    notInNames(word: string): boolean;
}
/** A first name compromise knows, accents aside ("António" is "Antonio"). */
export declare function knownFirstName(word: string, o: NameOracle): boolean;
/**
 * A word that can be a surname: not a common English word by compromise's
 * lexicon (unknown words parse as nouns, so a parse can't tell), no common-noun
 * suffix, no office or head word.
 */
export declare function plausibleSurname(word: string, o: NameOracle): boolean;
export interface NameSpan {
    start: number;
    end: number;
    name: string;
}
/**
 * Words that can make a name by themselves, with no title to vouch for them:
 * a known first name, or no word English knows otherwise ("Halcyon Futures
 * said" is no person).
 */
export declare function nameWords(name: string, o: NameOracle): boolean;
/**
 * The name at the start of `run` (name words only): at most `max` words
 * (particles and initials aside), cut before words that never belong in a
 * name. Null when fewer than `min` words remain.
 */
export declare function nameAt(run: string, at: number, o: NameOracle, min?: number, max?: number, titled?: boolean): NameSpan | null;
/** Family-first names ("Kim Myuhng-joo", "Yoon Suk Yeol"): the family name is the first word. */
export declare function familyFirst(name: string): boolean;
/** The shorter forms a text uses for a person named in full: the surname ("Raimondo", "Kim"), "Sheikh Tahnoon". */
export declare function shortForms(name: string, text: string): string[];
/**
 * A capitalized run that ends in a title before a person's name is a body and
 * the title ("University of Tokyo Prof. Ana Ruiz"): the body's part of it, or
 * null when the run holds no title there.
 */
export declare function withoutTrailingTitle(text: string, start: number, end: number, personStarts: Set<number>): number | null;
/**
 * Every person name the text vouches for: after a title or honorific, after
 * or before a verb of saying, before an apposition or a copula that gives a
 * role, or by its shape (a known first name and a surname; a family name
 * written first and a given name).
 */
export declare function personSpans(text: string, o: NameOracle): NameSpan[];
