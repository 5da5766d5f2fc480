// Word verdicts that cost a compromise parse (recognize.ts), as [word,
// verdict] pairs. Each is a function of the word alone, so a thread can take
// another's instead of parsing the word again: the extraction pool passes
// them around (a thread of a two-thread pool otherwise parsed most of the
// words the other did). A module of its own so that the pool's main thread
// need not load compromise to pass them on.
export interface WordVerdicts {
  verbs: Array<[string, boolean]>;
}

export const noVerdicts = (): WordVerdicts => ({ verbs: [] });

export const verdictCount = (v: WordVerdicts): number => v.verbs.length;
