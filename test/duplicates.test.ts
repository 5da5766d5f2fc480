// Syndicated copies are recognized (src/pipeline/duplicates.ts): identical
// text whatever its spelling, near-identical text with a credit line and a
// "Related" list added; different articles are not, even when they share a
// press-release template; a new version of a document is not a copy of itself.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, NEAR_DUPLICATE, planCopies, similarity } from '../src/pipeline/duplicates.ts';

const seeds = readdirSync('seeds')
  .sort()
  .map((f) => readFileSync(path.join('seeds', f), 'utf8'));
const article = seeds[1]!;

describe('syndicated copies', () => {
  it('an identical copy, whatever its case, spacing and punctuation, has the same text hash', () => {
    const respelled = article.toUpperCase().replace(/\n+/g, '\n\n').replace(/[.,]/g, ' ');
    expect(fingerprint(respelled).textHash).toBe(fingerprint(article).textHash);
    expect(
      planCopies([
        { id: 'https://a.example/story', text: article },
        { id: 'https://b.example/story', text: respelled },
      ]).copies,
    ).toEqual(new Map([['https://b.example/story', 'https://a.example/story']]));
  });

  it('a copy with a credit line and a related-articles list added is a near duplicate', () => {
    const copy = `By Wire Staff | Reposted with permission\n${article}\nThis story first appeared on Example Wire.\nRelated: Markets close higher; New stadium opens downtown; Weather warning for the weekend`;
    expect(fingerprint(copy).textHash).not.toBe(fingerprint(article).textHash);
    expect(similarity(fingerprint(copy).minhash, fingerprint(article).minhash)).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
    expect(
      planCopies([
        { id: 'first', text: article },
        { id: 'second', text: copy },
      ]).copies.get('second'),
    ).toBe('first');
  });

  it('different articles are not copies, not even announcements on one press-release template', () => {
    const plan = planCopies(seeds.map((text, i) => ({ id: `seed-${i}`, text })));
    expect(plan.copies.size).toBe(0);
    const template = (who: string, what: string) =>
      `${who} today announced ${what}. `.repeat(3) +
      'The Ministry is committed to the safe, secure and trustworthy development of artificial intelligence and works with partners at home and abroad to that end. ' +
      'For more information, contact the press office of the Ministry of Science and Technology. Media enquiries are answered on working days.';
    const a = template('The Ministry of Science of Ruritania', 'a new national strategy for the evaluation of frontier models, with funding for five years');
    const b = template(
      'The Ministry of Science of Freedonia',
      'a partnership with three universities on the safety testing of language models for public services',
    );
    expect(
      planCopies([
        { id: 'a', text: a },
        { id: 'b', text: b },
      ]).copies.size,
    ).toBe(0);
  });

  it('a document the graph holds is a first copy for the documents of a run, and never a copy of itself', () => {
    const fp = fingerprint(article);
    const known = [{ id: 'https://a.example/story', duplicateOf: null, ...fp }];
    const plan = planCopies(
      [
        { id: 'https://a.example/story', text: `${article}\nUpdated.` },
        { id: 'https://c.example/x', text: article },
      ],
      known,
    );
    expect(plan.copies).toEqual(new Map([['https://c.example/x', 'https://a.example/story']]));
    // A known copy is never a first copy.
    const viaCopy = planCopies([{ id: 'new', text: article }], [{ id: 'copy', duplicateOf: 'gone', ...fp }]);
    expect(viaCopy.copies.size).toBe(0);
  });
});
