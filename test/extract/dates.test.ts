import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/extract/dates.ts';
import { entity, extractText } from './helpers.ts';

const iso = (text: string, publishedAt: string | null) => findDates(text, publishedAt).map((d) => d.iso);

describe('dates', () => {
  it('keeps the precision the text gives', () => {
    expect(iso('on 21 May 2024, in October 2025, and in 2023', null)).toEqual(['2024-05-21', '2025-10', '2023']);
  });
  it('reads ranges and partial dates', () => {
    expect(iso('held May 21-22, 2024', null)).toEqual(['2024-05-21']);
    expect(iso('since late 2023', null)).toEqual(['2023']);
  });
  it('resolves relative dates against the publication date, not today', () => {
    expect(iso('held in Seoul last December', '2024-04-19')).toEqual(['2023-12']);
    expect(iso('a visit in April last year', '2024-04-19')).toEqual(['2023-04']);
    expect(iso('expected next year', '2024-04-19')).toEqual(['2025']);
  });
  it('leaves relative dates unresolved without a publication date', () => {
    expect(iso('held in Seoul last December, expected next year', null)).toEqual([]);
  });
  it('gives no date for placeholders', () => {
    expect(iso('On [date], the parties met', null)).toEqual([]);
  });
  it('dates a summit from the words next to it and an organization from its founding', () => {
    const x = extractText(
      'The Lagos AI Summit, held on 3 March 2026, launched the West African AI Observatory. The observatory was founded in 2026.',
      '2026-04-01',
    );
    expect(entity(x, 'Lagos AI Summit')?.date).toBe('2026-03-03');
    const y = extractText('The West African AI Observatory was established in February 2026.');
    expect(entity(y, 'West African AI Observatory')?.date).toBe('2026-02');
  });
  it('prefers the registry date of a known summit', () => {
    expect(entity(extractText('The AI Seoul Summit (May 2024) was a success.'), 'AI Seoul Summit')?.date).toBe('2024-05-21');
  });
});
