// Syndicated copies in the graph (see src/pipeline/duplicates.ts): every
// Document keeps its fingerprints (textHash, minhash) so a later run finds
// the copies of what the graph already holds; a copy is a Document node with
// duplicateOf and a DUPLICATE_OF relationship to its first copy, and no
// MENTIONS and no provenance of its own, so a fact it repeats counts once.
import type { CleanDocument } from '../model/schemas.ts';
import { bandKeys, type Fingerprint, type KnownDocument } from '../pipeline/duplicates.ts';
import type { GraphStore } from './index.ts';
import { fullValue, storageKey } from './keys.ts';

/** First copies: their fingerprints, and no DUPLICATE_OF (a document that was a copy and changed is one no more). */
const SET_FIRST_COPIES = `UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.textHash = row.textHash, d.minhash = row.minhash, d.lshKeys = row.lshKeys, d.duplicateOf = null
WITH d
OPTIONAL MATCH (d)-[r:DUPLICATE_OF]->()
DELETE r`;

/** Copies: the Document node (as the loader writes one) with its link to the first copy. */
const WRITE_COPIES = `UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.fullId = row.fullId, d.url = row.url, d.title = row.title, d.source = row.source,
    d.publishedAt = row.publishedAt, d.contentHash = row.contentHash, d.ingestedAt = $ingestedAt,
    d.textHash = row.textHash, d.minhash = row.minhash, d.lshKeys = row.lshKeys, d.duplicateOf = row.of
WITH d, row
OPTIONAL MATCH (d)-[old:DUPLICATE_OF]->()
DELETE old
WITH d, row
MATCH (o:Document {id: row.ofKey})
MERGE (d)-[:DUPLICATE_OF]->(o)`;

/** Stores the fingerprints of documents written as first copies. */
export async function markFirstCopies(store: GraphStore, docs: Array<{ id: string } & Fingerprint>): Promise<void> {
  if (!docs.length) return;
  const rows = docs.map((d) => ({ id: storageKey(d.id), textHash: d.textHash, minhash: d.minhash, lshKeys: bandKeys(d.minhash) }));
  await store.write((tx) => tx.run(SET_FIRST_COPIES, { rows }));
}

/**
 * Writes copies: a copy that was in the graph as a document of its own first
 * has its facts retracted (what only it supported goes), then becomes a node
 * linked to its first copy.
 */
export async function writeCopies(
  store: GraphStore,
  copies: Array<{ doc: CleanDocument; of: string; fp: Fingerprint }>,
  ingestedAt: string,
  known: KnownDocument[] = [],
): Promise<void> {
  if (!copies.length) return;
  const firstCopies = new Set(known.filter((k) => k.duplicateOf === null).map((k) => k.id));
  const fingerprinted = new Set(known.map((k) => k.id));
  const present = await store.documentHashes(copies.map((c) => c.doc.id));
  // Written before as a document of its own (or before fingerprints existed): its facts go.
  for (const c of copies) if (present.has(c.doc.id) && (firstCopies.has(c.doc.id) || !fingerprinted.has(c.doc.id))) await store.removeDocument(c.doc.id);
  const rows = copies.map(({ doc, of, fp }) => {
    const id = storageKey(doc.id);
    return {
      id,
      fullId: fullValue(doc.id, id),
      url: doc.url,
      title: doc.title,
      source: doc.source,
      publishedAt: doc.publishedAt,
      contentHash: doc.contentHash,
      textHash: fp.textHash,
      minhash: fp.minhash,
      lshKeys: bandKeys(fp.minhash),
      of,
      ofKey: storageKey(of),
    };
  });
  await store.write((tx) => tx.run(WRITE_COPIES, { rows, ingestedAt }));
}
