import { cleanDocument } from '../../src/clean/index.ts';
import { extractDocument } from '../../src/extract/index.ts';
import type { DocumentExtraction } from '../../src/model/schemas.ts';

export function extractText(body: string, publishedAt: string | null = null, id = 'doc.txt'): DocumentExtraction {
  return extractDocument(cleanDocument({ id, source: id, format: 'text', body, publishedAt }));
}

/** "Name -TYPE-> Name" for every relation, to assert on readable facts. */
export function facts(x: DocumentExtraction): string[] {
  const name = (k: string) => x.entities.find((e) => e.key === k)?.name ?? k;
  return x.relations.map((r) => `${name(r.source)} -${r.type}-> ${name(r.target)}`);
}

export function entity(x: DocumentExtraction, name: string) {
  return x.entities.find((e) => e.name === name || e.aliases.includes(name));
}
