// What every write of extractions resolves with (kg run, kg refresh, the
// queue writer, kg curate): resolution against the graph's entities under the
// analysts' decisions, cut into the loader's per-document units.
import { type EntityReset, resolveCurated } from '../curate/index.ts';
import { type DocumentFacts, sliceByDocument } from '../load/index.ts';
import type { Decision } from '../model/decisions.ts';
import type { DocumentExtraction, ExportDocument } from '../model/schemas.ts';
import type { KnownEntity } from '../resolve/index.ts';

/** Gives each document of a resolved graph its warnings, for its Document node. */
export function withWarnings(documents: ExportDocument[], extractions: DocumentExtraction[]): void {
  const byId = new Map(extractions.map((x) => [x.document.id, x.document.warnings]));
  for (const d of documents) {
    const w = byId.get(d.id);
    if (w?.length) d.warnings = w;
  }
}

/**
 * Resolution against the graph's entities under the analysts' decisions,
 * cut into the loader's per-document units, each with its cleaned text (kept
 * on its Document node: `kg curate` extracts it again from there).
 */
export function resolveForWrite(
  extractions: DocumentExtraction[],
  known: KnownEntity[],
  decisions: readonly Decision[],
  reset?: ReadonlyMap<string, EntityReset>,
): DocumentFacts[] {
  const { graph, forms } = resolveCurated(extractions, known, decisions, reset);
  withWarnings(graph.documents, extractions);
  const slices = sliceByDocument(graph, forms);
  const text = new Map(extractions.map((x) => [x.document.id, x.document.text]));
  for (const f of slices) f.text = text.get(f.document.id) ?? null;
  return slices;
}
