// HTML in, main article text and page metadata out. Pure: the caller hands in
// the markup; nothing here reads files or the network.
//
// Main text: Mozilla Readability (run on a linkedom DOM, which is several
// times faster than jsdom and gives the same choices on real pages) picks the
// article container; our own block walker then turns that container into
// lines - one per paragraph, heading, list item or table row, with table cells
// joined by " | " - and drops what a reader would skip (captions, share and
// newsletter widgets, bylines, "Advertisement" and the like).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { toIsoDate } from './dates.ts';
import { boundDepth } from './depth.ts';

export interface HtmlLine {
  text: string;
  /** Offset in the HTML source where the line's first text was found, or -1. */
  sourceStart: number;
  /** Share of the line's characters that are link text. */
  linkDensity: number;
}

export interface HtmlExtraction {
  lines: HtmlLine[];
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  modifiedAt: string | null;
  author: string | null;
  /** Language the page declares (primary subtag, lower case), if any. */
  lang: string | null;
  warnings: string[];
}

const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'option',
  'title',
]);
const CELL_TAGS = new Set(['td', 'th']);
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'picture',
  'img',
  'figure',
  'figcaption',
  'button',
  'form',
  'input',
  'select',
  'textarea',
  'nav',
  'aside',
  'head',
  'link',
  'meta',
  'map',
  'math',
]);

// Class or id words of page furniture inside an article container.
const BOILER_CLASS = new RegExp(
  '(?:^|[\\s_-])(?:' +
    [
      'ads?',
      'advert\\w*',
      'sponsor\\w*',
      'promo\\w*',
      'share\\w*',
      'sharing',
      'social',
      'related',
      'newsletter\\w*',
      'subscri\\w*',
      'signup',
      'sign-up',
      'caption',
      'credits?',
      'byline\\w*',
      'author-?bio',
      'bio',
      'breadcrumbs?',
      'comments?',
      'toolbar',
      'tags?',
      'timestamp',
      'dateline',
      'hidden',
      'sr-only',
      'visually-hidden',
      'screen-reader\\w*',
      'modal',
      'popup',
      'cookie\\w*',
      'outbrain',
      'taboola',
      'recirc\\w*',
      'more-stories',
      'read-?more',
      'trending',
      'most-popular',
      'print',
      'disclaimer',
      'inline-?ad',
      'nav\\w*',
      'menu',
      'sidebar',
      'widget',
      'rail',
      'footer',
      'masthead',
      'tooltip',
      'popover',
      'rollover\\w*',
      'hovercard',
    ].join('|') +
    ')(?=$|[\\s_-])',
  'i',
);

export function primaryLang(tag: string | null | undefined): string | null {
  const m = /^\s*([a-z]{2,3})(?:[-_]|\s*$)/i.exec(tag ?? '');
  return m ? m[1].toLowerCase() : null;
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------- metadata

function metaContent(doc: Document, keys: string[]): string | null {
  const metas = doc.querySelectorAll('meta');
  for (const key of keys) {
    for (const m of metas) {
      const name = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
      if (name === key) {
        const v = collapse(m.getAttribute('content') ?? '');
        if (v) return v;
      }
    }
  }
  return null;
}

type Json = unknown;
const ARTICLE_TYPES = /^(?:\w*Article|BlogPosting|Report|WebPage|LiveBlogPosting|Posting|SocialMediaPosting|ScholarlyArticle)$/;

function jsonLdObjects(doc: Document): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  const visit = (v: Json, depth: number): void => {
    if (depth > 6 || v == null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const o = v as Record<string, Json>;
    out.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const raw = (s.textContent ?? '').trim();
    if (!raw) continue;
    try {
      visit(JSON.parse(raw), 0);
    } catch {
      // Many sites ship JSON-LD with stray control characters; try once more without them.
      try {
        visit(JSON.parse(raw.replace(/[\u0000-\u001f]+/g, ' ')), 0);
      } catch {
        /* unusable */
      }
    }
  }
  const isArticle = (o: Record<string, Json>): boolean => {
    const t = o['@type'];
    const types = Array.isArray(t) ? t : [t];
    return types.some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x));
  };
  // Articles first (news before generic web pages), other objects after.
  const rank = (o: Record<string, Json>): number => {
    if (!isArticle(o)) return 2;
    const t = JSON.stringify(o['@type']);
    return /WebPage/.test(t) ? 1 : 0;
  };
  return out.filter((o) => rank(o) < 2).sort((a, b) => rank(a) - rank(b));
}

