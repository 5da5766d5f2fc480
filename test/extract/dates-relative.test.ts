// Dates a news story gives relative to its own date (weekdays, "last
// September", "earlier this month"), the story's dateline, and which entity a
// date belongs to. Sentences of our own making.
import { describe, expect, it } from 'vitest';
import { assignDates } from '../../src/extract/date-assign.ts';
import { documentReference, findDateline, findDates } from '../../src/extract/dates.ts';
import type { EntityDraft } from '../../src/extract/entities.ts';
import { splitSentences } from '../../src/extract/sentences.ts';
import { entity, extractText } from './helpers.ts';

const iso = (text: string, publishedAt: string | null) => findDates(text, publishedAt).map((d) => d.iso);

describe('relative dates against the publication date', () => {
  it('reads a weekday as the most recent such day on or before it', () => {
    // 2025-03-12 is a Wednesday.
    expect(iso('The council voted on Monday to approve the plan.', '2025-03-12')).toEqual(['2025-03-10']);
    expect(iso('The minister spoke Wednesday at the forum.', '2025-03-12')).toEqual(['2025-03-12']);
    expect(iso("Thursday's vote was close.", '2025-03-12')).toEqual(['2025-03-06']);
    expect(iso('The board met last Wednesday.', '2025-03-12')).toEqual(['2025-03-05']);
  });
  it('reads a weekday the clause puts in the future as the next such day', () => {
    expect(iso('Ministers are set to meet in Rome on Friday.', '2025-03-12')).toEqual(['2025-03-14']);
    expect(iso('The panel will report on Wednesday.', '2025-03-12')).toEqual(['2025-03-12']);
  });
  it('keeps a weekday only as precise as a month-level publication date', () => {
    expect(iso('The agency said on Tuesday it would open an office.', '2025-03')).toEqual(['2025-03']);
  });
  it('ignores weekdays that are names or habits', () => {
    expect(iso('Black Friday sales fell; the office closes on Mondays.', '2025-03-12')).toEqual([]);
  });
  it('resolves months without a year, "last" months and this month', () => {
    expect(iso('The report came out in November.', '2025-03-12')).toEqual(['2024-11']);
    expect(iso('The charter was agreed in February.', '2025-03-12')).toEqual(['2025-02']);
    expect(iso('The treaty agreed last March was ratified.', '2025-03-12')).toEqual(['2024-03']);
    expect(iso('A forum held last September set the goals.', '2025-08-02')).toEqual(['2024-09']);
    expect(iso('The fund was created earlier this month.', '2025-03-12')).toEqual(['2025-03']);
    expect(iso('The lab opened last month and expands next year.', '2025-01-20')).toEqual(['2024-12', '2026']);
  });
  it('puts an undated month the clause announces after the publication date', () => {
    expect(iso('The next round will be held in February.', '2025-11-03')).toEqual(['2026-02']);
  });
  it('reads yesterday and "April last year" at the precision they have', () => {
    expect(iso('The firms signed the pledge yesterday.', '2025-03-12')).toEqual(['2025-03-11']);
    expect(iso('A draft was tabled in April last year.', '2025-03-12')).toEqual(['2024-04']);
  });
  it('keeps the written year of a range with a dash, and months qualified "mid-" or "late"', () => {
    expect(iso('The forum ran May 21–22, 2023 in Lagos.', '2025-03-12')).toEqual(['2023-05-21']);
    expect(iso('Talks resume in mid-May and end in late June.', '2025-08-01')).toEqual(['2025-05', '2025-06']);
  });
  it('gives no date to what is relative to another event', () => {
    expect(iso('The draft had leaked a day earlier; the vote came the following day.', '2025-03-12')).toEqual([]);
  });
  it('gives no day to "next week"', () => {
    expect(iso('The group meets next week in Oslo.', '2025-03-12')).toEqual(['2025-03']);
  });
});

describe('datelines', () => {
  const body = 'The ministry said it had approved a new oversight office for automated systems in public services.';
  it('finds a dateline with a place, a date and an agency, and resolves its year', () => {
    const d = findDateline(`OSLO, March 4 (Newswire) -- ${body}`, { year: 2025, month: 3, day: 5 });
    expect(d).toMatchObject({ start: 0, iso: '2025-03-04' });
    expect(findDateline(`Dec 30 - ${body}`, { year: 2026, month: 1, day: 2 })?.iso).toBe('2025-12-30');
  });
  it('finds a dateline without a date and does not take a sentence for one', () => {
    expect(findDateline(`NAIROBI (Newswire) - ${body}`, null)).toMatchObject({ start: 0, iso: null });
    expect(findDateline(`The EU - UK talks went on late. ${body}`, null)).toBeNull();
  });
  it('makes a month-level publication date precise, and weekdays resolve against it', () => {
    const text = `OSLO, March 4 (Newswire) - ${body} The board approved the office on Monday.`;
    expect(documentReference(text, '2025-03')).toEqual({ year: 2025, month: 3, day: 4 });
    expect(findDates('approved the office on Monday', documentReference(text, '2025-03')).map((d) => d.iso)).toEqual(['2025-03-03']);
  });
  it('does not date an entity with the dateline', () => {
    const x = extractText('LAGOS, March 4 (Newswire) - The Lagos AI Summit drew ministers from twelve countries to discuss computing.', '2026-03-04');
    expect(entity(x, 'Lagos AI Summit')).toBeDefined();
    expect(entity(x, 'Lagos AI Summit')!.date).toBeNull();
  });
});

