// Cuts a resolved Graph into one write unit per document: what that document
// says (its mentions, its relationships' provenance and the entities they
// need). Pure; the loader writes each unit in one transaction, so a document
// is either fully in the graph or not at all.
import { fullValue, indexedName, storageKey } from './keys.ts';
import type { ExportDocument, EntityType, Graph, GraphEntity, RelationType } from '../model/schemas.ts';

export interface EntityRow {
  /** As stored (see keys.ts); fullId/fullName hold over-long values verbatim. */
  id: string;
  fullId: string | null;
  type: EntityType;
  name: string;
  fullName: string | null;
  aliases: string[];
  date: string | null;
}

export interface MentionRow {
  id: string;
  starts: number[];
  ends: number[];
}

export interface RelationRow {
  source: string;
  target: string;
  date: string | null;
  role: string | null;
  docs: string[];
  sentences: string[];
  starts: number[];
  ends: number[];
  confidences: number[];
}

export interface DocumentFacts {
  /** The document as given (its id verbatim). */
  document: ExportDocument;
  /** Its id as stored. */
  key: string;
  entities: Map<EntityType, EntityRow[]>;
  /** One per entity the document mentions or states a relationship about. */
  mentions: MentionRow[];
  relations: Map<RelationType, RelationRow[]>;
  /** Relationships left out because an end is not among the graph's entities. */
  dangling: number;
}

