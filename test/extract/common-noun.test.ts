// The lexicon short cut of commonNounByTags (src/extract/recognize.ts) must give
// compromise's own verdict: a title-case word whose lexicon tags make no
// common noun never parses as one.
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { commonNounByTags, LEXICON } from '../../src/extract/recognize.ts';

describe('common-noun verdicts from the lexicon', () => {
  it('agree with compromise parsing the word alone, for every 5th single word of the lexicon the short cut covers', () => {
    const words = Object.entries(LEXICON).filter(([w, tags]) => /^[a-z]+$/.test(w) && !commonNounByTags(tags));
    expect(words.length).toBeGreaterThan(5000);
    const disagree = words
      .filter((_, i) => i % 5 === 0)
      .map(([w]) => w[0]!.toUpperCase() + w.slice(1))
      .filter((word) => nlp(word).has('(#Noun && !#ProperNoun)'));
    expect(disagree).toEqual([]);
    // About 4,000 parses: seconds on a busy machine, more than vitest's default 5 s allowance.
  }, 60_000);

  it('reads noun and proper-noun tags through their parents', () => {
    expect(commonNounByTags('Plural')).toBe(true);
    expect(commonNounByTags('LastName')).toBe(false);
    expect(commonNounByTags(['Singular', 'Place'])).toBe(true);
    expect(commonNounByTags('Adjective')).toBe(false);
  });
});
