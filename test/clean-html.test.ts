import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { CleanError, cleanDocument, cleanFailure } from '../src/clean/index.ts';
import { extractHtml, flattenDeep, KEEP_HEIGHT, MAX_DEPTH } from '../src/clean/html.ts';
import type { RawDocument } from '../src/model/schemas.ts';
import { elementDepth } from './helpers.ts';

const html = (body: string): RawDocument => ({ id: 'page.html', source: 'page.html', format: 'html', body });

const PARAS = [
  'The European Union adopted the AI Act in 2024 after three years of negotiation between the Parliament, the Council and the Commission.',
  'The law sorts AI systems by risk and places the heaviest obligations on high-risk systems used in hiring, credit and policing.',
  'A new AI Office inside the Commission will supervise general-purpose models and coordinate national market surveillance authorities.',
  'Companies that break the rules face fines of up to seven percent of their global annual turnover, the regulation says.',
];

function page(head: string, article: string): string {
  return `<!DOCTYPE html><html lang="en"><head>${head}</head><body>
  <header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/about">About us</a></li></ul></nav></header>
  <main><article>${article}</article></main>
  <footer><p>© 2024 Example Media. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  </body></html>`;
}
const body = PARAS.map((p) => `<p>${p}</p>`).join('\n');

describe('HTML main text', () => {
  it('keeps the article paragraphs as separate lines and drops navigation and footer', () => {
    const doc = cleanDocument(html(page('<title>AI Act adopted</title>', `<h1>AI Act adopted</h1>${body}`)));
    expect(doc.text.split('\n')).toEqual(PARAS);
    expect(doc.text).not.toMatch(/Home|About us|All rights reserved/);
  });

  it('separates table cells with " | " and rows with newlines, never gluing them', () => {
    const table = `<table><tr><th>Body</th><th>Role</th></tr><tr><td>European Union</td><td>AI Office</td></tr>
      <tr><td><p>United Kingdom</p></td><td><span>AI Security Institute</span></td></tr></table>`;
    const doc = cleanDocument(html(page('<title>t</title>', `${body}${table}`)));
    const lines = doc.text.split('\n');
    expect(lines).toContain('Body | Role');
    expect(lines).toContain('European Union | AI Office');
    expect(doc.text).not.toContain('European UnionAI Office');
    expect(doc.text).not.toContain('United KingdomAI');
  });

  it('keeps headings, list items and <br> lines apart', () => {
    const doc = cleanDocument(html(page('', `${body}<h2>Next steps</h2><ul><li>First rule</li><li>Second <b>rule</b></li></ul><p>Line one<br>Line two</p>`)));
    const lines = doc.text.split('\n');
    for (const l of ['Next steps', 'First rule', 'Second rule', 'Line one', 'Line two']) expect(lines).toContain(l);
  });

  it('drops captions, share widgets, bylines, date lines and "Advertisement" inside the article', () => {
    const article = `<h1>AI Act adopted</h1><p class="byline">By Jane Doe</p><p>Published 21 May 2024</p>
      <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
      <figure><img src="x.jpg"><figcaption>The Parliament in Strasbourg. Photo: Reuters</figcaption></figure>
      ${PARAS.slice(0, 2)
        .map((p) => `<p>${p}</p>`)
        .join('')}<div>Advertisement</div>
      ${PARAS.slice(2)
        .map((p) => `<p>${p}</p>`)
        .join('')}
      <p>Sign up for our newsletter</p><div class="related"><h3>Related</h3><ul><li><a href="/x">Another story about AI</a></li></ul></div>`;
    const doc = cleanDocument(html(page('<title>AI Act adopted</title>', article)));
    expect(doc.text.split('\n')).toEqual(PARAS);
  });

  it('skips hidden elements and scripts', () => {
    const doc = cleanDocument(
      html(page('', `${body}<div style="display:none">hidden text</div><p hidden>also hidden</p><script>var x = "script text";</script>`)),
    );
    expect(doc.text).not.toMatch(/hidden text|also hidden|script text/);
  });

  it('cleans an HTML fragment that has no <html> or <body>', () => {
    expect(cleanDocument(html('<p>Hello <b>world</b></p><p>Second paragraph</p>')).text).toBe('Hello world\nSecond paragraph');
  });

  it('survives malformed HTML (unclosed tags, stray closers) with a result, not an exception', () => {
    const doc = cleanDocument(html(`<html><body><div><p>${PARAS[0]}<p>${PARAS[1]}</span><table><tr><th>a<th>b<tr><td>c<td>d</table><p>${PARAS[2]}`));
    expect(doc.text).toContain(PARAS[0]);
    expect(doc.text).toContain(PARAS[2]);
    expect(doc.text).toContain('a | b\nc | d');
  });

  it('gives a warning, not a crash, when an HTML page has no text', () => {
    const doc = cleanDocument(html('<html><head><title>x</title></head><body><script>1</script></body></html>'));
    expect(doc.text).toBe('');
    expect(doc.warnings).toContain('no text left after cleaning');
  });

  it('maps cleaned lines back to the HTML source', () => {
    const src = page('', body);
    const doc = cleanDocument(html(src));
    expect(doc.sourceMap.length).toBeGreaterThan(0);
    for (const span of doc.sourceMap) {
      const piece = doc.text.slice(span.start, span.end);
      expect(src.slice(span.sourceStart, span.sourceStart + 20)).toBe(piece.slice(0, 20));
    }
  });
});