/** Relationship types stored once per unordered pair (source id < target id). */
export const SYMMETRIC: ReadonlySet<RelationType> = new Set<RelationType>(['PARTNERED_WITH']);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function sliceByDocument(graph: Graph): DocumentFacts[] {
  const entityById = new Map<string, GraphEntity>(graph.entities.map((e) => [e.id, e]));
  const facts = new Map<string, DocumentFacts>();
  for (const document of graph.documents) {
    if (facts.has(document.id)) continue;
    facts.set(document.id, { document, key: storageKey(document.id), entities: new Map(), mentions: [], relations: new Map(), dangling: 0 });
  }

  // Mentions per (document, entity), offsets deduplicated and sorted.
  const spans = new Map<string, Map<string, Set<string>>>(); // doc -> entity -> "start:end"
  const touch = (doc: string, entity: string) => {
    let byEntity = spans.get(doc);
    if (!byEntity) spans.set(doc, (byEntity = new Map()));
    let set = byEntity.get(entity);
    if (!set) byEntity.set(entity, (set = new Set()));
    return set;
  };
  for (const e of graph.entities) {
    for (const m of e.mentions) if (facts.has(m.doc)) touch(m.doc, e.id).add(`${m.start}:${m.end}`);
  }

  // Relationship provenance per document, one entry per sentence span.
  const relRows = new Map<string, Map<string, { type: RelationType; row: RelationRow; seen: Set<string> }>>();
  for (const r of graph.relations) {
    let [source, target] = [r.source, r.target];
    if (SYMMETRIC.has(r.type) && target < source) [source, target] = [target, source];
    for (const ev of r.evidence) {
      const f = facts.get(ev.doc);
      if (!f) continue;
      if (!entityById.has(source) || !entityById.has(target)) {
        f.dangling++;
        continue;
      }
      let byKey = relRows.get(ev.doc);
      if (!byKey) relRows.set(ev.doc, (byKey = new Map()));
      const key = `${r.type}\u0000${source}\u0000${target}`;
      let entry = byKey.get(key);
      if (!entry) {
        entry = {
          type: r.type,
          row: { source, target, date: r.date, role: r.role, docs: [], sentences: [], starts: [], ends: [], confidences: [] },
          seen: new Set(),
        };
        byKey.set(key, entry);
      }
      entry.row.date ??= r.date;
      entry.row.role ??= r.role;
      const span = `${ev.start}:${ev.end}`;
      if (entry.seen.has(span)) {
        const i = entry.row.starts.findIndex((s, j) => `${s}:${entry!.row.ends[j]}` === span);
        entry.row.confidences[i] = Math.max(entry.row.confidences[i], ev.confidence);
        continue;
      }
      entry.seen.add(span);
      entry.row.docs.push(f.key);
      entry.row.sentences.push(ev.sentence);
      entry.row.starts.push(ev.start);
      entry.row.ends.push(ev.end);
      entry.row.confidences.push(ev.confidence);
      // Both ends are found in the document: they get MENTIONS edges, which
      // is also how a retraction finds this relationship again.
      touch(ev.doc, source);
      touch(ev.doc, target);
    }
  }

  for (const [doc, f] of facts) {
    for (const { type, row } of relRows.get(doc)?.values() ?? []) {
      push(f.relations, type, { ...row, source: storageKey(row.source), target: storageKey(row.target) });
    }
    for (const [entityId, set] of spans.get(doc) ?? []) {
      const e = entityById.get(entityId)!;
      const id = storageKey(e.id);
      const name = indexedName(e.name);
      push(f.entities, e.type, { id, fullId: fullValue(e.id, id), type: e.type, name, fullName: fullValue(e.name, name), aliases: e.aliases, date: e.date });
      const pairs = [...set].map((s) => s.split(':').map(Number) as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      f.mentions.push({ id, starts: pairs.map((p) => p[0]), ends: pairs.map((p) => p[1]) });
    }
  }
  return [...facts.values()];
}

/** The rows of a batch of documents, written in one transaction (GraphStore.writeDocuments). */
export interface BatchRows {
  /** Storage keys of the batch's documents, in order. */
  keys: string[];
  /** One row per entity (the same entity in several documents is written once). */
  entities: Map<EntityType, EntityRow[]>;
  /** Rows in `entities`. */
  entityCount: number;
  /** MENTIONS of every document, each naming its document's key. */
  mentions: Array<MentionRow & { doc: string }>;
  /** One row per relationship, the provenance of all the batch's documents concatenated in document order. */
  relations: Map<RelationType, RelationRow[]>;
}

/** How many rows a document adds to a batch: its relationship rows and MENTIONS (both become relationships). */
export const batchWeight = (f: DocumentFacts): number => {
  let n = f.mentions.length;
  for (const rows of f.relations.values()) n += rows.length;
  return n;
};

/**
 * Combines documents' facts into one set of rows with the result of writing
 * them one after the other: an entity's last row wins but its aliases
 * accumulate and its date is the last one given; a relationship's provenance
 * lists are concatenated in document order, its date and role are the last
 * given. The keys must be distinct (a batch never holds a document twice).
 */
export function batchRows(facts: DocumentFacts[]): BatchRows {
  const keys: string[] = [];
  const seen = new Set<string>();
  const entities = new Map<string, EntityRow>();
  const mentions: BatchRows['mentions'] = [];
  const relations = new Map<string, { type: RelationType; row: RelationRow }>();
  for (const f of facts) {
    if (seen.has(f.key)) throw new Error(`document ${f.document.id} twice in one batch`);
    seen.add(f.key);
    keys.push(f.key);
    for (const rows of f.entities.values()) {
      for (const row of rows) {
        const prev = entities.get(row.id);
        if (!prev) { entities.set(row.id, row); continue; }
        entities.delete(row.id); // re-inserted: its (possibly new) type groups it
        entities.set(row.id, { ...row, aliases: [...new Set([...prev.aliases, ...row.aliases])], date: row.date ?? prev.date });
      }
    }
    const mentioned = new Map<string, number>(); // one MENTIONS per (document, entity): the last row wins
    for (const m of f.mentions) {
      const at = mentioned.get(m.id);
      if (at === undefined) { mentioned.set(m.id, mentions.length); mentions.push({ ...m, doc: f.key }); }
      else mentions[at] = { ...m, doc: f.key };
    }
    for (const [type, rows] of f.relations) {
      for (const row of rows) {
        const k = `${type}\u0000${row.source}\u0000${row.target}`;
        const prev = relations.get(k);
        if (!prev) { relations.set(k, { type, row: { ...row } }); continue; }
        const p = prev.row;
        prev.row = {
          source: p.source, target: p.target,
          date: row.date ?? p.date, role: row.role ?? p.role,
          docs: [...p.docs, ...row.docs], sentences: [...p.sentences, ...row.sentences],
          starts: [...p.starts, ...row.starts], ends: [...p.ends, ...row.ends], confidences: [...p.confidences, ...row.confidences],
        };
      }
    }
  }
  const byType = new Map<EntityType, EntityRow[]>();
  for (const row of entities.values()) push(byType, row.type, row);
  const relByType = new Map<RelationType, RelationRow[]>();
  for (const { type, row } of relations.values()) push(relByType, type, row);
  return { keys, entities: byType, entityCount: entities.size, mentions, relations: relByType };
}