describe('which entity a date belongs to', () => {
  it('dates a summit that is to take place', () => {
    const x = extractText('Ministers agreed to meet again at the Lagos AI Summit to take place in June 2027 in Nigeria.', '2026-03-04');
    expect(entity(x, 'Lagos AI Summit')?.date).toBe('2027-06');
  });
  it('dates the event that follows a date opening the sentence', () => {
    const x = extractText('In May 2026, the Lagos AI Summit brought together ministers from twelve countries.', '2026-09-01');
    expect(entity(x, 'Lagos AI Summit')?.date).toBe('2026-05');
  });
  it('dates the summit a reference names after a date opening the sentence, and the declaration it resulted in', () => {
    const x = extractText(
      'Delegates praised the Lagos AI Summit. In March 2024, the first Lagos AI Summit brought together delegates. The summit resulted in the Lagos Declaration on Compute.',
      '2026-09-01',
    );
    expect(entity(x, 'Lagos AI Summit')?.date).toBe('2024-03');
    expect(entity(x, 'Lagos Declaration on Compute')?.date).toBe('2024-03');
  });
  it("does not give a series' earlier instance's date to the one a reference was linked to", () => {
    const x = extractText(
      'The Lagos AI Summit opened in Lagos. This is the second Lagos AI Summit. In March 2024, the first summit in Ghana brought together delegates.',
      '2026-09-01',
    );
    expect(entity(x, 'Lagos AI Summit')).toBeDefined();
    expect(entity(x, 'Lagos AI Summit')!.date).toBeNull();
  });
  it('dates an organization the sentence says opened on a weekday', () => {
    const x = extractText('The West African AI Observatory officially opened its doors on Tuesday in Accra.', '2026-03-05');
    expect(entity(x, 'West African AI Observatory')?.date).toBe('2026-03-03');
  });
  it('dates an organization from the sentence before when the founding is restated', () => {
    const x = extractText(
      'The regional assembly on Monday voted to create two new bodies. The creation of the West African AI Observatory marks a first for the region.',
      '2026-03-05',
    );
    expect(entity(x, 'West African AI Observatory')?.date).toBe('2026-03-02');
  });
  it('dates what a lede says has just been launched at the publication month', () => {
    const x = extractText('The Ghanaian government has launched the West African AI Observatory to study risks.', '2026-03-05');
    expect(entity(x, 'West African AI Observatory')?.date).toBe('2026-03');
  });
  it('leaves a founding undated when the lede speaks of something else', () => {
    const x = extractText('The West African AI Observatory published a report on risks.', '2026-03-05');
    expect(entity(x, 'West African AI Observatory')).toBeDefined();
    expect(entity(x, 'West African AI Observatory')!.date).toBeNull();
  });
  it('does not date a name that only qualifies a longer one', () => {
    // Called on its own, with the recognizer's split: "UN" found, the rest of the name not.
    const text = 'The assembly on Monday voted to create a new body. The creation of the UN Independent Review Group follows.';
    const at = text.indexOf('UN ');
    const un: EntityDraft = { key: 'un', type: 'Organization', name: 'UN', registryId: null, aliases: new Set(), date: null, firstMention: at };
    assignDates(text, splitSentences(text), [{ start: at, end: at + 2, text: 'UN', key: 'un', anaphoric: false }], new Map([['un', un]]), '2026-03-05');
    expect(un.date).toBeNull();
    const whole: EntityDraft = { ...un, key: 'grp', name: 'UN Independent Review Group', aliases: new Set() };
    const end = text.indexOf(' follows');
    assignDates(
      text,
      splitSentences(text),
      [{ start: at, end, text: text.slice(at, end), key: 'grp', anaphoric: false }],
      new Map([['grp', whole]]),
      '2026-03-05',
    );
    expect(whole.date).toBe('2026-03-02');
  });
});

describe('a founding stated of a name the recognizer found only in part', () => {
  it('dates the part that is the head of the name', () => {
    const text = 'The assembly on Monday voted to create two new bodies. The creation of the UN Independent Review Group on Compute follows years of talks.';
    const at = text.indexOf('Review Group');
    const end = at + 'Review Group'.length;
    const group: EntityDraft = { key: 'grp', type: 'Organization', name: 'Review Group', registryId: null, aliases: new Set(), date: null, firstMention: at };
    assignDates(text, splitSentences(text), [{ start: at, end, text: 'Review Group', key: 'grp', anaphoric: false }], new Map([['grp', group]]), '2026-03-05');
    expect(group.date).toBe('2026-03-02');
  });
});
