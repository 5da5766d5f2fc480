// Cuts a resolved Graph into one write unit per document: what that document
// says (its mentions, its relationships' provenance and the entities they
// need). Pure; the loader writes each unit in one transaction, so a document
// is either fully in the graph or not at all.
import { fullValue, indexedName, storageKey } from './keys.ts';
import type { ExportDocument, EntityType, Graph, GraphEntity, RelationType } from '../model/schemas.ts';
import type { DocumentForms } from '../resolve/index.ts';

export interface EntityRow {
  /** As stored (see keys.ts); fullId/fullName hold over-long values verbatim. */
  id: string;
  fullId: string | null;
  type: EntityType;
  name: string;
  fullName: string | null;
  /**
   * The aliases this row adds to the entity: its registry aliases (`base`)
   * here; in a batch's rows (batchRows) also the names the batch's
   * documents call it by.
   */
  aliases: string[];
  /** Registry aliases: the entity has them whatever documents say. */
  base: string[];
  date: string | null;
}

export interface MentionRow {
  id: string;
  starts: number[];
  ends: number[];
  /** The names (entity name excepted) this document calls the entity by: kept on its MENTIONS, they leave with it. */
  forms: string[];
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
  /** How each entry was obtained (Evidence.method), parallel to the lists above. */
  methods: string[];
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
  /** The cleaned text, kept on the Document node so the document can be extracted again without its source (kg curate). */
  text?: string | null;
}

/** Relationship types stored once per unordered pair (source id < target id). */
export const SYMMETRIC: ReadonlySet<RelationType> = new Set<RelationType>(['PARTNERED_WITH']);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Allocation-lean on purpose: a load slices the whole graph before its first
 * write, so this is on the critical path (string keys and sets per mention
 * made it ~1 s of garbage collection at 5,000 documents). Offsets are kept as
 * flat number lists and deduplicated after sorting; an entity's row is built
 * once and shared by every document that mentions it.
 */
export function sliceByDocument(graph: Graph, forms?: DocumentForms): DocumentFacts[] {
  const entityById = new Map<string, GraphEntity>(graph.entities.map((e) => [e.id, e]));
  const facts = new Map<string, DocumentFacts>();
  for (const document of graph.documents) {
    if (facts.has(document.id)) continue;
    facts.set(document.id, { document, key: storageKey(document.id), entities: new Map(), mentions: [], relations: new Map(), dangling: 0 });
  }

  // Mention offsets per (document, entity) as [start, end, start, end, ...].
  // A list is created with its first entries, not empty: V8 gives an empty
  // list room for 17 entries at its first push, and there are hundreds of
  // thousands of these.
  const spans = new Map<string, Map<string, number[]>>();
  const mentionedIn = (doc: string): Map<string, number[]> => {
    let byEntity = spans.get(doc);
    if (!byEntity) spans.set(doc, (byEntity = new Map()));
    return byEntity;
  };
  for (const e of graph.entities) {
    for (const m of e.mentions) {
      if (!facts.has(m.doc)) continue;
      const byEntity = mentionedIn(m.doc);
      const offsets = byEntity.get(e.id);
      if (offsets) offsets.push(m.start, m.end);
      else byEntity.set(e.id, [m.start, m.end]);
    }
  }

  // Relationship provenance per document, one entry per sentence span.
  const relRows = new Map<string, Map<string, { type: RelationType; row: RelationRow }>>();
  for (const r of graph.relations) {
    let [source, target] = [r.source, r.target];
    if (SYMMETRIC.has(r.type) && target < source) [source, target] = [target, source];
    const known = entityById.has(source) && entityById.has(target);
    const key = `${r.type}\u0000${source}\u0000${target}`;
    for (const ev of r.evidence) {
      const f = facts.get(ev.doc);
      if (!f) continue;
      if (!known) {
        f.dangling++;
        continue;
      }
      let byKey = relRows.get(ev.doc);
      if (!byKey) relRows.set(ev.doc, (byKey = new Map()));
      const entry = byKey.get(key);
      if (!entry) {
        byKey.set(key, {
          type: r.type,
          row: {
            source: storageKey(source),
            target: storageKey(target),
            date: r.date,
            role: r.role,
            docs: [f.key],
            sentences: [ev.sentence],
            starts: [ev.start],
            ends: [ev.end],
            confidences: [ev.confidence],
            methods: [ev.method],
          },
        });
      } else {
        const row = entry.row;
        row.date ??= r.date;
        row.role ??= r.role;
        let i = 0;
        while (i < row.starts.length && (row.starts[i] !== ev.start || row.ends[i] !== ev.end)) i++;
        if (i < row.starts.length) {
          row.confidences[i] = Math.max(row.confidences[i]!, ev.confidence);
          continue;
        }
        row.docs.push(f.key);
        row.sentences.push(ev.sentence);
        row.starts.push(ev.start);
        row.ends.push(ev.end);
        row.confidences.push(ev.confidence);
        row.methods.push(ev.method);
      }
      // Both ends are found in the document: they get MENTIONS edges, which
      // is also how a retraction finds this relationship again.
      const byEntity = mentionedIn(ev.doc);
      if (!byEntity.has(source)) byEntity.set(source, []);
      if (!byEntity.has(target)) byEntity.set(target, []);
    }
  }

  const entityRows = new Map<string, EntityRow>();
  const entityRow = (e: GraphEntity): EntityRow => {
    let row = entityRows.get(e.id);
    if (!row) {
      const id = storageKey(e.id);
      const name = indexedName(e.name);
      const base = forms?.base.get(e.id) ?? [];
      entityRows.set(
        e.id,
        (row = { id, fullId: fullValue(e.id, id), type: e.type, name, fullName: fullValue(e.name, name), aliases: base, base, date: e.date }),
      );
    }
    return row;
  };
  // Without the names per document (a graph read back or from a file), every
  // document gives an entity all its aliases.
  const noForms: string[] = [];
  for (const [doc, f] of facts) {
    for (const { type, row } of relRows.get(doc)?.values() ?? []) push(f.relations, type, row);
    const given = forms?.byDocument.get(doc);
    for (const [entityId, offsets] of spans.get(doc) ?? []) {
      const e = entityById.get(entityId)!;
      const row = entityRow(e);
      push(f.entities, row.type, row);
      f.mentions.push({ id: row.id, ...sortedSpans(offsets), forms: forms ? (given?.get(entityId) ?? noForms) : e.aliases });
    }
  }
  return [...facts.values()];
}

