// An annotated set as a scraper delivers it. A set's sources.tsv (file, url,
// title, publishedAt) says where each annotated file came from: its documents
// are fed as JSON Lines {url, title, publishedAt, text}, so dates resolve
// against the publication date, and each document the pipeline returns is
// mapped back to its file by URL (the shared score-set.sh does the same).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { canonicalUrl } from '../ingest/index.ts';

export interface SourceRow {
  file: string;
  url: string;
  title: string | null;
  publishedAt: string | null;
}

/** The rows of a sources.tsv (a header line, then file, url, title, publishedAt separated by tabs). */
export function parseSources(tsv: string, name = 'sources.tsv'): SourceRow[] {
  const lines = tsv
    .replace(/\r/g, '')
    .split('\n')
    .filter((l) => l.trim());
  const head =
    lines
      .shift()
      ?.split('\t')
      .map((h) => h.trim().toLowerCase()) ?? [];
  const col = (k: string, fallback: number) => (head.includes(k) ? head.indexOf(k) : fallback);
  const [f, u, t, p] = [col('file', 0), col('url', 1), col('title', 2), col('publishedat', 3)];
  return lines.map((l, i) => {
    const c = l.split('\t');
    if (!c[f]?.trim() || !c[u]?.trim()) throw new Error(`${name} line ${i + 2}: needs a file and a url`);
    return { file: c[f]!.trim(), url: c[u]!.trim(), title: c[t]?.trim() || null, publishedAt: c[p]?.trim() || null };
  });
}

export function readSources(file: string): SourceRow[] {
  return parseSources(readFileSync(file, 'utf8'), file);
}

/** odd / even: every other row, as the development corpus is split (1st, 3rd, ... are odd). */
export function pickHalf<T>(rows: T[], half: 'odd' | 'even' | 'all'): T[] {
  return rows.filter((_, i) => half === 'all' || (half === 'odd') === (i % 2 === 0));
}

/** One JSON Lines record per row, with the text of the file at `path` (by default docsDir/file). */
export function scraperLines(rows: Array<SourceRow & { path?: string }>, docsDir = '.'): string {
  return (
    rows
      .map((r) =>
        JSON.stringify({
          url: r.url,
          title: r.title ?? undefined,
          publishedAt: r.publishedAt ?? undefined,
          text: readFileSync(r.path ?? path.join(docsDir, r.file), 'utf8'),
        }),
      )
      .join('\n') + '\n'
  );
}

/** The annotated file a document is, by its URL (any spelling the ingest gives it), else by its file name. */
export function fileNamer(rows: SourceRow[]): (doc: { url?: string | null; id: string; source: string }) => string {
  const byUrl = new Map<string, string>();
  for (const r of rows) {
    byUrl.set(r.url, r.file);
    const c = canonicalUrl(r.url);
    if (c) byUrl.set(c, r.file);
  }
  return (doc) => {
    for (const u of [doc.url, doc.id]) {
      if (!u) continue;
      const hit = byUrl.get(u) ?? byUrl.get(canonicalUrl(u) ?? u);
      if (hit) return hit;
    }
    return path.basename(doc.source);
  };
}