describe('HTML metadata', () => {
  const jsonLd = (o: object) => `<script type="application/ld+json">${JSON.stringify(o)}</script>`;

  it('takes the canonical URL from <link rel=canonical> before og:url, resolved against the page URL', () => {
    const head = '<link rel="canonical" href="/news/ai-act"><meta property="og:url" content="https://m.example.com/x">';
    expect(extractHtml(page(head, body), { url: 'https://www.example.com/amp/ai-act' }).url).toBe('https://www.example.com/news/ai-act');
    expect(extractHtml(page('<meta property="og:url" content="https://example.com/og">', body)).url).toBe('https://example.com/og');
  });

  it('reads the publication date: article:published_time, then JSON-LD, then <meta name=date>, then <time>', () => {
    const all =
      '<meta property="article:published_time" content="2024-05-21T09:00:00+09:00">' +
      jsonLd({ '@type': 'NewsArticle', datePublished: '2024-05-20' }) +
      '<meta name="date" content="2024-05-19">';
    expect(extractHtml(page(all, body)).publishedAt).toBe('2024-05-21');
    expect(
      extractHtml(page(jsonLd({ '@type': 'NewsArticle', datePublished: '2024-05-20T23:30:00Z' }) + '<meta name="date" content="2024-05-19">', body))
        .publishedAt,
    ).toBe('2024-05-20');
    expect(extractHtml(page('<meta name="date" content="2024-05-19">', body)).publishedAt).toBe('2024-05-19');
    expect(extractHtml(page('', `<time datetime="2023-11-01T10:00">1 Nov</time>${body}`)).publishedAt).toBe('2023-11-01');
  });

  it('finds JSON-LD inside @graph and arrays, and reads author and headline', () => {
    const ld = jsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        { '@type': 'WebSite', name: 'Site' },
        {
          '@type': ['NewsArticle'],
          headline: 'Seoul summit ends',
          datePublished: '2024-05-22',
          author: [
            { '@type': 'Person', name: 'Kim Min-ji' },
            { '@type': 'Person', name: 'John Roe' },
          ],
        },
      ],
    });
    const r = extractHtml(page(ld, body));
    expect(r.publishedAt).toBe('2024-05-22');
    expect(r.author).toBe('Kim Min-ji, John Roe');
    expect(r.title).toBe('Seoul summit ends');
  });

  it('tolerates broken JSON-LD', () => {
    const r = extractHtml(page('<script type="application/ld+json">{ "@type": "NewsArticle", </script><meta name="author" content="Jane Doe">', body));
    expect(r.author).toBe('Jane Doe');
    expect(r.publishedAt).toBeNull();
  });

  it('prefers og:title, and reads lang from <html lang>', () => {
    const r = extractHtml(page('<title>AI Act | Example News</title><meta property="og:title" content="AI Act adopted">', body));
    expect(r.title).toBe('AI Act adopted');
    expect(r.lang).toBe('en');
  });

  it('falls back to the byline and the date line in the text when metadata has none', () => {
    const doc = cleanDocument(html(page('', `<p>By Jane Doe</p><p>Posted on 04/19/2024</p>${body}`)));
    expect(doc.author).toBe('Jane Doe');
    expect(doc.publishedAt).toBe('2024-04-19');
  });
});