function nameOf(v: Json): string | null {
  if (typeof v === 'string') return collapse(v) || null;
  if (Array.isArray(v)) {
    const names = v.map(nameOf).filter((x): x is string => !!x);
    return names.length ? names.join(', ') : null;
  }
  if (v && typeof v === 'object') return nameOf((v as Record<string, Json>).name);
  return null;
}

function absolute(href: string | null, base: string | null): string | null {
  if (!href) return null;
  try {
    return new URL(href, base ?? undefined).toString();
  } catch {
    return /^https?:\/\//i.test(href) ? href : null;
  }
}

function extractMetadata(doc: Document, baseUrl: string | null) {
  const ld = jsonLdObjects(doc);
  const ldField = (k: string): Json => ld.find((o) => o[k] != null && o[k] !== '')?.[k];

  const ogUrl = metaContent(doc, ['og:url']);
  const canonicalHref = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? null;
  const base = baseUrl ?? ogUrl ?? null;
  const ldUrl = ldField('url');
  const url = absolute(canonicalHref, base) ?? absolute(ogUrl, baseUrl) ?? (typeof ldUrl === 'string' ? absolute(ldUrl, base) : null) ?? baseUrl;

  const title =
    metaContent(doc, ['og:title', 'twitter:title']) ??
    nameOf(ldField('headline')) ??
    (collapse(doc.querySelector('title')?.textContent ?? '') || null) ??
    (collapse(doc.querySelector('h1')?.textContent ?? '') || null);

  // Publication date, most specific declaration first.
  const dateCandidates: Array<string | null> = [
    metaContent(doc, ['article:published_time']),
    nameOf(ldField('datePublished')),
    metaContent(doc, [
      'date',
      'pubdate',
      'publishdate',
      'publish-date',
      'publish_date',
      'published_time',
      'published-date',
      'dc.date.issued',
      'dcterms.issued',
      'dc.date',
      'dcterms.date',
      'dcterms.created',
      'citation_publication_date',
      'sailthru.date',
      'parsely-pub-date',
      'og:published_time',
      'datepublished',
      'article.published',
      'article:published',
    ]),
    doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime') ?? null,
    (doc.querySelector('time[pubdate]') ?? doc.querySelector('time[datetime]'))?.getAttribute('datetime') ?? null,
  ];
  let publishedAt: string | null = null;
  for (const c of dateCandidates) {
    publishedAt = toIsoDate(c);
    if (publishedAt) break;
  }
  const modifiedAt = toIsoDate(metaContent(doc, ['article:modified_time', 'og:updated_time', 'last-modified']) ?? nameOf(ldField('dateModified')));

  const metaAuthor = metaContent(doc, ['author', 'article:author', 'byl', 'parsely-author', 'sailthru.author', 'dc.creator']);
  let author = metaAuthor && !/^https?:\/\//.test(metaAuthor) ? metaAuthor.replace(/^by\s+/i, '') : null;
  author ??= nameOf(ldField('author'));
  author ??= collapse(doc.querySelector('[rel="author"], [itemprop="author"]')?.textContent ?? '') || null;

  const htmlLang = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang');
  const lang =
    primaryLang(htmlLang) ??
    primaryLang(metaContent(doc, ['content-language', 'og:locale', 'language'])) ??
    primaryLang(doc.querySelector('meta[http-equiv="content-language" i]')?.getAttribute('content')) ??
    primaryLang(nameOf(ldField('inLanguage')));

  return { url, title, publishedAt, modifiedAt, author, lang };
}

// ------------------------------------------------------------- main text

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/** Drops furniture elements inside the chosen article container. */
function pruneContainer(root: Element): void {
  const total = (root.textContent ?? '').length || 1;
  const doomed: Element[] = [];
  const walk = (el: Element): void => {
    for (const child of Array.from(el.children)) {
      const tag = child.localName;
      if (SKIP_TAGS.has(tag) || isHidden(child)) {
        doomed.push(child);
        continue;
      }
      const cls = `${child.getAttribute('class') ?? ''} ${child.getAttribute('id') ?? ''}`;
      if (cls.trim() && BOILER_CLASS.test(cls) && (child.textContent ?? '').length < total * 0.25) {
        doomed.push(child);
        continue;
      }
      walk(child);
    }
  };
  walk(root);
  for (const el of doomed) el.remove();
}

interface Acc {
  lines: HtmlLine[];
  cur: string;
  curStart: number;
  linkChars: number;
}

