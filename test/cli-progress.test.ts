// The plain progress lines of kg run (logs, CI): a document that fails says why.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressReporter } from '../src/cli/graph-session.ts';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('kg run progress without a terminal', () => {
  it('names the real cause of a skipped document, never a blanket "could not read"', () => {
    const lines: string[] = [];
    // Progress writes its lines to stderr; the skipped documents are the lines that name them.
    vi.spyOn(process.stderr, 'write').mockImplementation(((chunk: string | Uint8Array) => {
      const line = String(chunk).replace(/\n$/, '');
      if (line.includes(': skipped ')) lines.push(line);
      return true;
    }) as typeof process.stderr.write);
    vi.stubEnv('CI', '1');
    const p = progressReporter('kg run');
    p.onProgress({ phase: 'read', source: 'deep.html', ok: false, error: 'cleaning failed: stack overflow (the page nests its elements too deeply)' });
    p.onProgress({ phase: 'read', source: 'locked', ok: false, error: 'directory could not be read (permission denied); its files were skipped' });
    p.onProgress({ phase: 'read', source: 'ok.txt', ok: true });
    p.stop();
    vi.unstubAllEnvs();
    expect(lines).toEqual([
      'kg run: skipped deep.html: cleaning failed: stack overflow (the page nests its elements too deeply)',
      'kg run: skipped locked: directory could not be read (permission denied); its files were skipped',
    ]);
  });
});