describe('language', () => {
  it('detects a non-English page and warns that extraction rules are English', () => {
    const de = [
      'Die Europäische Union hat im Jahr 2024 nach drei Jahren Verhandlungen das Gesetz über künstliche Intelligenz verabschiedet.',
      'Das Gesetz ordnet KI-Systeme nach ihrem Risiko und stellt die strengsten Anforderungen an Hochrisikosysteme.',
      'Ein neues Büro innerhalb der Kommission wird die Modelle für allgemeine Zwecke beaufsichtigen und die Behörden koordinieren.',
    ]
      .map((p) => `<p>${p}</p>`)
      .join('');
    const doc = cleanDocument(html(`<html lang="de"><body><article>${de}</article></body></html>`));
    expect(doc.lang).toBe('de');
    expect(doc.warnings.some((w) => /not English/.test(w))).toBe(true);
  });

  it('trusts a long text over a template lang="en"', () => {
    const fr =
      "Le Parlement européen a adopté la loi sur l'intelligence artificielle après trois années de négociations avec le Conseil et la Commission européenne, qui devra maintenant veiller à son application dans tous les États membres. ";
    const doc = cleanDocument(html(`<html lang="en"><body><article><p>${fr}</p><p>${fr}</p></article></body></html>`));
    expect(doc.lang).toBe('fr');
  });

  it('says English for English text without a lang attribute, with no warning', () => {
    const doc = cleanDocument(html(`<html><body><article>${body}</article></body></html>`));
    expect(doc.lang).toBe('en');
    expect(doc.warnings).toEqual([]);
  });
});

describe('deeply nested HTML', () => {
  it('cleans a page of 20,000 nested <div>s and keeps all its text', () => {
    // Before: Readability's cost grew with the cube of the depth (1,000 levels 5 s,
    // 4,000 levels 194 s) and then the stack overflowed.
    const n = 20_000;
    const body = `<p>${PARAS[0]}</p>${'<div>'.repeat(n)}<p>${PARAS[1]}</p><p>${PARAS[2]}</p>${'</div>'.repeat(n)}<p>${PARAS[3]}</p>`;
    const doc = cleanDocument(html(`<!DOCTYPE html><html lang="en"><head><title>Deep</title></head><body>${body}</body></html>`));
    expect(doc.text).toBe(PARAS.join('\n'));
    expect(doc.warnings).toEqual([`the page nests elements ${n + 2} levels deep; flattened below level ${MAX_DEPTH}, text kept`]);
  });

  it('bounds the depth of a tree and keeps its text in order, block by block', () => {
    const n = 500;
    const open = Array.from({ length: n }, (_, i) => `<div class="level">before ${i}<span hidden>secret ${i}</span>`).join('');
    const close = Array.from({ length: n }, (_, i) => `after ${n - 1 - i}</div>`).join('');
    const { document } = parseHTML(`<html><body>${open}middle${close}</body></html>`);
    const before = document.body.textContent;
    expect(flattenDeep(document.documentElement)).toBe(n + 2); // html, body, the divs, the innermost span
    expect(document.body.textContent).toBe(before);
    // No element deeper than the cut plus the height kept below it.
    expect(elementDepth(document.documentElement)).toBeLessThanOrEqual(MAX_DEPTH + 2 + KEEP_HEIGHT); // the cut, a copy, its child and what it keeps
    // Each level's text stays in an element of its own (a copy of its <div>), so lines stay apart.
    const lines = extractHtml(document.toString()).lines.map((l) => l.text);
    expect(lines).toContain('before 0');
    expect(lines).toContain('before 498');
    expect(lines).toContain('before 499middleafter 499'); // the innermost div, as written (no spaces)
    expect(lines).toContain('after 498');
    expect(lines).toContain('after 0');
    expect(lines.join(' ')).not.toContain('secret');
  });

  it('a failure while cleaning names its cause, never "could not read"', () => {
    const overflow = (): number => overflow() + 1;
    let err: unknown;
    try {
      overflow();
    } catch (e) {
      err = e;
    }
    expect(cleanFailure(err)).toBe('cleaning failed: stack overflow (the page nests its elements too deeply)');
    const bad = { ...html('<p>x</p>'), id: '' };
    expect(() => cleanDocument(bad)).toThrow(CleanError);
    expect(() => cleanDocument(bad)).toThrow(/^cleaning failed: /);
  });
});
