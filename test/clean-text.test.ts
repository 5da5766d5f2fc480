import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../src/clean/index.ts';
import { toIsoDate } from '../src/clean/dates.ts';
import { bylineName, dateLine, isFurnitureLine } from '../src/clean/furniture.ts';
import { normalizeText } from '../src/clean/normalize.ts';
import type { RawDocument } from '../src/model/schemas.ts';

const text = (body: string, extra: Partial<RawDocument> = {}): RawDocument => ({ id: 'a.txt', source: 'a.txt', format: 'text', body, ...extra });

const P1 = 'South Korea and the United States launched a bilateral working group on artificial intelligence, the foreign ministries said on April 12.';
const P2 = 'The group will meet regularly to discuss global AI standards, joint research and interoperable policies ahead of the AI Seoul Summit in May.';

describe('Unicode normalization', () => {
  it('unifies hyphens, quotes and spaces and drops invisible characters', () => {
    const doc = cleanDocument(text('K\u2011AISI\u2019s \u201Cnetwork\u201D\u00A0of\u200B institutes\u00AD and\u2010more \u2018safety\u2019'));
    expect(doc.text).toBe("K-AISI's \"network\" of institutes and-more 'safety'");
  });

  it('normalizeText keeps paragraphs and trims', () => {
    expect(normalizeText('  a \r\nb\n\n\n\nc  ')).toBe('a\nb\n\nc');
  });

  it('NFC-composes decomposed letters', () => {
    expect(cleanDocument(text('Cafe\u0301 and Zu\u0308rich')).text).toBe('Café and Zürich');
  });
});

describe('furniture lines', () => {
  it.each([
    'Skip to content',
    'Advertisement',
    'Share this article',
    'Subscribe to our Newsletter',
    'Read more: AI rules explained',
    '📑 Table of Contents',
    '📅 · 📁 Industry · 👁 7 views · ⏱️ 11 min read',
    'Photo: Reuters',
    '© 2024 Example Media. All rights reserved.',
    'We use cookies to improve your experience. Accept all or manage preferences.',
    'Published 1 day ago',
    'Updated at 1:23 p.m.',
    'Section titled "Background"',
    'Follow us on Twitter',
    'Sign up for our daily briefing',
  ])('drops %j', (line) => expect(isFurnitureLine(line)).toBe(true));

  it.each([
    P1,
    'Key Takeaways',
    'Overview of the Memorandum of Understanding',
    'The AI Act was published in the Official Journal.',
    'Readers can subscribe to the consultation; the Commission said it would publish the answers.',
    '(C) by adding at the end the following:',
    '(c) Definitions.—In this section:',
    'BT is offering customers free internet telephone calls if they sign up to broadband in December.',
  ])('keeps %j', (line) => expect(isFurnitureLine(line)).toBe(false));

  it('drops furniture from a plain-text page and keeps its content', () => {
    const doc = cleanDocument(text(`Skip to content\n\nTitle Of The Story Here\n\n${P1}\nShare this article\n\n${P2}\n\nAdvertisement\n`));
    expect(doc.text).toBe(`Title Of The Story Here\n\n${P1}\n\n${P2}`);
  });

  it('drops a page-status panel of "Label: value" lines (ratings, counts, summary, to-dos)', () => {
    const panel = [
      '📋Page Status',
      'Page Type:Response page',
      'Quality:60 (Good)',
      'Importance:68.5 (Useful)',
      'Last edited:2025-12-28 (5 weeks ago)',
      'Words:2.9k',
      'Structure:',
      'LLM Summary:A summary of the page in one long sentence.',
      'Critical Insights (2):',
      '  • First insight.S:3.5I:4.0',
      '  • Second insight.S:3.0I:4.5',
      'TODOs (1):',
      '  • TODOComplete section',
    ].join('\n');
    const doc = cleanDocument(text(`Skip to content\n\nSeoul AI Safety Summit Declaration\n\n${panel}\n\n${P1}\n\n${P2}`));
    expect(doc.text).toBe(`Seoul AI Safety Summit Declaration\n\n${P1}\n\n${P2}`);
    // Only an edited date is known: it becomes publishedAt.
    expect(doc.publishedAt).toBe('2025-12-28');
  });

  it('keeps a content list of "Label: amount" lines', () => {
    const list = [
      'UK AI Security Institute: approximately $50 million annually (tripled funding)',
      'US AISI: $10-20 million initial allocation',
      'Network coordination costs: estimated $5-15 million annually',
      'Individual member institutes: $10-50 million per institute',
    ].join('\n');
    expect(cleanDocument(text(`${P1}\n\n${list}\n\n${P2}`)).text).toContain(list);
  });

  it('drops an author bio next to the byline and a closing call to action', () => {
    const body = [
      'South Korea and U.S. Establish Bilateral AI Working Group',
      '',
      'Written by Jeremy Werner',
      '',
      'Jeremy is an experienced journalist with a passion for storytelling.',
      'Posted on 04/19/2024',
      'In News',
      '',
      P1,
      '',
      P2,
      '',
      "Questions about AI audits? Don't hesitate to reach out to our experts.",
      '',
      'Subscribe to our Newsletter',
      '',
      'Keep up with the latest on AI governance',
      'by subscribing to our news letter',
    ].join('\n');
    const doc = cleanDocument(text(body));
    expect(doc.author).toBe('Jeremy Werner');
    expect(doc.publishedAt).toBe('2024-04-19');
    expect(doc.title).toBe('South Korea and U.S. Establish Bilateral AI Working Group');
    expect(doc.text).toBe(`South Korea and U.S. Establish Bilateral AI Working Group\n\n${P1}\n\n${P2}`);
  });
});

