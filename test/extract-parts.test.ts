// Long documents are extracted part by part (src/extract/parts.ts), so the
// work on a document is bounded per part and grows with the number of parts.
// These tests assert the bound and the reassembly, not speed (the growth in
// seconds at 1, 2, 4 and 8 MB is in `npm run bench`, bench/long-docs.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cleanDocument } from '../src/clean/index.ts';
import { extractDocument } from '../src/extract/index.ts';
import { contextStart, extractInParts, MAX_PART_CHARS, OVERLAP_CHARS, splitParts } from '../src/extract/parts.ts';
import type { CleanDocument, DocumentExtraction } from '../src/model/schemas.ts';

const SEED = readFileSync(new URL('../seeds/001_caaeddccf0bc4245.txt', import.meta.url), 'utf8');
const SENTENCES = [
  'OpenAI and the Korea Artificial Intelligence Safety Institute (K-AISI) signed a memorandum of understanding on 3 May 2025.',
  'The UK AI Safety Institute will work with the European Commission and the OECD on the Hiroshima Process.',
  'Google DeepMind, Anthropic and Microsoft attended the AI Seoul Summit in Seoul.',
];

/** `text` repeated to at least `chars` characters, joined by `sep`. */
function repeat(text: string, chars: number, sep: string): string {
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    out.push(text);
    n += text.length + sep.length;
  }
  return out.join(sep);
}

function clean(body: string, id = 'long.txt'): CleanDocument {
  return cleanDocument({ id, source: id, format: 'text', body, publishedAt: '2025-06-01' });
}

