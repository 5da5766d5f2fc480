import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../src/clean/index.ts';
import { inlinePieces } from '../src/clean/markdown.ts';
import type { RawDocument } from '../src/model/schemas.ts';

const md = (body: string): RawDocument => ({ id: 'a.md', source: 'a.md', format: 'markdown', body });

describe('Markdown', () => {
  it('strips headings, emphasis, links, images, code and keeps the text', () => {
    const body = [
      '# The Seoul Declaration',
      '',
      'The **AI Seoul Summit** was held in _May 2024_ by [the UK](https://gov.uk) and *Korea*.',
      '',
      '![Leaders at the summit](img.png)',
      '',
      '## Commitments',
      '',
      '- Sixteen companies signed the `Frontier AI Safety Commitments`',
      '1. A ~~draft~~ final text [^1]',
      '',
      '> Quoted from the declaration',
      '',
      '```js',
      'const notProse = 1;',
      '```',
      '',
      '[ref]: https://example.com',
    ].join('\n');
    const doc = cleanDocument(md(body));
    expect(doc.title).toBe('The Seoul Declaration');
    expect(doc.text).toBe(
      [
        'The Seoul Declaration',
        '',
        'The AI Seoul Summit was held in May 2024 by the UK and Korea.',
        '',
        'Leaders at the summit',
        '',
        'Commitments',
        '',
        'Sixteen companies signed the Frontier AI Safety Commitments',
        'A draft final text',
        '',
        'Quoted from the declaration',
        '',
        'const notProse = 1;',
      ].join('\n'),
    );
  });

  it('turns tables into " | "-separated cells, one row per line', () => {
    const doc = cleanDocument(md('| Body | Role |\n|---|---|\n| European Union | **AI Office** |\n| UK | AISI |'));
    expect(doc.text).toBe('Body | Role\nEuropean Union | AI Office\nUK | AISI');
  });

  it('reads YAML front matter for title and date', () => {
    const doc = cleanDocument(md('---\ntitle: "Summit notes"\ndate: 2024-05-22\n---\nText of the notes here.'));
    expect(doc.title).toBe('Summit notes');
    expect(doc.publishedAt).toBe('2024-05-22');
    expect(doc.text).toBe('Text of the notes here.');
  });

  it('leaves snake_case and lone asterisks alone', () => {
    expect(cleanDocument(md('Use snake_case_names and 2 * 3 * 4 here.')).text).toBe('Use snake_case_names and 2 * 3 * 4 here.');
  });

  it('maps stripped text back to the source', () => {
    const src = 'Intro **bold words** and [link text](http://x.org) end';
    const pieces = inlinePieces(src, 0);
    expect(pieces.map((p) => p.text).join('')).toBe('Intro bold words and link text end');
    for (const p of pieces) expect(src.slice(p.src, p.src + p.text.length)).toBe(p.text);
  });
});

describe('Markdown marks left open (issue 14)', () => {
  // Each open mark used to scan to the end of its line: a 60 KiB line took 5-9 s, 1 MiB would take most of an hour.
  for (const unit of ['**a ', '*a ', '_a ', '[a ', '![a ', '<a ']) {
    it(`cleans a 1 MiB line of ${JSON.stringify(unit)} and keeps it as written`, () => {
      const body = unit.repeat(Math.ceil((1024 * 1024) / unit.length)).trim();
      expect(cleanDocument(md(body)).text).toBe(body);
    });
  }

  it('reads marks whose content is up to 1,000 characters long; longer, they stay as written', () => {
    const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
    const fits = words(150); // 1,039 characters: over the bound
    const short = words(100).slice(0, 1000);
    expect(inlinePieces(`**${short.trim()}**`, 0).map((p) => p.text)).toEqual([short.trim()]);
    expect(inlinePieces(`**${fits}**`, 0).map((p) => p.text)).toEqual([`**${fits}**`]);
  });
});
