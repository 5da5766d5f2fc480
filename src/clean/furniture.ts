// Site furniture recognised line by line, for every input format: navigation
// leftovers, share and subscribe prompts, cookie banners, bylines, a page's own
// date line, and the status panels some wikis put above the text. Generic
// shapes only - no rule names a particular site.
import { parseTextDate } from './dates.ts';

/** Lower case, letters, digits and single spaces only. */
export function bare(line: string): string {
  return line
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const EXACT = new Set([
  'advertisement',
  'advertisements',
  'advertising',
  'ad',
  'ads',
  'sponsored',
  'sponsored content',
  'paid content',
  'story continues below',
  'story continues below advertisement',
  'article continues below advertisement',
  'article continues below',
  'continue reading',
  'continue reading below',
  'continue reading the main story',
  'read more',
  'read more below',
  'see more',
  'show more',
  'load more',
  'view more',
  'more',
  'related',
  'related articles',
  'related stories',
  'related content',
  'related coverage',
  'related news',
  'related posts',
  'related topics',
  'share',
  'share this',
  'share this article',
  'share this story',
  'share this post',
  'share on facebook',
  'share on twitter',
  'share on linkedin',
  'share via email',
  'share article',
  'tweet',
  'email',
  'e mail',
  'print',
  'comments',
  'comment',
  'leave a comment',
  'leave a reply',
  'sign in',
  'log in',
  'login',
  'sign up',
  'register',
  'subscribe',
  'subscribe now',
  'caption',
  'close',
  'image',
  'photo',
  'video',
  'play video',
  'watch',
  'loading',
  'skip to content',
  'skip to main content',
  'skip navigation',
  'jump to content',
  'back to top',
  'table of contents',
  'contents',
  'menu',
  'search',
  'home',
  'next',
  'previous',
  'next article',
  'previous article',
  'follow us',
  'click here',
  'recommended',
  'recommended for you',
  'you may also like',
  'you might also like',
  'most popular',
  'most read',
  'trending',
  'trending now',
  'getty images',
  'image copyright',
  'media caption',
  'image caption',
  'listen to this article',
  'hide caption',
  'toggle caption',
  'enlarge this image',
  'published',
  'updated',
  'posted',
  'share this page',
  'newsletter',
  'newsletters',
  'follow',
  'open in app',
  'accept',
  'accept all',
  'accept cookies',
  'reject all',
  'manage preferences',
  'cookie settings',
  'got it',
  'facebook',
  'twitter',
  'linkedin',
  'whatsapp',
  'reddit',
  'pinterest',
  'copy link',
  'link copied',
  'view comments',
  'show comments',
  'hide comments',
  'top stories',
  'latest news',
  'more stories',
  'more news',
  'page status',
  'on this page',
  'in this article',
  'jump to',
  'audio',
  'gallery',
  'view gallery',
  'expand',
  'collapse',
  'read full article',
  'read the full story',
  'full story',
  'topics',
  'tags',
  'categories',
  'filed under',
  'share story',
  'save',
  'save article',
  'saved',
  'bookmark',
  'reprints',
  'permissions',
]);

const PREFIX = new RegExp(
  '^(?:' +
    [
      '(?:photo|image|picture|photograph|illustration|graphic|video|file photo|credit|source|photos?\\s+credit)s?\\s*(?:credit)?\\s*[:|/]',
      '\\(?(?:photo|image|picture|photograph)s?\\s*(?:by|courtesy|credit)\\b',
      '(?:read|see)\\s+(?:more|also)\\s*[:|>»]',
      'related\\s*(?:articles?|stories|coverage|content|reading|links?)?\\s*[:|>»]',
      'also\\s+read\\s*[:|>»]',
      'must\\s+read\\s*[:|>»]',
      "don'?t\\s+miss\\s*[:|>»]",
      'more\\s*[:|>»]',
      'recommended\\s*[:|>»]',
      'sponsored\\s*[:|>»]',
      'watch\\s*[:|>»]',
      'listen\\s*[:|>»]',
      'advertisement\\s*[:|>»-]',
      '(?:click|tap)\\s+here\\b',
      'share\\s+(?:this|on|via|to)\\b',
      'follow\\s+(?:us|me)\\s+on\\b',
      'sign\\s+up\\s+(?:for|to|now|here)\\b',
      'subscribe\\s+(?:to|now|for|here|today)\\b',
      'get\\s+our\\s+\\w+\\s+newsletter',
      '(?:copyright\\s*)?(?:©|ⓒ|\\(c\\)(?=\\s*\\d{4}))\\s*(?:copyright\\s*)?(?:\\d{4}|[a-z])',
      'all\\s+rights\\s+reserved',
      'this\\s+(?:article|story|content)\\s+(?:is|was)\\s+(?:only\\s+)?available\\s+to\\s+subscribers',
      'we\\s+use\\s+cookies\\b',
      'this\\s+(?:site|website)\\s+uses\\s+cookies\\b',
      'by\\s+(?:continuing|using)\\s+(?:to\\s+use\\s+)?this\\s+(?:site|website)',
      'skip\\s+to\\s+(?:main\\s+)?content',
      'section\\s+titled\\b',
      'page\\s+type\\s*:',
      'filed\\s+under\\s*:',
      'posted\\s+in\\s*:?\\s',
      'tags?\\s*:',
      'categor(?:y|ies)\\s*:',
      'topics?\\s*:',
    ].join('|') +
    ')',
  'iu',
);

/** Words of a subscribe / newsletter / follow prompt. */
const PROMPT = /\b(?:subscrib\w*|newsletters?|news letter|sign(?:ing)? up|inbox|follow us|unsubscribe)\b/i;

/** True when a whole line is furniture a reader skips. */
export function isFurnitureLine(line: string): boolean {
  const t = line.trim();
  if (!t) return false;
  const b = bare(t);
  if (!b) return t.length < 40; // emoji, separators, stray punctuation
  if (EXACT.has(b)) return true;
  if (t.length <= 160 && PREFIX.test(t.replace(/^[^\p{L}\p{N}(©]+/u, ''))) return true;
  // "5 min read", "1,234 views", "12 comments" status strips.
  if (t.length <= 100 && /\b\d[\d,.]*\s*(?:min(?:ute)?s?\s+read|views?|comments?|shares?|reads?)\b/i.test(t) && b.split(' ').length <= 12 && !/[.!?]$/.test(t))
    return true;
  if (
    t.length <= 200 &&
    PROMPT.test(t) &&
    !/[.!?]["')\]]?\s+\S/.test(t) &&
    (/^(?:sign|subscribe|get|join|follow|keep up|stay|never miss|don'?t miss|want|like|enter|register)\b/i.test(t) ||
      /\b(?:our|your|newsletters?|news letter)\b/i.test(t))
  )
    return true;
  // Relative or time-only date stamps: "Published 1 day ago", "Updated at 1:23 p.m.".
  if (
    t.length <= 60 &&
    /^\(?(?:published|updated|posted|last updated|edited)\b/i.test(t) &&
    /(?:\bago|\btoday|\byesterday|\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)\)?$/i.test(t)
  )
    return true;
  if (t.length <= 120 && /\bclick(?:ing)?\s+here\b/i.test(t) && !/[.!?]\s+\S/.test(t)) return true;
  // Copyright lines.
  if (t.length <= 200 && /(?:©|ⓒ|\(c\)\s*\d{4}|\bcopyright\b\s*\d{4}|all rights reserved)/i.test(t)) return true;
  // Cookie banners.
  if (t.length <= 400 && /\bcookies?\b/i.test(t) && /\b(?:accept|consent|privacy|preferences|we use|this site uses)\b/i.test(t)) return true;
  return false;
}

const CONNECTORS = new Set(['and', '&', 'de', 'da', 'di', 'del', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'bin', 'al', 'y', 'e']);

/** "By Jane Doe", "Written by Jane Doe and John Roe | Staff", "Author: ...". Returns the name(s) or null. */
export function bylineName(line: string): string | null {
  const t = line.trim();
  if (t.length > 100) return null;
  const m =
    /^(?:[Bb][Yy]|BY|[Ww]ritten [Bb]y|[Ww]ords [Bb]y|[Ss]tory [Bb]y|[Rr]eport(?:ed|ing) [Bb]y|[Pp]osted [Bb]y|[Aa]uthor(?:s|\(s\))?\s*:)\s*:?\s+(.+)$/.exec(t);
  if (!m) return null;
  const rest = m[1];
  const cut = rest.search(/\s*(?:[,|•·—–]|\s-\s|\bon\b|\bposted\b|\bpublished\b|\bupdated\b)/i);
  const names = (cut >= 0 ? rest.slice(0, cut) : rest).trim();
  const tail = cut >= 0 ? rest.slice(cut) : '';
  if (tail.length > 70) return null;
  const words = names.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 7) return null;
  if (!words.every((w) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w) || CONNECTORS.has(w.toLowerCase()))) return null;
  if (!/^\p{Lu}/u.test(words[0]) || CONNECTORS.has(words[words.length - 1].toLowerCase())) return null;
  return names;
}

export function isBylineLine(line: string): boolean {
  return bylineName(line) !== null;
}

const DATE_LABEL =
  /^(?:(first\s+)?(?:posted|published|publication date|date published|released|date)|(?:last\s+)?(?:updated|edited|modified|revised|reviewed)|created|issued)\b(?:\s+(?:on|at))?\s*:?\s*/i;

export interface DateLine {
  iso: string;
  kind: 'published' | 'updated' | 'plain';
}

/**
 * A line that only states the page's date: "Posted on 04/19/2024",
 * "Published 21 May 2024", "Last edited: 2025-12-28 (5 weeks ago)", or a bare
 * date. Null for anything else, including sentences that mention a date.
 */
export function dateLine(line: string): DateLine | null {
  const t = line.trim().replace(/^[^\p{L}\p{N}]+/u, '');
  if (t.length < 4 || t.length > 90 || !/\d/.test(t)) return null;
  const label = DATE_LABEL.exec(t);
  // Unlabelled, the line starts with the date (or its weekday) and ends without a continuation mark.
  if (!label && !/^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s|$))/iu.test(t))
    return null;
  if (/[-—–:;,]$/.test(t)) return null;
  const rest = label ? t.slice(label[0].length) : t;
  const found = parseTextDate(rest);
  if (!found) return null;
  // Without a label the date (with its time and weekday) must be nearly the whole line.
  const leftover = (rest.slice(0, found.index) + ' ' + rest.slice(found.index + found.length))
    .replace(/\b[A-Z]{2,4}\b/g, ' ')
    .replace(/\b(?:at|on|am|pm|a\.m|p\.m|\d{1,2}:\d{2}(?::\d{2})?|(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?)\b\.?/gi, ' ');
  const left = bare(leftover);
  const words = left ? left.split(' ').length : 0;
  if (!label && left.length > 12) return null;
  if (label && words > 6) return null;
  const word = label?.[0].toLowerCase() ?? '';
  const kind: DateLine['kind'] = /updated|edited|modified|revised|reviewed/.test(word) ? 'updated' : label ? 'published' : 'plain';
  return { iso: found.iso, kind };
}

export function isDateLine(line: string): boolean {
  return dateLine(line) !== null;
}
