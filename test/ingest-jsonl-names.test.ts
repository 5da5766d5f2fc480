import { describe, expect, it } from 'vitest';
import { jsonlRecord } from '../src/ingest/index.ts';

describe('JSON Lines records from scrapers', () => {
  it('put the headline back in front of the text, since it names things too', () => {
    const item = jsonlRecord(
      JSON.stringify({ url: 'https://x.org/a', title: 'Kenya joins AI network', text: 'Nairobi said on Monday...' }),
      'f.jsonl#1',
      new Set(),
    );
    expect(item.ok && item.doc.body).toBe('Kenya joins AI network\n\nNairobi said on Monday...');
  });
  it('keep a text that already starts with its headline as it is', () => {
    const item = jsonlRecord(JSON.stringify({ url: 'https://x.org/b', title: 'Kenya joins', text: 'Kenya joins the network.' }), 'f.jsonl#2', new Set());
    expect(item.ok && item.doc.body).toBe('Kenya joins the network.');
  });
  it('name the document by its own id or file name when the record gives one, else by its line', () => {
    const named = jsonlRecord(JSON.stringify({ id: '007_abc.txt', url: 'https://x.org/c', text: 'Text.' }), 'f.jsonl#3', new Set());
    expect(named.ok && named.doc.source).toBe('007_abc.txt');
    expect(named.ok && named.doc.id).toBe('https://x.org/c');
    const plain = jsonlRecord(JSON.stringify({ url: 'https://x.org/d', text: 'Text.' }), 'f.jsonl#4', new Set());
    expect(plain.ok && plain.doc.source).toBe('f.jsonl#4');
  });
});

describe('file identity', () => {
  it('does not depend on the working directory', async () => {
    const { readInputs } = await import('../src/ingest/index.ts');
    const seed = new URL('../seeds/002_79664b61c4693597.txt', import.meta.url).pathname;
    const cwd = process.cwd();
    const ids: string[] = [];
    for (const dir of [cwd, '/tmp']) {
      process.chdir(dir);
      try {
        for await (const item of readInputs([seed])) if (item.ok) ids.push(item.doc.id);
      } finally {
        process.chdir(cwd);
      }
    }
    expect(ids).toEqual(['seeds/002_79664b61c4693597.txt', 'seeds/002_79664b61c4693597.txt']);
  });
});
