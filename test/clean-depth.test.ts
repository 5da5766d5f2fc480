// Pages nested tens of thousands of levels deep (issue 14): the markup is cut
// below MAX_DEPTH before the DOM is built (src/clean/depth.ts), so the parser
// never sees the depth that made it quadratic, and every level's text is kept.
// Outcomes, not seconds: the cut path is taken, the text is all there, the
// parser's stack no longer shifts arrays, pages of real depth pass unchanged.
import { Parser } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanDocument } from '../src/clean/index.ts';
import { boundDepth, LinearParser, MAX_PARSE_DEPTH } from '../src/clean/depth.ts';
import { MAX_DEPTH } from '../src/clean/html.ts';
import type { RawDocument } from '../src/model/schemas.ts';
import { elementDepth } from './helpers.ts';

const html = (body: string): RawDocument => ({ id: 'deep.html', source: 'deep.html', format: 'html', body });
const SENTENCE = 'The UK AI Safety Institute and the US AI Safety Institute signed a memorandum of understanding in Washington on 1 April 2024.';
const RULES = { block: new Set(['div', 'p', 'li', 'ul', 'table', 'tr']), cell: new Set(['td']), skip: new Set(['script', 'nav']) };

/** How deep the DOM linkedom builds from `markup` nests (root element at 0). */
function domDepth(markup: string): number {
  return elementDepth(parseHTML(markup).document.documentElement);
}

const SHAPES: Record<string, (n: number) => string> = {
  'closed <div>s': (n) => `${'<div>'.repeat(n)}<p>${SENTENCE}</p>${'</div>'.repeat(n)}`,
  'unclosed <div>s': (n) => `${'<div>'.repeat(n)}<p>${SENTENCE}</p>`,
  '<span>s in a paragraph': (n) => `<p>${'<span>'.repeat(n)}${SENTENCE}${'</span>'.repeat(n)}</p>`,
  'lists in list items': (n) => `${'<ul><li>'.repeat(n)}${SENTENCE}`,
  'tables in cells': (n) => `${'<table><tr><td>'.repeat(n)}${SENTENCE}`,
  'links in links': (n) => `${'<a href="#">'.repeat(n)}${SENTENCE}`,
  '<div>s, then as many stray close tags': (n) => `${'<div>'.repeat(n)}${'</span>'.repeat(n)}<p>${SENTENCE}</p>`,
};

afterEach(() => vi.restoreAllMocks());

describe('deeply nested HTML is cut before it is parsed', () => {
  for (const [shape, make] of Object.entries(SHAPES)) {
    it(`100,000 levels of ${shape}: the text is kept, with a warning`, () => {
      const body = `<html lang="en"><body>${make(100_000)}</body></html>`;
      const bound = boundDepth(body, RULES, MAX_DEPTH);
      expect(bound.cut).toBe(true);
      expect(bound.depth).toBeGreaterThanOrEqual(100_000);
      expect(domDepth(bound.html)).toBeLessThanOrEqual(MAX_DEPTH + 1); // the cut level and the <br>s in it
      const doc = cleanDocument(html(body));
      expect(doc.text).toBe(SENTENCE);
      expect(doc.warnings).toEqual([`the page nests elements ${bound.depth} levels deep; flattened below level ${MAX_DEPTH}, text kept`]);
    });
  }

  it('keeps the text of every level, in order, each block a line of its own (20,000 levels, 1.3 MB)', () => {
    const n = 20_000;
    const words = Array.from({ length: n }, (_, i) => `Level ${i} of the page.`);
    const body = `<html lang="en"><head><title>Deep</title></head><body>${words.map((w) => `<div>${w}`).join('')}${'</div>'.repeat(n)}</body></html>`;
    const doc = cleanDocument(html(body));
    expect(doc.text.split('\n')).toEqual(words);
  });

  it('drops scripts, hidden and furniture elements below the cut, and reads no markup out of raw text', () => {
    const n = 2_000;
    const inner =
      '<p>First line.</p><script>var secret = "<div>no</div>";</script><div hidden>hidden text</div>' +
      '<nav><a href="/">Home</a></nav><span style="display: none">invisible</span><textarea><div><div>typed</div></div></textarea>' +
      '<img src="x.png" alt="a picture"><p>Second line<br>third line.</p>';
    const body = `<html><body>${'<div>'.repeat(n)}${inner}${'</div>'.repeat(n)}</body></html>`;
    const bound = boundDepth(body, { ...RULES, skip: new Set(['script', 'nav', 'img', 'textarea']) }, MAX_DEPTH);
    expect(bound.html).not.toMatch(/secret|hidden text|Home|invisible|typed/);
    expect(bound.html).toContain('<img src="x.png" alt="a picture">'); // an element with no content adds no depth: kept
    const doc = cleanDocument(html(body));
    expect(doc.text).toBe('First line.\nSecond line\nthird line.');
  });

  it('leaves a page no deeper than MAX_PARSE_DEPTH as it is, the same string', () => {
    const body = `<html><body>${'<div>'.repeat(MAX_PARSE_DEPTH - 2)}<p>${SENTENCE}</p>${'</div>'.repeat(MAX_PARSE_DEPTH - 2)}</body></html>`;
    const bound = boundDepth(body, RULES, MAX_DEPTH);
    expect(bound).toEqual({ html: body, depth: MAX_PARSE_DEPTH, cut: false });
    expect(bound.html).toBe(body);
    expect(boundDepth(`<html><body>${'<div>'.repeat(MAX_PARSE_DEPTH)}x</body></html>`, RULES, MAX_DEPTH).cut).toBe(true);
  });

  it("parses with htmlparser2's events, in its order, without shifting arrays", () => {
    const pages = [
      '<!DOCTYPE html><html><head><title>a<b>c</title><meta charset="utf-8"></head><body><p>one<p>two<div>three</p></div>',
      '<ul><li>a<li>b</ul><table><tr><td>c<td>d</table></br></p><svg><path/><g><rect/></g></svg><math><mi>x</mi></math>',
      '<div><span><b>bold</div>after<script>if (a < b) {}</script><!-- note --><select><option>1<option>2</select>&amp;&#x41;',
      `${'<div><p>'.repeat(300)}deep${'</span>'.repeat(50)}`,
    ];
    for (const page of pages) {
      const events = (P: typeof Parser): string[] => {
        const out: string[] = [];
        const parser: Parser = new P(
          {
            onopentag: (name, attrs, implied) => out.push(`open ${name} ${JSON.stringify(attrs)} ${implied} ${parser.startIndex}-${parser.endIndex}`),
            onclosetag: (name, implied) => out.push(`close ${name} ${implied} ${parser.startIndex}-${parser.endIndex}`),
            ontext: (t) => out.push(`text ${t} ${parser.startIndex}-${parser.endIndex}`),
            oncomment: (t) => out.push(`comment ${t}`),
          },
          { decodeEntities: true, lowerCaseAttributeNames: false },
        );
        parser.end(page);
        return out;
      };
      expect(events(LinearParser as unknown as typeof Parser)).toEqual(events(Parser));
    }
    // Array#unshift/#shift move the whole stack: the parser's stack is ours, which never calls them.
    const unshift = vi.spyOn(Array.prototype, 'unshift');
    const shift = vi.spyOn(Array.prototype, 'shift');
    boundDepth(`<html><body>${'<div><svg>'.repeat(5_000)}x</body></html>`, RULES, MAX_DEPTH);
    expect(unshift).not.toHaveBeenCalled();
    expect(shift).not.toHaveBeenCalled();
  });
});
