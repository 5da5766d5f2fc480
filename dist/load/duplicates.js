import { fullValue, storageKey } from "./keys.js";
const READ_FINGERPRINTS = `MATCH (d:Document) WHERE d.textHash IS NOT NULL
RETURN coalesce(d.fullId, d.id) AS id, d.textHash AS textHash, coalesce(d.minhash, []) AS minhash, d.duplicateOf AS duplicateOf`;
/** First copies: their fingerprints, and no DUPLICATE_OF (a document that was a copy and changed is one no more). */
const SET_FIRST_COPIES = `UNWIND $rows AS row
MATCH (d:Document {id: row.id})
SET d.textHash = row.textHash, d.minhash = row.minhash, d.duplicateOf = null
WITH d
OPTIONAL MATCH (d)-[r:DUPLICATE_OF]->()
DELETE r`;
/** Copies: the Document node (as the loader writes one) with its link to the first copy. */
const WRITE_COPIES = `UNWIND $rows AS row
MERGE (d:Document {id: row.id})
SET d.fullId = row.fullId, d.url = row.url, d.title = row.title, d.source = row.source,
    d.publishedAt = row.publishedAt, d.contentHash = row.contentHash, d.ingestedAt = $ingestedAt,
    d.textHash = row.textHash, d.minhash = row.minhash, d.duplicateOf = row.of
WITH d, row
OPTIONAL MATCH (d)-[old:DUPLICATE_OF]->()
DELETE old
WITH d, row
MATCH (o:Document {id: row.ofKey})
MERGE (d)-[:DUPLICATE_OF]->(o)`;
/** The fingerprints of every document the graph holds. */
export async function knownDocuments(store) {
    return store.read(async (tx) => (await tx.run(READ_FINGERPRINTS)).records.map((r) => ({
        id: r.get('id'),
        textHash: r.get('textHash'),
        minhash: r.get('minhash').map(Number),
        duplicateOf: r.get('duplicateOf') ?? null,
    })));
}
/** Stores the fingerprints of documents written as first copies. */
export async function markFirstCopies(store, docs) {
    if (!docs.length)
        return;
    const rows = docs.map((d) => ({ id: storageKey(d.id), textHash: d.textHash, minhash: d.minhash }));
    await store.write((tx) => tx.run(SET_FIRST_COPIES, { rows }));
}
/**
 * Writes copies: a copy that was in the graph as a document of its own first
 * has its facts retracted (what only it supported goes), then becomes a node
 * linked to its first copy.
 */
export async function writeCopies(store, copies, ingestedAt, known = []) {
    if (!copies.length)
        return;
    const firstCopies = new Set(known.filter((k) => k.duplicateOf === null).map((k) => k.id));
    const fingerprinted = new Set(known.map((k) => k.id));
    const present = await store.documentHashes(copies.map((c) => c.doc.id));
    // Written before as a document of its own (or before fingerprints existed): its facts go.
    for (const c of copies)
        if (present.has(c.doc.id) && (firstCopies.has(c.doc.id) || !fingerprinted.has(c.doc.id)))
            await store.removeDocument(c.doc.id);
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
            of,
            ofKey: storageKey(of),
        };
    });
    await store.write((tx) => tx.run(WRITE_COPIES, { rows, ingestedAt }));
}
//# sourceMappingURL=duplicates.js.map