/** Every offset of an extraction points at the text it claims to. */
function expectOffsetsRight(x: DocumentExtraction): void {
  const text = x.document.text;
  for (const e of x.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  for (const r of x.relations) expect(text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.sentence);
}

describe('long documents are cut into bounded parts', () => {
  it('a 5 MB single line: parts of at most MAX_PART_CHARS, cut at sentence ends, covering the text once', () => {
    const text = repeat(SENTENCES.join(' '), 5 * 1024 * 1024, ' ');
    const parts = splitParts(text);
    expect(parts[0]![0]).toBe(0);
    expect(parts.at(-1)![1]).toBe(text.length);
    for (let i = 0; i < parts.length; i++) {
      const [start, end] = parts[i]!;
      expect(end - start).toBeGreaterThan(0);
      expect(end - start).toBeLessThanOrEqual(MAX_PART_CHARS);
      if (i > 0) expect(start).toBe(parts[i - 1]![1]);
      if (i < parts.length - 1) expect(text.slice(start, end)).toMatch(/[.!?]\s+$/);
    }
    // Each cut is past the middle of its part: the number of parts is at most twice the minimum.
    expect(parts.length).toBeLessThanOrEqual(Math.ceil((2 * text.length) / MAX_PART_CHARS));
  });

  it('the number of parts, and so the work, grows in proportion to the size (4 MB vs 1 MB: about 4x)', () => {
    const line = SENTENCES.join(' ');
    const paragraphs = SENTENCES.join('\n\n');
    for (const [unit, sep] of [
      [line, ' '],
      [paragraphs, '\n\n'],
      [SEED, '\n\n'],
    ] as const) {
      const one = splitParts(repeat(unit, 1024 * 1024, sep)).length;
      const four = splitParts(repeat(unit, 4 * 1024 * 1024, sep)).length;
      expect(four / one).toBeGreaterThan(3.5);
      expect(four / one).toBeLessThan(4.5);
    }
  });

  it('prefers a blank line, then a line break; text without spaces is cut anywhere but inside a character', () => {
    const paras = repeat('A paragraph of words. Another sentence here.', 10_000, '\n\n');
    for (const [start, end] of splitParts(paras, 1000).slice(0, -1)) expect(paras.slice(start, end)).toMatch(/\n\n$/);
    const lines = repeat('A line of words. Another sentence here.', 10_000, '\n');
    for (const [start, end] of splitParts(lines, 1000).slice(0, -1)) expect(lines.slice(start, end)).toMatch(/\n$/);
    const emoji = '😀'.repeat(5000); // surrogate pairs, no space anywhere
    const parts = splitParts(emoji, 999);
    expect(parts.map(([s, e]) => emoji.slice(s, e)).join('')).toBe(emoji);
    for (const [start, end] of parts) {
      expect(end - start).toBeLessThanOrEqual(999);
      expect(emoji.slice(start, end)).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    }
  });

  it('never cuts inside a sentence of a text wrapped by hand: a line break is a cut only after a sentence end', () => {
    const wrapped = repeat(
      'The UK AI Safety Institute and the US AI Safety\nInstitute signed a memorandum of understanding in\nWashington on 1 April 2024. Both will share\nevaluations of frontier models.',
      20_000,
      '\n',
    );
    const parts = splitParts(wrapped, 1000);
    expect(parts.length).toBeGreaterThan(20);
    for (const [start, end] of parts.slice(0, -1)) expect(wrapped.slice(start, end)).toMatch(/\.\n$/);
  });

  it('each part after the first is read with whole paragraphs, else sentences, of up to OVERLAP_CHARS before it', () => {
    const paras = repeat('A paragraph of words. Another sentence here.', 3 * OVERLAP_CHARS, '\n\n');
    const cut = paras.indexOf('\n\n', 2 * OVERLAP_CHARS) + 2;
    const ctx = contextStart(paras, cut);
    expect(cut - ctx).toBeLessThanOrEqual(OVERLAP_CHARS);
    expect(cut - ctx).toBeGreaterThan(OVERLAP_CHARS - 50); // as many whole paragraphs as fit
    expect(paras.slice(ctx - 2, ctx)).toBe('\n\n');
    const line = repeat('A sentence of words. Another sentence here.', 3 * OVERLAP_CHARS, ' ');
    const at = line.indexOf('. A', 2 * OVERLAP_CHARS) + 2;
    const lctx = contextStart(line, at);
    expect(line.slice(lctx - 2, lctx + 1)).toBe('. A'); // a sentence's start
    expect(at - lctx).toBeLessThanOrEqual(OVERLAP_CHARS);
    expect(contextStart(line, 100)).toBe(0); // the whole text before, when it is short
    expect(contextStart('x'.repeat(3 * OVERLAP_CHARS), 2 * OVERLAP_CHARS)).toBe(2 * OVERLAP_CHARS); // no sentence: no context
  });

  it('a text within the limit is extracted whole, as before', () => {
    const doc = clean(SEED);
    expect(doc.text.length).toBeLessThanOrEqual(MAX_PART_CHARS);
    expect(splitParts(doc.text)).toEqual([[0, doc.text.length]]);
  });
});

describe('the parts are put back together as the whole document', () => {
  it('a long article: offsets into the whole text, one entity per key with the mentions of several parts', () => {
    const doc = clean(repeat(SEED, 2.2 * MAX_PART_CHARS, '\n\n'));
    const parts = splitParts(doc.text);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    const x = extractDocument(doc);
    expect(x.document).toEqual(doc);
    expectOffsetsRight(x);
    const keys = x.entities.map((e) => e.key);
    expect(new Set(keys).size).toBe(keys.length);
    // The registry's entities recur in the parts and come out once, with the mentions of several parts.
    const once = extractDocument(clean(SEED));
    const known = once.entities.filter((e) => e.registryId);
    expect(known.length).toBeGreaterThan(3);
    for (const e of known) {
      const merged = x.entities.find((m) => m.key === e.key)!;
      expect(merged.name).toBe(e.name);
      const inParts = parts.filter(([start, end]) => merged.mentions.some((m) => m.start >= start && m.end <= end));
      expect(inParts.length).toBeGreaterThanOrEqual(2);
    }
    // Relations: one per type and pair, as within one part; every relation of the article alone is there.
    const rel = (r: DocumentExtraction['relations'][number]) => `${r.type}|${r.source}|${r.target}`;
    expect(new Set(x.relations.map(rel)).size).toBe(x.relations.length);
    for (const r of once.relations.filter((r) => !r.source.startsWith('unnamed:') && !r.target.startsWith('unnamed:'))) {
      expect(x.relations.map(rel)).toContain(rel(r));
    }
  }, 120_000);

  it('a thing introduced without a name is the one the part before found when the context shows it; else one per part', () => {
    const doc = clean(repeat(SENTENCES.join(' '), 6000, ' '));
    const parts = splitParts(doc.text, 1500).length;
    expect(parts).toBeGreaterThanOrEqual(4);
    const whole = extractDocument(doc); // short enough to extract whole, for comparison
    const x = extractInParts(doc, extractDocument, 1500);
    expectOffsetsRight(x);
    const unnamed = (d: DocumentExtraction) => d.entities.filter((e) => e.key.startsWith('unnamed:'));
    expect(unnamed(whole).length).toBeGreaterThan(0);
    // The memorandum the whole text has once (its mentions in every part) is one thing across the parts too, each mention once.
    expect(unnamed(x).map((e) => [e.key, e.mentions])).toEqual(unnamed(whole).map((e) => [e.key, e.mentions]));
    expect(x.relations.length).toBe(whole.relations.length);
    // Without context, each part has its own.
    expect(unnamed(extractInParts(doc, extractDocument, 1500, 0)).length).toBe(unnamed(whole).length * parts);
    for (const r of x.relations) for (const k of [r.source, r.target]) expect(x.entities.some((e) => e.key === k)).toBe(true);
  });

  it('facts near a cut are kept: the seed articles in 4 KiB parts find what the whole text gives', () => {
    const dir = new URL('../seeds/', import.meta.url);
    const body = readdirSync(dir)
      .sort()
      .map((f) => readFileSync(new URL(f, dir), 'utf8').trim())
      .join('\n\n');
    const doc = clean(body);
    expect(splitParts(doc.text, 4096).length).toBeGreaterThanOrEqual(10);
    const facts = (x: DocumentExtraction) => {
      const name = new Map(x.entities.map((e) => [e.key, e.key.startsWith('unnamed:') ? `unnamed:${e.name}` : e.name]));
      return new Set(x.relations.map((r) => `${r.type}|${name.get(r.source)}|${name.get(r.target)}`));
    };
    const whole = facts(extractDocument(doc));
    const found = (x: DocumentExtraction) => [...facts(x)].filter((f) => whole.has(f)).length;
    const x = extractInParts(doc, extractDocument, 4096);
    expectOffsetsRight(x);
    for (const e of x.entities) expect(new Set(e.mentions.map((m) => m.start)).size).toBe(e.mentions.length); // each mention once
    // Measured: 152 of the whole text's 154 relations with context, 142 without (the parts cut off from what came before).
    expect(found(x)).toBeGreaterThanOrEqual(Math.floor(0.97 * whole.size));
    expect(found(x)).toBeGreaterThan(found(extractInParts(doc, extractDocument, 4096, 0)));
  }, 120_000);
});
