export interface FoundDate {
    start: number;
    end: number;
    text: string;
    iso: string;
}
/** The date relative expressions resolve against, at the precision it is known. */
export interface Reference {
    year: number;
    month: number | null;
    day: number | null;
}
export interface Dateline {
    start: number;
    end: number;
    /** The story's date when the dateline gives one and the publication date gives its year. */
    iso: string | null;
}
export declare function referenceOf(publishedAt: string | null | undefined): Reference | null;
/** The dateline of the story, looked for at the start of its first few lines. */
export declare function findDateline(text: string, ref: Reference | null): Dateline | null;
/**
 * The document's reference date: the publication date, or the dateline's day
 * when it falls within the month before it (a story dated the day before the
 * page's date, or a page that gives only its month).
 */
export declare function documentReference(text: string, publishedAt: string | null | undefined): Reference | null;
export declare function findDates(text: string, publishedAt: string | Reference | null): FoundDate[];
