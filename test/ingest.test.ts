import { execFile, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalUrl, readInputs, type InputItem, type ReadOptions } from '../src/ingest/index.ts';
import { decodeBytes } from '../src/ingest/decode.ts';
import { cleanDocument } from '../src/clean/index.ts';

let dir: string;
const file = (name: string, data: string | Buffer): string => {
  const p = path.join(dir, name);
  mkdirSync(path.dirname(p), { recursive: true });
  writeFileSync(p, data);
  return p;
};

async function collect(paths: string[], options?: ReadOptions): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of readInputs(paths, options)) out.push(item);
  return out;
}
const docs = (items: InputItem[]) => items.flatMap((i) => (i.ok ? [i.doc] : []));
const failures = (items: InputItem[]) => items.flatMap((i) => (i.ok ? [] : [i.failure]));

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kg-ingest-'));
});

describe('files and directories', () => {
  it('reads .txt, .md and .html recursively, in sorted order, with their formats', async () => {
    const root = path.join(dir, 'tree');
    file('tree/b.txt', 'plain text');
    file('tree/sub/a.md', '# Heading');
    file('tree/sub/deeper/c.html', '<p>html</p>');
    file('tree/sub/d.htm', '<p>htm</p>');
    file('tree/ignored.png', 'not read');
    const got = docs(await collect([root]));
    expect(got.map((d) => [path.basename(d.source), d.format])).toEqual([
      ['b.txt', 'text'],
      ['a.md', 'markdown'],
      ['d.htm', 'html'],
      ['c.html', 'html'],
    ]);
    expect(got[0].body).toBe('plain text');
    expect(got[0].id).toBe(got[0].source);
  });

  it('reads gzip transparently (.html.gz, .txt.gz)', async () => {
    const p = file('gz/page.html.gz', gzipSync('<html><body><p>zipped page</p></body></html>'));
    const t = file('gz/note.txt.gz', gzipSync('zipped text'));
    const got = docs(await collect([p, t]));
    expect(got.map((d) => [d.format, d.body])).toEqual([
      ['text', 'zipped text'],
      ['html', '<html><body><p>zipped page</p></body></html>'],
    ]);
  });

  it('reports a missing path and goes on with the others', async () => {
    const ok = file('missing/ok.txt', 'still read');
    const items = await collect([path.join(dir, 'no-such-file.txt'), ok]);
    expect(failures(items)).toEqual([{ source: path.join(dir, 'no-such-file.txt'), error: 'input not found' }]);
    expect(docs(items).map((d) => d.body)).toEqual(['still read']);
  });

  it('follows symbolic links to files and directories, reads a file reached twice once, and reports loops and broken links', async () => {
    const root = path.join(dir, 'links');
    file('links/a.txt', 'file a');
    file('elsewhere/b.txt', 'file b');
    symlinkSync(path.join(root, 'a.txt'), path.join(root, 'z-link-to-a.txt'));
    symlinkSync(path.join(dir, 'elsewhere'), path.join(root, 'linked-dir'));
    file('links/sub/c.md', '# file c');
    symlinkSync('..', path.join(root, 'sub', 'loop')); // links/sub/loop -> links
    symlinkSync(path.join(dir, 'nowhere.txt'), path.join(root, 'broken.txt'));
    const items = await collect([root]);
    expect(docs(items).map((d) => [path.relative(dir, d.source), d.body, d.warnings ?? []])).toEqual([
      ['links/a.txt', 'file a', [`the same file is also at ${path.join(root, 'z-link-to-a.txt')} (symbolic link); read once`]],
      ['links/linked-dir/b.txt', 'file b', []],
      ['links/sub/c.md', '# file c', []],
    ]);
    expect(failures(items)).toEqual([
      { source: path.join(root, 'broken.txt'), error: 'broken symbolic link (its target does not exist)' },
      { source: path.join(root, 'sub', 'loop'), error: `symbolic link loop (leads back to ${root}); not followed` },
    ]);
  });

  it('reports a named pipe inside a directory instead of waiting on it forever', async () => {
    file('pipe/ok.txt', 'read');
    const fifo = path.join(dir, 'pipe', 'fifo.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const items = await collect([path.join(dir, 'pipe')]);
    expect(failures(items)).toEqual([{ source: fifo, error: 'not a regular file (a pipe, socket or device); skipped' }]);
    expect(docs(items).map((d) => d.body)).toEqual(['read']);
  });

  it('reports an unreadable subdirectory and reads the rest', async () => {
    // Permissions do not stop root: as root, the reading runs without the capabilities that bypass them (still as
    // root, so a clone in a directory only root can enter still loads).
    const root = mkdtempSync(path.join(tmpdir(), 'kg-unreadable-'));
    chmodSync(root, 0o755);
    for (const [name, text] of [
      ['a.txt', 'before'],
      ['locked/secret.txt', 'hidden'],
      ['z/after.txt', 'after'],
    ]) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true, mode: 0o755 });
      writeFileSync(path.join(root, name), text, { mode: 0o644 });
    }
    chmodSync(path.join(root, 'locked'), 0o000);
    const script = `import { readInputs } from ${JSON.stringify(path.join(import.meta.dirname, '..', 'src', 'ingest', 'index.ts'))};
      const out = [];
      for await (const i of readInputs([${JSON.stringify(root)}])) out.push(i.ok ? { doc: i.doc.source, body: i.doc.body } : i.failure);
      console.log(JSON.stringify(out));`;
    const caps = '-dac_override,-dac_read_search';
    const node = [process.execPath, '--import', 'tsx', '--input-type=module', '-e', script];
    const [cmd, ...args] = process.getuid?.() === 0 ? ['setpriv', `--inh-caps=${caps}`, `--bounding-set=${caps}`, '--', ...node] : node;
    const { stdout } = await promisify(execFile)(cmd!, args, {
      cwd: path.join(import.meta.dirname, '..'),
      env: { ...process.env, HOME: tmpdir() },
    });
    expect(JSON.parse(stdout)).toEqual([
      { source: path.join(root, 'locked'), error: 'directory could not be read (permission denied); its files were skipped' },
      { doc: path.join(root, 'a.txt'), body: 'before' },
      { doc: path.join(root, 'z', 'after.txt'), body: 'after' },
    ]);
  }, 120_000); // a child process that loads tsx
});