/** Turns a container into lines: one per block, cells joined by " | ". */
export function blockLines(root: Element, source: string): HtmlLine[] {
  const acc: Acc = { lines: [], cur: '', curStart: -1, linkChars: 0 };
  let searchFrom = 0;
  const flush = (): void => {
    const text = collapse(acc.cur);
    if (text && !/^[|\s]+$/.test(text)) {
      const linkDensity = Math.min(1, acc.linkChars / text.length);
      acc.lines.push({ text: text.replace(/^\|\s*|\s*\|$/g, ''), sourceStart: acc.curStart, linkDensity });
    }
    acc.cur = '';
    acc.curStart = -1;
    acc.linkChars = 0;
  };
  const locate = (data: string): number => {
    // Best effort: where this text node sits in the source (entities may defeat it).
    const probe = data.trim().slice(0, 24);
    if (probe.length < 4) return -1;
    const at = source.indexOf(probe, searchFrom);
    if (at >= 0) searchFrom = at + probe.length;
    return at;
  };
  const visit = (node: Node, inLink: boolean): void => {
    if (node.nodeType === 3) {
      const data = (node as Text).data;
      if (!data) return;
      if (acc.curStart < 0 && data.trim()) acc.curStart = locate(data);
      acc.cur += data;
      if (inLink) acc.linkChars += collapse(data).length;
      return;
    }
    if (node.nodeType !== 1) return;
    const el = node as Element;
    const tag = el.localName;
    if (SKIP_TAGS.has(tag)) return;
    if (tag === 'br') {
      flush();
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (CELL_TAGS.has(tag) && acc.cur.trim()) acc.cur += ' | ';
    else if (CELL_TAGS.has(tag)) acc.cur += ' ';
    if (tag === 'pre') {
      flush();
      for (const part of (el.textContent ?? '').split('\n')) {
        acc.cur = part;
        flush();
      }
      return;
    }
    const link = inLink || tag === 'a';
    for (const child of Array.from(el.childNodes)) visit(child, link);
    if (CELL_TAGS.has(tag)) acc.cur += ' ';
    if (block) flush();
  };
  visit(root, false);
  flush();
  return acc.lines;
}

function sameText(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return norm(a) === norm(b) && norm(a).length > 0;
}

/**
 * Nesting deeper than this is cut: Readability's cost grows with the cube of
 * the depth (1,000 nested <div>s took 5 s, 4,000 took 194 s and overflowed
 * the stack) and the walkers here recurse. Real pages nest a few dozen levels;
 * browsers stop nesting at 512 (Blink).
 */
export const MAX_DEPTH = 48;
/** Subtrees at most this tall below MAX_DEPTH are kept as they are. */
export const KEEP_HEIGHT = 16;

/**
 * Bounds the element depth of a tree, keeping all of its text in order:
 * below MAX_DEPTH, each element taller than KEEP_HEIGHT gives up its
 * nesting and each run of its other children is wrapped in a shallow copy of
 * it (same tag and attributes, so block breaks, hidden and furniture classes
 * still apply), placed side by side under the element at MAX_DEPTH. Iterative
 * throughout (no recursion to overflow). Returns how deep the tree went.
 */
export function flattenDeep(root: Element): number {
  // Heights, post-order, with an explicit stack.
  const height = new Map<Element, number>();
  let deepest = 0;
  const post: Array<[Element, number, boolean]> = [[root, 0, false]];
  while (post.length) {
    const [el, depth, done] = post.pop()!;
    if (done) {
      let h = 0;
      for (const c of Array.from(el.children)) h = Math.max(h, (height.get(c) ?? 0) + 1);
      height.set(el, h);
      continue;
    }
    if (depth > deepest) deepest = depth;
    post.push([el, depth, true]);
    for (const c of Array.from(el.children)) post.push([c, depth + 1, false]);
  }
  if (deepest <= MAX_DEPTH + KEEP_HEIGHT) return deepest;
  // The elements at MAX_DEPTH with too tall a subtree.
  const cut: Element[] = [];
  const walk: Array<[Element, number]> = [[root, 0]];
  while (walk.length) {
    const [el, depth] = walk.pop()!;
    if ((height.get(el) ?? 0) <= KEEP_HEIGHT) continue;
    if (depth === MAX_DEPTH) {
      cut.push(el);
      continue;
    }
    for (const c of Array.from(el.children)) walk.push([c, depth + 1]);
  }
  for (const top of cut) {
    const out: Node[] = [];
    type Frame = { el: Element; kids: Node[]; i: number; group: Element | null };
    const frames: Frame[] = [{ el: top, kids: Array.from(top.childNodes), i: 0, group: null }];
    while (frames.length) {
      const f = frames[frames.length - 1]!;
      if (f.i >= f.kids.length) {
        frames.pop();
        // Content after a tall child starts a new copy of its parent.
        if (frames.length) frames[frames.length - 1]!.group = null;
        continue;
      }
      const c = f.kids[f.i++]!;
      if (c.nodeType === 1 && (height.get(c as Element) ?? 0) > KEEP_HEIGHT) {
        frames.push({ el: c as Element, kids: Array.from(c.childNodes), i: 0, group: null });
        continue;
      }
      if (f.el === top) {
        out.push(c);
        continue;
      }
      if (!f.group) {
        f.group = f.el.cloneNode(false) as Element;
        out.push(f.group);
      }
      f.group.appendChild(c);
    }
    for (const c of Array.from(top.childNodes)) top.removeChild(c);
    for (const c of out) top.appendChild(c);
  }
  return deepest;
}

/** linkedom builds a proper tree only from a whole document: wrap fragments. */
function wrapDocument(html: string): string {
  const head = html.slice(0, 65536);
  if (/<html[\s>]/i.test(head)) return html;
  return /<body[\s>]/i.test(head) ? `<html>${html}</html>` : `<html><head></head><body>${html}</body></html>`;
}

/**
 * The page's markup with its nesting bounded: a page nesting deeper than
 * MAX_PARSE_DEPTH loses its tags below MAX_DEPTH from the markup itself
 * (depth.ts: parsing it would take time quadratic in the depth), any other is
 * flattened in its DOM below MAX_DEPTH (flattenDeep). `depth` is how deep the
 * page nests when it was cut (else the DOM says, as before the cut existed).
 */
function boundedMarkup(html: string): { markup: string; depth: number; cut: boolean } {
  const { html: markup, depth, cut } = boundDepth(wrapDocument(html), { block: BLOCK_TAGS, cell: CELL_TAGS, skip: SKIP_TAGS }, MAX_DEPTH);
  return { markup, depth: cut ? depth : 0, cut };
}

function parseDocument(markup: string, depth: number): { document: Document; depth: number } {
  const { document } = parseHTML(markup);
  const domDepth = document.documentElement ? flattenDeep(document.documentElement) : 0;
  return { document, depth: Math.max(depth, domDepth) };
}

export function extractHtml(html: string, opts: { url?: string | null } = {}): HtmlExtraction {
  const warnings: string[] = [];
  const bounded = boundedMarkup(html);
  const { document, depth } = parseDocument(bounded.markup, bounded.depth);
  if (depth > MAX_DEPTH + KEEP_HEIGHT) warnings.push(`the page nests elements ${depth} levels deep; flattened below level ${MAX_DEPTH}, text kept`);
  const meta = extractMetadata(document, opts.url ?? null);

  let root: Element | null = null;
  let byline: string | null = null;
  // A page cut in depth.ts is no article layout: its text is all in one
  // element, and Readability would keep that element and drop the text of
  // the levels around it. The whole body is read instead, text kept.
  if (bounded.cut) root = document.body ?? document.documentElement;
  else
    try {
      const article = new Readability<Element>(document, { keepClasses: true, serializer: (el) => el as Element }).parse();
      root = article?.content ?? null;
      byline = article?.byline ? collapse(article.byline) : null;
    } catch (err) {
      warnings.push(`readability failed: ${(err as Error).message}`);
    }
  if (!bounded.cut && (!root || collapse(root.textContent ?? '').length < 140)) {
    // Not an article page (or a snippet): the whole body without its furniture.
    const fresh = parseDocument(bounded.markup, bounded.depth).document;
    root = fresh.body ?? fresh.documentElement;
    if (root && collapse(root.textContent ?? '').length > 1000) warnings.push('no article container found; using the whole page body');
  }
  if (!root) return { lines: [], ...meta, author: meta.author ?? byline, warnings: [...warnings, 'no text in HTML'] };
  pruneContainer(root);
  let lines = blockLines(root, html);
  // Short lines repeated on the page are widgets ("Share Tweet Email" under every item).
  const counts = new Map<string, number>();
  for (const l of lines) if (l.text.length < 80) counts.set(l.text, (counts.get(l.text) ?? 0) + 1);
  lines = lines.filter((l, i) => {
    if (i < 6 && meta.title && sameText(l.text, meta.title)) return false;
    if ((counts.get(l.text) ?? 0) >= 3 && l.linkDensity >= 0.5) return false;
    // Link-only lines: related-story lists, navigation, "Get it on Amazon".
    if (l.linkDensity >= 0.9 && l.text.length < 120 && !/\p{L}{2,}[.!?]["'”’)]?$/u.test(l.text)) return false;
    return true;
  });
  const author = meta.author ?? (byline ? byline.replace(/^by\s+/i, '') : null);
  return { lines, ...meta, author, warnings };
}