/** Distinct [start, end] pairs of a flat offset list, by start then end. */
function sortedSpans(offsets: number[]): { starts: number[]; ends: number[] } {
  if (offsets.length === 2) return { starts: [offsets[0]!], ends: [offsets[1]!] };
  const order = Array.from({ length: offsets.length / 2 }, (_, i) => i);
  order.sort((a, b) => offsets[2 * a]! - offsets[2 * b]! || offsets[2 * a + 1]! - offsets[2 * b + 1]!);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const i of order) {
    const start = offsets[2 * i]!;
    const end = offsets[2 * i + 1]!;
    if (starts.length && starts[starts.length - 1] === start && ends[ends.length - 1] === end) continue;
    starts.push(start);
    ends.push(end);
  }
  return { starts, ends };
}

/** The rows of a batch of documents, written in one transaction (GraphStore.writeDocuments). */
export interface BatchRows {
  /** Storage keys of the batch's documents, in order. */
  keys: string[];
  /** One row per entity (the same entity in several documents is written once), its aliases those the batch gives it. */
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
  const relations = new Map<string, { type: RelationType; row: RelationRow; own: boolean }>();
  for (const f of facts) {
    if (seen.has(f.key)) throw new Error(`document ${f.document.id} twice in one batch`);
    seen.add(f.key);
    keys.push(f.key);
    for (const rows of f.entities.values()) {
      for (const row of rows) {
        const prev = entities.get(row.id);
        if (!prev) {
          entities.set(row.id, row);
          continue;
        }
        entities.delete(row.id); // re-inserted: its (possibly new) type groups it
        entities.set(
          row.id,
          prev === row
            ? row
            : {
                ...row,
                aliases: [...new Set([...prev.aliases, ...row.aliases])],
                base: [...new Set([...prev.base, ...row.base])],
                date: row.date ?? prev.date,
              },
        );
      }
    }
    const mentioned = new Map<string, number>(); // one MENTIONS per (document, entity): the last row wins
    for (const m of f.mentions) {
      const at = mentioned.get(m.id);
      if (at === undefined) {
        mentioned.set(m.id, mentions.length);
        mentions.push({ ...m, doc: f.key });
      } else mentions[at] = { ...m, doc: f.key };
    }
    for (const [type, rows] of f.relations) {
      for (const row of rows) {
        const k = `${type}\u0000${row.source}\u0000${row.target}`;
        const prev = relations.get(k);
        if (!prev) {
          relations.set(k, { type, row, own: false });
          continue;
        }
        // The first document's row is shared: copied once, before the first append.
        if (!prev.own) {
          const p = prev.row;
          prev.row = {
            ...p,
            docs: [...p.docs],
            sentences: [...p.sentences],
            starts: [...p.starts],
            ends: [...p.ends],
            confidences: [...p.confidences],
            methods: [...p.methods],
          };
          prev.own = true;
        }
        const p = prev.row;
        p.date = row.date ?? p.date;
        p.role = row.role ?? p.role;
        p.docs.push(...row.docs);
        p.sentences.push(...row.sentences);
        p.starts.push(...row.starts);
        p.ends.push(...row.ends);
        p.confidences.push(...row.confidences);
        p.methods.push(...row.methods);
      }
    }
  }
  // The names the batch's documents call each entity by join its row (a copy:
  // the documents' rows are shared).
  const given = new Map<string, Set<string>>();
  for (const m of mentions) {
    if (m.forms.length === 0) continue;
    const set = given.get(m.id);
    if (set) for (const x of m.forms) set.add(x);
    else given.set(m.id, new Set(m.forms));
  }
  const byType = new Map<EntityType, EntityRow[]>();
  for (let row of entities.values()) {
    const names = given.get(row.id);
    if (names) {
      for (const x of row.aliases) names.delete(x);
      if (names.size) row = { ...row, aliases: [...row.aliases, ...names] };
    }
    push(byType, row.type, row);
  }
  const relByType = new Map<RelationType, RelationRow[]>();
  for (const { type, row } of relations.values()) push(relByType, type, row);
  return { keys, entities: byType, entityCount: entities.size, mentions, relations: relByType };
}
