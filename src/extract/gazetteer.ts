// Finds every occurrence of a set of names in a text, longest match first.
// Token-based, so "US" never matches inside "USA" or "Meta" inside "metadata".
export interface GazetteerForm<T> {
  surface: string;
  value: T;
  /** Short names and acronyms match only as written; long names ignore case. */
  caseSensitive: boolean;
}

export interface GazetteerHit<T> {
  start: number;
  end: number;
  text: string;
  value: T;
}

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}
interface CompiledForm<T> {
  tokens: string[];
  gaps: boolean[];
  form: GazetteerForm<T>;
  capitalized: boolean[];
}

const TOKEN_RE = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    out.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

export function defaultCaseSensitivity(surface: string): boolean {
  return surface.trim().split(/\s+/).length < 3;
}

export class Gazetteer<T> {
  private readonly index = new Map<string, CompiledForm<T>[]>();

  constructor(forms: Iterable<GazetteerForm<T>>) {
    for (const form of forms) this.add(form);
  }

  add(form: GazetteerForm<T>): void {
    const toks = tokenize(form.surface);
    if (!toks.length) return;
    const tokens = toks.map((t) => (form.caseSensitive ? t.text : t.lower));
    const gaps = toks.map((t, i) => i > 0 && t.start > toks[i - 1]!.end);
    const key = toks[0]!.lower;
    const list = this.index.get(key) ?? [];
    list.push({ tokens, gaps, form, capitalized: toks.map((t) => /^\p{Lu}/u.test(t.text)) });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.index.set(key, list);
  }

  /** Non-overlapping hits, leftmost-longest. */
  find(text: string, tokens: Token[] = tokenize(text)): GazetteerHit<T>[] {
    const hits: GazetteerHit<T>[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.index.get(tokens[i]!.lower);
      if (!candidates) continue;
      for (const c of candidates) {
        if (matchesAt(text, tokens, i, c)) {
          const end = tokens[i + c.tokens.length - 1]!.end;
          // "US$400m", "HK$2bn": a currency, not the country.
          if (text[end] === '$') break;
          hits.push({ start: tokens[i]!.start, end, text: text.slice(tokens[i]!.start, end), value: c.form.value });
          i += c.tokens.length - 1;
          break;
        }
      }
    }
    return hits;
  }

  /**
   * Matching inside glued text ("AnthropicUSRSP (2023)YesHigh", a table whose
   * cells lost their separators): a name may start where a capital follows a
   * lower-case letter and must not run into a lower-case letter.
   */
  findGlued(text: string, forms: GazetteerForm<T>[]): GazetteerHit<T>[] {
    const sorted = [...forms].filter((f) => f.surface.length >= 2).sort((a, b) => b.surface.length - a.surface.length);
    const byFirst = new Map<string, GazetteerForm<T>[]>();
    for (const f of sorted) {
      const k = f.surface[0]!.toLowerCase();
      const l = byFirst.get(k) ?? [];
      l.push(f);
      byFirst.set(k, l);
    }
    const hits: GazetteerHit<T>[] = [];
    let lastEnd = 0;
    for (let p = 0; p < text.length; p++) {
      const prev = p > 0 ? text[p - 1]! : ' ';
      const startOk = p === lastEnd || !/[\p{L}\p{N}]/u.test(prev) || (/[\p{Ll}\p{N})%+]/u.test(prev) && /\p{Lu}/u.test(text[p]!));
      if (!startOk) continue;
      for (const f of byFirst.get(text[p]!.toLowerCase()) ?? []) {
        const seg = text.slice(p, p + f.surface.length);
        if (f.caseSensitive ? seg !== f.surface : seg.toLowerCase() !== f.surface.toLowerCase()) continue;
        const next = text[p + f.surface.length] ?? ' ';
        if (/\p{Ll}/u.test(next) || (/\p{N}/u.test(next) && /\p{N}/u.test(seg.at(-1)!))) continue;
        hits.push({ start: p, end: p + f.surface.length, text: seg, value: f.value });
        lastEnd = p + f.surface.length;
        p = lastEnd - 1;
        break;
      }
    }
    return hits;
  }
}

function matchesAt<T>(text: string, tokens: Token[], i: number, c: CompiledForm<T>): boolean {
  if (i + c.tokens.length > tokens.length) return false;
  for (let k = 0; k < c.tokens.length; k++) {
    const t = tokens[i + k]!;
    if ((c.form.caseSensitive ? t.text : t.lower) !== c.tokens[k]) return false;
    // Ignoring case stops at capitals: "AI safety commitments" and "a partnership on AI" are no names,
    // "AI Safety Commitments" and "Partnership on AI" are; a name may be capitalized more than its form.
    // Past its first three words a long official name may lose a capital ("... and the Rule of law").
    if (!c.form.caseSensitive && c.capitalized[k] && !/^[\p{Lu}\p{N}]/u.test(t.text) && !(c.tokens.length >= 5 && k >= 3)) return false;
    if (k > 0) {
      const between = text.slice(tokens[i + k - 1]!.end, t.start);
      if (c.gaps[k] ? !/^[ \t]+$/.test(between) && !/^ ?[-‐‑–] ?$/.test(between) : between !== '') return false;
    }
  }
  return true;
}
