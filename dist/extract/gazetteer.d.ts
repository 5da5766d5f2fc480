export interface GazetteerForm<T> {
    surface: string;
    value: T;
    /** Short names and acronyms match only as written; long names ignore case. */
    caseSensitive: boolean;
}
export interface GazetteerHit<T> {
    start: number;
    end: number;
    text: string;
    value: T;
}
interface Token {
    text: string;
    lower: string;
    start: number;
    end: number;
}
export declare function tokenize(text: string): Token[];
export declare function defaultCaseSensitivity(surface: string): boolean;
export declare class Gazetteer<T> {
    private readonly index;
    constructor(forms: Iterable<GazetteerForm<T>>);
    add(form: GazetteerForm<T>): void;
    /** Non-overlapping hits, leftmost-longest. */
    find(text: string, tokens?: Token[]): GazetteerHit<T>[];
    /**
     * Matching inside glued text ("AnthropicUSRSP (2023)YesHigh", a table whose
     * cells lost their separators): a name may start where a capital follows a
     * lower-case letter and must not run into a lower-case letter.
     */
    findGlued(text: string, forms: GazetteerForm<T>[]): GazetteerHit<T>[];
}
export {};