describe('bad input: one clear message per document, the rest still comes through', () => {
  it('empty, whitespace-only, binary and corrupt gzip files fail; good files pass', async () => {
    file('bad/empty.txt', '');
    file('bad/blank.md', '  \n\n ');
    file('bad/binary.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02, 0x03]));
    file('bad/corrupt.txt.gz', Buffer.concat([gzipSync('abc'.repeat(1000)).subarray(0, 20)]));
    file('bad/good.txt', 'good document');
    const items = await collect([path.join(dir, 'bad')]);
    const f = Object.fromEntries(failures(items).map((x) => [path.basename(x.source), x.error]));
    expect(f['empty.txt']).toMatch(/empty input/);
    expect(f['blank.md']).toMatch(/empty input/);
    expect(f['binary.txt']).toMatch(/binary data/);
    expect(f['corrupt.txt.gz']).toMatch(/gzip|unexpected end/i);
    expect(docs(items).map((d) => d.body)).toEqual(['good document']);
  });

  it('refuses bytes with no NUL that decode to no text (random or compressed data), and keeps text in legacy encodings', () => {
    // Bytes of a fixed xorshift sequence: no NUL in them, under 10% control bytes, and not UTF-8.
    let x = 2463534242;
    const noise = Buffer.from(
      Array.from({ length: 4096 }, () => {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        x >>>= 0;
        return x & 0xff || 0x41;
      }),
    );
    expect(() => decodeBytes(noise)).toThrow(/binary data \(not UTF-8, and only \d+% of it decodes to letters/);
    expect(decodeBytes(iconv.encode('Herr Müller sagte, die Grüße aus München seien schön.', 'win1252')).text).toContain('Grüße');
    expect(decodeBytes(iconv.encode('Ο υπουργός είπε ότι η συμφωνία θα υπογραφεί σύντομα στην Αθήνα.', 'win1253')).text).toContain('συμφωνία');
  });

  it('cuts a huge file at the cap with a warning naming the size', async () => {
    const p = file('huge/big.txt', Buffer.alloc(3 * 1024 * 1024, 'word '));
    const [item] = await collect([p], { maxBytes: 1024 * 1024 });
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.doc.body.length).toBe(1024 * 1024);
    expect(item.doc.warnings?.[0]).toMatch(/larger than 1 MiB: only the first 1 MiB were read/);
  });

  it('decodes invalid UTF-8 by detection and warns', async () => {
    const latin = iconv.encode('<html><body><p>Café crème brûlée, naïve façade, déjà vu in Genève and Zürich.</p></body></html>', 'latin1');
    const [item] = await collect([file('enc/latin.html', latin)]);
    expect(item.ok && item.doc.body).toContain('Café crème brûlée');
    expect(item.ok && item.doc.warnings?.[0]).toMatch(/not valid UTF-8; decoded as/);
  });

  it('honours a declared charset without a warning', async () => {
    const html = iconv.encode('<html><head><meta charset="windows-1252"></head><body><p>“Quoted” – café</p></body></html>', 'win1252');
    const [item] = await collect([file('enc/declared.html', html)]);
    expect(item.ok && item.doc.body).toContain('“Quoted” – café');
    expect(item.ok && item.doc.warnings).toBeUndefined();
  });

  it('keeps mostly-UTF-8 text as UTF-8 and replaces the broken bytes', () => {
    const buf = Buffer.concat([Buffer.from('Zürich – Genève '), Buffer.from([0xff]), Buffer.from(' naïve')]);
    const d = decodeBytes(buf);
    expect(d.text).toBe('Zürich – Genève \uFFFD naïve');
    expect(d.warnings[0]).toMatch(/^not valid UTF-8 in 1 place\(s\) \(first at byte 20\): decoded as UTF-8 with only those bytes replaced/);
  });

  it('decodes German UTF-8 with one stray byte per valid run: Müller stays Müller', async () => {
    // One non-ASCII letter and one stray byte: whole-file windows-1252 made it "MÃ¼ller".
    const text = Buffer.concat([
      Buffer.from('Die Ministerin traf Herrn Müller in Berlin zum Gespräch über KI-Sicherheit'),
      Buffer.from([0x92]), // a windows-1252 apostrophe pasted into UTF-8
      Buffer.from(' und die Zusammenarbeit der Institute.\n'),
    ]);
    const [item] = await collect([file('enc/mostly-utf8.txt', text)]);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    expect(item.doc.body).toContain('Herrn Müller in Berlin zum Gespräch über KI-Sicherheit\uFFFD und');
    expect(item.doc.body).not.toMatch(/Ã/);
    expect(item.doc.warnings).toEqual([expect.stringMatching(/^not valid UTF-8 in 1 place\(s\) \(first at byte \d+\): decoded as UTF-8/)]);
    // The same with a declared legacy charset: the bytes win.
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="iso-8859-1"></head><body><p>Herr Müller sagte'),
      Buffer.from([0xff]),
      Buffer.from('.</p></body></html>'),
    ]);
    expect(decodeBytes(html, { html: true }).text).toContain('Herr Müller sagte\uFFFD.');
    // Legacy text forms no valid UTF-8 sequences: still detected whole.
    const latin = iconv.encode('Herr Müller sagte, die Grüße aus München seien schön.', 'win1252');
    expect(decodeBytes(latin).text).toBe('Herr Müller sagte, die Grüße aus München seien schön.');
  });

  it('decodes UTF-16 with a byte-order mark', () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('AI Office', 'utf-16le')]);
    expect(decodeBytes(buf).text).toBe('AI Office');
  });
});

