// Cleaning: raw document in, the text extraction can rely on out.
import { createHash } from 'node:crypto';
import { CleanDocument, type RawDocument } from '../model/schemas.ts';
import { normalizeText } from './normalize.ts';

export function cleanDocument(raw: RawDocument): CleanDocument {
  const text = normalizeText(raw.body);
  return CleanDocument.parse({
    id: raw.id,
    source: raw.source,
    url: raw.url ?? null,
    title: raw.title ?? null,
    publishedAt: raw.publishedAt ?? null,
    author: null,
    lang: null,
    text,
    contentHash: createHash('sha256').update(text).digest('hex'),
    sourceMap: [],
    warnings: [],
  });
}
