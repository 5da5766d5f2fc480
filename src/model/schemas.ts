// The data that flows between stages, defined once. Each stage validates what
// it hands on, so a bug in one stage is caught at its boundary, not in Neo4j.
import { z } from 'zod';
import { ENTITY_TYPES, RELATION_TYPES } from './vocabulary.ts';

export { ENTITY_TYPES, RELATION_TYPES };

export const EntityType = z.enum(ENTITY_TYPES);
export type EntityType = z.infer<typeof EntityType>;

export const RelationType = z.enum(RELATION_TYPES);
export type RelationType = z.infer<typeof RelationType>;

/** ISO 8601 at the precision the text gives: 2024, 2024-05, 2024-05-21. */
export const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

/** A document as an input reader delivers it, before any cleaning. */
export const RawDocument = z.object({
  /** Stable identity: canonical URL when known, else the path (plus line for JSONL). */
  id: z.string().min(1),
  /** Where it was read from: a path, `path#line`, or `-` for stdin. */
  source: z.string().min(1),
  format: z.enum(['html', 'text', 'markdown']),
  body: z.string(),
  url: z.string().nullish(),
  title: z.string().nullish(),
  publishedAt: IsoDate.nullish(),
  fetchedAt: z.string().nullish(),
  /** Problems met while reading (encoding guessed, input truncated), carried into CleanDocument.warnings. */
  warnings: z.array(z.string()).optional(),
});
export type RawDocument = z.infer<typeof RawDocument>;

/** A run of cleaned text and where it came from in the source body. */
export const SourceSpan = z.object({ start: z.number().int(), end: z.number().int(), sourceStart: z.number().int() });

export const CleanDocument = z.object({
  id: z.string().min(1),
  source: z.string().min(1),
  url: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: IsoDate.nullable(),
  author: z.string().nullable(),
  lang: z.string().nullable(),
  /** The cleaned main text: blocks (paragraphs, list items, table cells) separated by newlines. */
  text: z.string(),
  /** sha256 of `text`: the fingerprint a refresh compares. */
  contentHash: z.string(),
  /** Maps cleaned-text offsets back to the source body (sorted by start). */
  sourceMap: z.array(SourceSpan),
  warnings: z.array(z.string()),
});
export type CleanDocument = z.infer<typeof CleanDocument>;

/** One occurrence of an entity in one document's cleaned text. */
export const Mention = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type Mention = z.infer<typeof Mention>;

/** An entity as one document knows it, before cross-document resolution. */
export const LocalEntity = z.object({
  /** Unique within the document. */
  key: z.string(),
  type: EntityType,
  name: z.string().min(1),
  aliases: z.array(z.string()),
  date: IsoDate.nullable(),
  /** Registry id when the entity is a known one. */
  registryId: z.string().nullable(),
  mentions: z.array(Mention),
});
export type LocalEntity = z.infer<typeof LocalEntity>;

/**
 * How a piece of evidence was obtained, so an analyst can tell what a text states from what was inferred:
 * stated in a sentence; entailed by a name ("UN X" is part of the UN); read from a table row; inferred from the
 * document as a whole (its title, a summit's place, a list that runs on); a fact of the registry.
 */
export const EvidenceMethod = z.enum(['sentence', 'name', 'table', 'document', 'registry']);
export type EvidenceMethod = z.infer<typeof EvidenceMethod>;

export const Evidence = z.object({
  doc: z.string(),
  sentence: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1),
  method: EvidenceMethod.default('sentence'),
});
export type Evidence = z.infer<typeof Evidence>;

export const LocalRelation = z.object({
  type: RelationType,
  source: z.string(),
  target: z.string(),
  date: IsoDate.nullable(),
  role: z.string().nullable(),
  evidence: Evidence,
});
export type LocalRelation = z.infer<typeof LocalRelation>;

/** What extraction makes of one cleaned document. */
export const DocumentExtraction = z.object({
  document: CleanDocument,
  entities: z.array(LocalEntity),
  relations: z.array(LocalRelation),
});
export type DocumentExtraction = z.infer<typeof DocumentExtraction>;

// ---- The graph, in the JSON export shape of the ontology contract ----

export const ExportDocument = z.object({
  id: z.string(),
  source: z.string(),
  url: z.string().nullable(),
  title: z.string().nullable(),
  publishedAt: IsoDate.nullable(),
  contentHash: z.string(),
  /** What reading and cleaning said about it (decoding guessed, truncated, other language, no text); stored on its Document node. */
  warnings: z.array(z.string()).optional(),
});
export type ExportDocument = z.infer<typeof ExportDocument>;

export const GraphEntity = z.object({
  id: z.string(),
  type: EntityType,
  name: z.string(),
  aliases: z.array(z.string()),
  date: IsoDate.nullable(),
  mentions: z.array(z.object({ doc: z.string(), start: z.number().int(), end: z.number().int() })),
});
export type GraphEntity = z.infer<typeof GraphEntity>;

export const GraphRelation = z.object({
  type: RelationType,
  source: z.string(),
  target: z.string(),
  date: IsoDate.nullable(),
  role: z.string().nullable(),
  confidence: z.number().min(0).max(1),
  evidence: z.array(Evidence),
});
export type GraphRelation = z.infer<typeof GraphRelation>;

export const Graph = z.object({
  documents: z.array(ExportDocument),
  entities: z.array(GraphEntity),
  relations: z.array(GraphRelation),
});
export type Graph = z.infer<typeof Graph>;