describe('JSON Lines', () => {
  const lines = [
    JSON.stringify({
      url: 'https://news.example.com/a?utm_source=feed#top',
      html: '<p>First</p>',
      title: ' A ',
      publishedAt: '2024-05-21T10:00:00Z',
      fetchedAt: '2024-05-22T00:00:00Z',
    }),
    '{"url": "https://news.example.com/broken", "text": ',
    '',
    JSON.stringify({ text: 'No url here', publishedAt: 'May 22, 2024' }),
    JSON.stringify({ url: 'https://news.example.com/b', title: 'no body' }),
    '[1, 2]',
    JSON.stringify({ url: 'https://news.example.com/c', text: 'bad date', publishedAt: 'someday' }),
  ].join('\n');

  it('gives one document per line, ids from canonical urls or path#line, errors naming file#line', async () => {
    const p = file('jl/docs.jsonl', lines);
    const items = await collect([p]);
    const d = docs(items);
    expect(d.map((x) => [x.id, x.source, x.format])).toEqual([
      ['https://news.example.com/a', `${p}#1`, 'html'],
      [`${p}#4`, `${p}#4`, 'text'],
      ['https://news.example.com/c', `${p}#7`, 'text'],
    ]);
    expect(d[0]).toMatchObject({ title: 'A', publishedAt: '2024-05-21', fetchedAt: '2024-05-22T00:00:00Z', url: 'https://news.example.com/a' });
    expect(d[1].publishedAt).toBe('2024-05-22');
    expect(d[2].publishedAt).toBeNull();
    expect(d[2].warnings?.[0]).toMatch(/publishedAt "someday" is not a date/);
    expect(failures(items)).toEqual([
      { source: `${p}#2`, error: expect.stringMatching(/^malformed JSON/) },
      { source: `${p}#5`, error: 'no "html" or "text" field with content' },
      { source: `${p}#6`, error: 'not a JSON object' },
    ]);
  });

  it('reads .jsonl.gz and gives later duplicates of a url their path#line id', async () => {
    const p = file(
      'jl/more.jsonl.gz',
      gzipSync([JSON.stringify({ url: 'https://x.org/1', text: 'one' }), JSON.stringify({ url: 'https://x.org/1', text: 'again' })].join('\r\n') + '\r\n'),
    );
    const d = docs(await collect([p]));
    expect(d.map((x) => [x.id, x.body])).toEqual([
      ['https://x.org/1', 'one'],
      [`${p}#2`, 'again'],
    ]);
    expect(d[1].warnings?.[0]).toMatch(/same url/);
  });

  it('skips an over-long line with an error and reads on', async () => {
    const p = file(
      'jl/long.jsonl',
      `${JSON.stringify({ url: 'https://x.org/big', text: 'x'.repeat(5000) })}\n${JSON.stringify({ url: 'https://x.org/small', text: 'small' })}\n`,
    );
    const items = await collect([p], { maxBytes: 1000 });
    expect(failures(items)).toEqual([{ source: `${p}#1`, error: 'line longer than 1000 bytes; skipped' }]);
    expect(docs(items).map((x) => x.body)).toEqual(['small']);
  });

  it('streams a large file line by line', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ url: `https://x.org/${i}`, text: `document ${i} `.repeat(50) })).join('\n');
    const p = file('jl/many.jsonl', many);
    let n = 0;
    for await (const item of readInputs([p], { maxBytes: 4096 })) if (item.ok) n++;
    expect(n).toBe(3000);
  });

  it('canonicalizes urls', () => {
    expect(canonicalUrl('HTTPS://News.Example.com/a?id=3&utm_medium=x&fbclid=y#frag')).toBe('https://news.example.com/a?id=3');
    expect(canonicalUrl('not a url')).toBe('not a url');
  });
});

