// Documents piped in on standard input: before, every one was the document
// "-", so a second `kg run -` replaced the first one's facts.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readInputs, type ReadOptions } from '../src/ingest/index.ts';
import type { RawDocument } from '../src/model/schemas.ts';

async function read(text: string, options: ReadOptions = {}): Promise<RawDocument[]> {
  const out: RawDocument[] = [];
  for await (const item of readInputs(['-'], { stdin: Readable.from([Buffer.from(text)]), ...options })) if (item.ok) out.push(item.doc);
  return out;
}
const idOf = async (text: string, options: ReadOptions = {}) => (await read(text, options))[0]!.id;

describe('stdin identity', () => {
  it('names a piped document by its content: two texts are two documents, the same text is one', async () => {
    const a = await idOf('The AI Safety Institute of Japan opened in February 2024.');
    const b = await idOf('Canada launched its AI Safety Institute in November 2024.');
    expect(a).toMatch(/^stdin:[0-9a-f]{16}$/);
    expect(b).toMatch(/^stdin:[0-9a-f]{16}$/);
    expect(a).not.toBe(b);
    expect(await idOf('The AI Safety Institute of Japan opened in February 2024.')).toBe(a);
  });

  it('takes --id or --url when given (the URL canonical)', async () => {
    expect(await idOf('Some text.', { stdinId: 'press/2024-05-21' })).toBe('press/2024-05-21');
    const [d] = await read('Some text.', { stdinUrl: 'https://Example.org/a?utm_source=x#top' });
    expect([d!.id, d!.url]).toEqual(['https://example.org/a', 'https://example.org/a']);
  });

  it('gives JSON Lines records without a URL content names instead of line numbers; URLs stay ids', async () => {
    const jl = [{ text: 'first record' }, { text: 'second record' }, { url: 'https://x.org/s3', text: 'third' }].map((o) => JSON.stringify(o)).join('\n');
    const ids = (await read(jl)).map((d) => d.id);
    expect(ids).toHaveLength(3);
    expect(ids[0]).toMatch(/^stdin:/);
    expect(ids[1]).toMatch(/^stdin:/);
    expect(ids[0]).not.toBe(ids[1]);
    expect(ids[2]).toBe('https://x.org/s3');
  });
});
