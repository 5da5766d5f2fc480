export interface Sentence {
    index: number;
    start: number;
    end: number;
    text: string;
}
export declare function splitSentences(text: string): Sentence[];
