import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import '../../src/extract/recognize.ts'; // registers the plugin

describe('the compromise plugin', () => {
  it('tags the domain head nouns as nouns and titles as actors', () => {
    expect(nlp('summit').has('#Noun')).toBe(true);
    expect(nlp('compact').has('#Noun')).toBe(true);
    expect(nlp('minister').has('#Actor')).toBe(true);
  });
  it('keeps "foster" and "major" out of people', () => {
    expect(nlp('They will foster major cooperation').people().length).toBe(0);
  });
});
