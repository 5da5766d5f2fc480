/** Detected language (ISO 639-1 where one exists) or null when the text is too short to tell. */
export declare function detectLang(text: string): {
    lang: string;
    score: number;
    runnerUp: number;
} | null;
/**
 * The document's language: what the page declares unless the text clearly
 * says otherwise (sites often keep a template's lang="en" on every page).
 */
export declare function decideLang(declared: string | null, text: string): string | null;
