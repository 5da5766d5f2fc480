export interface WordVerdicts {
    verbs: Array<[string, boolean]>;
    commonNouns: Array<[string, boolean]>;
}
export declare const noVerdicts: () => WordVerdicts;
export declare const verdictCount: (v: WordVerdicts) => number;
