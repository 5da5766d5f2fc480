// Turns the paths a user names into raw documents. Reading is the only I/O of
// the front half of the pipeline; everything after it is pure.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { RawDocument } from '../model/schemas.ts';

export const SUPPORTED_EXTENSIONS = ['.txt', '.md', '.html', '.htm'];

export type InputFailure = { source: string; error: string };
export type InputItem = { ok: true; doc: RawDocument } | { ok: false; failure: InputFailure };

function formatOf(file: string): RawDocument['format'] {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.md') return 'markdown';
  return 'text';
}

/** Every supported file under the given paths, sorted so runs are repeatable. */
export async function listInputFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (!info) throw new Error(`input not found: ${p}`);
    if (info.isDirectory()) {
      const entries = await readdir(p, { recursive: true, withFileTypes: true });
      for (const e of entries) {
        const full = path.join(e.parentPath ?? p, e.name);
        if (e.isFile() && SUPPORTED_EXTENSIONS.includes(path.extname(e.name).toLowerCase())) out.push(full);
      }
    } else out.push(p);
  }
  return [...new Set(out)].sort();
}

export async function* readInputs(paths: string[]): AsyncGenerator<InputItem> {
  for (const file of await listInputFiles(paths)) {
    try {
      const body = await readFile(file, 'utf8');
      const source = path.relative(process.cwd(), file) || file;
      yield { ok: true, doc: RawDocument.parse({ id: source, source, format: formatOf(file), body }) };
    } catch (err) {
      yield { ok: false, failure: { source: file, error: (err as Error).message } };
    }
  }
}
