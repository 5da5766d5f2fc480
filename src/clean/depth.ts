// Nesting deeper than any real page is cut from the markup before a DOM is
// built from it, so that parsing a page takes time linear in its size.
//
// htmlparser2 (linkedom's parser) keeps its stack of open elements innermost
// first and maintains it with Array#unshift and #shift, which move the whole
// stack: every tag costs O(depth), a page nested n levels deep O(n^2) (50,000
// nested <div>s took 4 s to clean, 100,000 25 s, 200,000 104 s, nearly all of
// it in the parser; upstream: fb55/htmlparser2#2481, not released). So every
// page is first read with the same parser, its stack swapped for one that
// costs O(1) per tag (TopFirstStack), which tells exactly which elements the
// DOM would have and how deep each sits. A page nesting deeper than
// MAX_PARSE_DEPTH (Blink stops nesting at 512 too) then loses the tags of its
// elements below the level where the DOM would be flattened anyway (html.ts,
// MAX_DEPTH): a block element's become a <br>, so its text stays a line of its
// own, and the text stays in order in the element at that level, where the
// flattened DOM would have put it. Elements whose text cleaning drops anyway
// (scripts, styles, hidden ones and the rest of SKIP_TAGS) are dropped whole
// there, and so are the raw-text ones (title, textarea, xmp), whose content
// would otherwise be parsed as markup. Pages that nest no deeper than
// MAX_PARSE_DEPTH come back unchanged, the same string (and the DOM is
// flattened as before).
import { Parser } from 'htmlparser2';

/** Elements deeper than this lose their tags (not their text) before the DOM is built. */
export const MAX_PARSE_DEPTH = 512;

/**
 * The parser's stack interface (`[0]` is the innermost open element,
 * unshift/shift push and pop it, indexOf counts from it), stored outermost
 * first so each of those is O(1); indexOf of a name not open is O(1) too
 * (a count per name), so stray close tags cost nothing at depth.
 */
class TopFirstStack<T> {
  private readonly items: T[] = [];
  private readonly counts = new Map<T, number>();

  constructor(initial: T[] = []) {
    for (let i = initial.length - 1; i >= 0; i--) this.unshift(initial[i]!);
  }
  get length(): number {
    return this.items.length;
  }
  set length(n: number) {
    while (this.items.length > n) this.shift();
  }
  get 0(): T | undefined {
    return this.items[this.items.length - 1];
  }
  unshift(x: T): number {
    this.items.push(x);
    this.counts.set(x, (this.counts.get(x) ?? 0) + 1);
    return this.items.length;
  }
  shift(): T | undefined {
    const x = this.items.pop();
    if (x !== undefined) {
      const n = (this.counts.get(x) ?? 1) - 1;
      if (n) this.counts.set(x, n);
      else this.counts.delete(x);
    }
    return x;
  }
  indexOf(x: T): number {
    if (!this.counts.has(x)) return -1;
    return this.items.length - 1 - this.items.lastIndexOf(x);
  }
  /** Innermost first. */
  *topFirst(): Generator<T> {
    for (let i = this.items.length - 1; i >= 0; i--) yield this.items[i]!;
  }
}

type Handler = ConstructorParameters<typeof Parser>[0];
interface ParserState {
  stack: unknown;
  foreignContext: unknown;
  cbs: { onclosetag?: (name: string, implied: boolean) => void; onend?: () => void };
}

/** htmlparser2's Parser with O(1) stack operations: the same events in the same order. */
export class LinearParser extends Parser {
  constructor(cbs: Handler) {
    super(cbs, { decodeEntities: true, lowerCaseAttributeNames: false });
    const self = this as unknown as ParserState;
    self.stack = new TopFirstStack<string>();
    self.foreignContext = new TopFirstStack<boolean>([false]);
  }
  override onend(): void {
    const self = this as unknown as ParserState & { stack: TopFirstStack<string> };
    if (self.cbs.onclosetag) {
      this.endIndex = this.startIndex;
      for (const name of self.stack.topFirst()) self.cbs.onclosetag(name, true);
    }
    self.cbs.onend?.();
  }
}

/** Tags of blocks (a line break where they start and end); the rest are inline. Kept in step with html.ts. */
export interface CutRules {
  block: ReadonlySet<string>;
  cell: ReadonlySet<string>;
  /** Elements cleaning drops with their content. */
  skip: ReadonlySet<string>;
}

const BREAK = '<br>';
/** Elements with no content: they add no depth below them and are never cut. */
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT = new Set(['title', 'textarea', 'xmp', 'script', 'style']);

function hiddenAttrs(a: Record<string, string>): boolean {
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  const style = a.style;
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export interface DepthBound {
  /** The markup to build the DOM from: `html` itself when nothing was cut. */
  html: string;
  /** How deep the page nests (the root element at 0). */
  depth: number;
  /** Whether elements were cut. */
  cut: boolean;
}

/**
 * When the page nests deeper than `limit`, cuts the tags of its elements
 * nested deeper than `cutAt` (see the top of this file). Linear in the length
 * of `html`.
 */
export function boundDepth(html: string, rules: CutRules, cutAt: number, limit = MAX_PARSE_DEPTH): DepthBound {
  // One entry per open element: whether it is cut, and whether cleaning drops it whole.
  const open: Array<{ cut: boolean; drop: boolean }> = [];
  let dropping = 0; // open elements, cut and dropped whole, that contain the current token
  let maxDepth = 0;
  let cut = false;
  // Edits in source order: [start, end, replacement].
  const edits: Array<[number, number, string]> = [];
  let lastBreakEnd = -1;
  const edit = (start: number, end: number, by: string): void => {
    const last = edits[edits.length - 1];
    if (last && start < last[1]) return; // the same tag twice (an implied <p> from a stray </p>)
    if (by === BREAK) {
      // A run of block tags with nothing but white space between them is one break.
      if (lastBreakEnd >= 0 && !/\S/.test(html.slice(lastBreakEnd, start))) by = '';
      lastBreakEnd = end;
    } else if (lastBreakEnd === start) lastBreakEnd = end;
    edits.push([start, end, by]);
  };
  const replacement = (name: string): string => (rules.block.has(name) ? BREAK : rules.cell.has(name) ? ' ' : '');

  const parser: LinearParser = new LinearParser({
    onopentag(name, attribs) {
      const level = open.length; // the root element at 0
      if (level > maxDepth) maxDepth = level;
      const isCut = level > cutAt && (dropping > 0 || !VOID.has(name));
      const drop = isCut && (dropping > 0 || rules.skip.has(name) || RAW_TEXT.has(name) || hiddenAttrs(attribs));
      open.push({ cut: isCut, drop });
      if (!isCut) return;
      cut = true;
      if (drop) dropping++;
      edit(parser.startIndex, parser.endIndex + 1, drop ? '' : replacement(name));
    },
    onclosetag(name, implied) {
      const el = open.pop();
      if (!el?.cut) return;
      if (!implied) edit(parser.startIndex, parser.endIndex + 1, el.drop ? '' : replacement(name));
      if (el.drop) dropping--;
    },
    ontext() {
      if (dropping > 0) edit(parser.startIndex, parser.endIndex + 1, '');
    },
  });
  parser.end(html);
  if (!cut || maxDepth <= limit) return { html, depth: maxDepth, cut: false };
  const parts: string[] = [];
  let at = 0;
  for (const [start, end, by] of edits) {
    parts.push(html.slice(at, start), by);
    at = end;
  }
  parts.push(html.slice(at));
  return { html: parts.join(''), depth: maxDepth, cut };
}