describe('stdin', () => {
  const stdin = (data: string | Buffer) => Readable.from([Buffer.from(data)]);

  it('reads "-" as one document and sniffs HTML, Markdown and text', async () => {
    const [h] = docs(await collect(['-'], { stdin: stdin('<!DOCTYPE html><html><body><p>from stdin</p></body></html>') }));
    expect(h).toMatchObject({ id: expect.stringMatching(/^stdin:[0-9a-f]{16}$/), source: '-', format: 'html' }); // named by its content (test/ingest-stdin-id.test.ts)
    expect(docs(await collect(['-'], { stdin: stdin('# Title\n\nSome *text*') }))[0].format).toBe('markdown');
    expect(docs(await collect(['-'], { stdin: stdin('Just words.') }))[0].format).toBe('text');
  });

  it('reads JSON Lines and gzip from stdin', async () => {
    const jl = `${JSON.stringify({ url: 'https://x.org/s1', text: 'one' })}\n${JSON.stringify({ url: 'https://x.org/s2', text: 'two' })}\n`;
    expect(docs(await collect(['-'], { stdin: stdin(jl) })).map((d) => [d.id, d.source])).toEqual([
      ['https://x.org/s1', '-#1'],
      ['https://x.org/s2', '-#2'],
    ]);
    expect(docs(await collect(['-'], { stdin: stdin(gzipSync('zipped stdin text')) }))[0].body).toBe('zipped stdin text');
  });

  it('reports empty stdin', async () => {
    const items = await collect(['-'], { stdin: Readable.from([]) });
    expect(failures(items)).toEqual([{ source: '-', error: 'empty input (0 bytes)' }]);
  });
});

describe('read -> clean end to end', () => {
  it('every kind of bad input yields a message naming its document while good ones are cleaned', async () => {
    file(
      'mix/good.html',
      '<html lang="en"><body><article><p>The AI Office opened in Brussels in February 2024 to supervise general-purpose AI models across the European Union.</p></article></body></html>',
    );
    file('mix/french.txt', "Le Parlement européen a adopté la loi sur l'intelligence artificielle après trois années de négociations avec le Conseil.");
    file('mix/empty.txt', '');
    file('mix/binary.md', Buffer.from([0, 1, 2, 3, 0, 0, 5]));
    file('mix/feed.jsonl', `{"url":"https://x.org/ok","text":"Fine text from a feed."}\n{oops}\n`);
    const messages: string[] = [];
    const cleaned: string[] = [];
    for await (const item of readInputs([path.join(dir, 'mix')])) {
      if (!item.ok) {
        messages.push(`${path.basename(item.failure.source)}: ${item.failure.error}`);
        continue;
      }
      const doc = cleanDocument(item.doc);
      cleaned.push(path.basename(doc.source));
      for (const w of doc.warnings) messages.push(`${path.basename(doc.source)}: ${w}`);
    }
    expect(cleaned).toEqual(['feed.jsonl#1', 'french.txt', 'good.html']);
    expect(messages).toEqual([
      expect.stringMatching(/^binary\.md: binary data/),
      expect.stringMatching(/^empty\.txt: empty input/),
      expect.stringMatching(/^feed\.jsonl#2: malformed JSON/),
      'french.txt: language is fr, not English: extraction rules are English-only',
    ]);
  });
});