describe('date lines', () => {
  it.each([
    ['Posted on 04/19/2024', '2024-04-19', 'published'],
    ['Published 21 May 2024', '2024-05-21', 'published'],
    ['Last edited: 2025-12-28 (5 weeks ago)', '2025-12-28', 'updated'],
    ['Updated: March 3, 2024 at 5:05 p.m. ET', '2024-03-03', 'updated'],
    ['4:00 am CST, Wednesday, November 20, 2019', '2019-11-20', 'plain'],
    ['November 20, 2019', '2019-11-20', 'plain'],
  ])('%j is a date line', (line, iso, kind) => expect(dateLine(line)).toEqual({ iso, kind }));

  it.each([
    P1,
    'PredecessorBletchley Declaration (Nov 2023)',
    'until September 30, 2029--',
    'September 30, 2029--',
    'Gathered at the AI Seoul Summit on 21 May 2024, world leaders agreed.',
    'December 2024: 12 of 16 companies',
  ])('%j is not', (line) => expect(dateLine(line)).toBeNull());

  it('prefers the published date over the edited one', () => {
    const doc = cleanDocument(text(`Updated: 2025-01-05\nPublished 21 May 2024\n\n${P1}`));
    expect(doc.publishedAt).toBe('2024-05-21');
    expect(doc.text).toBe(P1);
  });

  it('keeps a metadata date over a date line, and keeps date lines deep in a text', () => {
    const lines = Array.from({ length: 45 }, (_, i) => `Paragraph number ${i} of a long text about the summit.`).join('\n');
    const doc = cleanDocument(text(`Published 21 May 2024\n${lines}\n21 May 2024`, { publishedAt: '2024-06-01' }));
    expect(doc.publishedAt).toBe('2024-06-01');
    expect(doc.text.endsWith('21 May 2024')).toBe(true);
  });

  it('normalizes metadata dates', () => {
    expect(toIsoDate('2024-05-21T09:00:00+09:00')).toBe('2024-05-21');
    expect(toIsoDate('20240521')).toBe('2024-05-21');
    expect(toIsoDate('May 21, 2024')).toBe('2024-05-21');
    expect(toIsoDate('2024-05')).toBe('2024-05');
    expect(toIsoDate('2024-02-30')).toBeNull();
    expect(toIsoDate('yesterday')).toBeNull();
  });

  it('reads bylines', () => {
    expect(bylineName('By Jane Doe')).toBe('Jane Doe');
    expect(bylineName('By PAUL TAKAHASHI | Staff writer')).toBe('PAUL TAKAHASHI');
    expect(bylineName('Written by Jan van der Berg and Kim Min-ji')).toBe('Jan van der Berg and Kim Min-ji');
    expect(bylineName('By 2030 the EU wants ten AI gigafactories.')).toBeNull();
    expect(bylineName('By June 2024 the Commission must decide.')).toBeNull();
    expect(bylineName('By the way, this is text.')).toBeNull();
  });
});

describe('clean document contract', () => {
  it('hashes the cleaned text with sha256', () => {
    const doc = cleanDocument(text(`${P1}\n\n${P2}`));
    expect(doc.contentHash).toBe(createHash('sha256').update(doc.text).digest('hex'));
  });

  it('maps cleaned offsets back to the source body', () => {
    const body = `Skip to content\n\n   ${P1}\nAdvertisement\n${P2}\n`;
    const doc = cleanDocument(text(body));
    expect(doc.sourceMap.map((s) => body.slice(s.sourceStart, s.sourceStart + s.end - s.start))).toEqual([P1, P2]);
    for (let i = 1; i < doc.sourceMap.length; i++) expect(doc.sourceMap[i].start).toBeGreaterThanOrEqual(doc.sourceMap[i - 1].end);
  });

  it('detects English and warns on other languages', () => {
    expect(cleanDocument(text(`${P1}\n${P2}`)).lang).toBe('en');
    const es = cleanDocument(
      text('La Unión Europea aprobó la ley de inteligencia artificial después de tres años de negociaciones entre el Parlamento y el Consejo.'),
    );
    expect(es.lang).toBe('es');
    expect(es.warnings.join(' ')).toMatch(/not English/);
  });

  it('passes reader warnings on', () => {
    expect(cleanDocument(text(P1, { warnings: ['decoded as windows-1252 (detected)'] })).warnings).toContain('decoded as windows-1252 (detected)');
  });
});
