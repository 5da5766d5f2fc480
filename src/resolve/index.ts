// Resolution: per-document entities in, one node per real-world thing out.
// Ids are stable across runs (registry id, else type + normalized name), so
// loading the same documents twice MERGEs onto the same nodes.
import { distance } from 'fastest-levenshtein';
import { Graph, type DocumentExtraction, type EntityType, type GraphEntity, type GraphRelation, type LocalEntity } from '../model/schemas.ts';
import { registry } from '../registry/index.ts';
import { GENERIC_AGREEMENT } from '../extract/recognize.ts';
import { mayMergeByAlias } from './alias-merge.ts';
import { normalizeName } from './normalize.ts';

/** An entity the graph (or the registry) already holds; resolution reuses its id. */
export interface KnownEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: string[];
  date: string | null;
}

/**
 * Similarity (1 - edit distance / length) above which two names of the same
 * type are one entity. Measured with `node --import tsx bench/fuzzy-threshold.ts`
 * on every pair of multi-word names in the registry (465 pairs naming one
 * entity, 7,634 naming two of the same type): from 0.85 up no two different
 * entities merge once the qualifier and number guards apply, and below it
 * "Canadian AI Safety Institute" / "IndiaAI Safety Institute" (0.82) would.
 * Distinct bodies differing in one word ("US AI Safety Institute" / "UK AI
 * Safety Institute", 0.95) are kept apart by the qualifier guard, not by the
 * threshold. Edit distance only catches spelling variants; other names of
 * one thing come from the registry and from acronym and alias links.
 */
export const FUZZY_THRESHOLD = 0.88;
/**
 * At most this many edits between spelling variants, whatever their length.
 * A run resolves each chunk of documents against the graph's entities found
 * by a Lucene fuzzy lookup (src/load/entity-candidates.ts), and Lucene's
 * fuzzy queries stop at 2 edits: resolution in memory keeps the same bound,
 * so a load in chunks gives the graph one load gives.
 */
export const MAX_FUZZY_EDITS = 2;

let qualifierIndex: Map<string, string> | undefined;

/** Whose a name says it is: every country name, alias and demonym in the registry, mapped to the country. */
const qualifierCache = new Map<string, string[]>();
function qualifiers(name: string): string[] {
  // Pure in the name; resolution asks again for every pair it compares.
  let cached = qualifierCache.get(name);
  if (!cached) qualifierCache.set(name, (cached = computeQualifiers(name)));
  return cached;
}

function computeQualifiers(name: string): string[] {
  if (!qualifierIndex) {
    qualifierIndex = new Map([
      ['eu', 'eu'],
      ['european', 'eu'],
      ['europe', 'eu'],
    ]);
    for (const c of registry().entries) {
      if (c.type !== 'Country') continue;
      for (const f of [c.name, ...c.aliases, ...c.demonyms]) qualifierIndex.set(normalizeName(f), c.id);
    }
  }
  const words = normalizeName(name).split(' ');
  const out = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    for (let n = 4; n >= 1; n--) {
      const q = qualifierIndex.get(words.slice(i, i + n).join(' '));
      if (q) {
        out.add(q);
        i += n - 1;
        break;
      }
    }
  }
  return [...out];
}

const normalCache = new Map<string, string>();
function normalized(s: string): string {
  let n = normalCache.get(s);
  if (n === undefined) normalCache.set(s, (n = normalizeName(s)));
  return n;
}

export function similar(a: string, b: string): number {
  const x = normalized(a);
  const y = normalized(b);
  if (!x || !y) return 0;
  return 1 - distance(x, y) / Math.max(x.length, y.length);
}

/** Whether two names are spelling variants of one another by edit distance alone (qualifiers aside). */
export function spellingVariants(a: string, b: string, min = FUZZY_THRESHOLD): number {
  const x = normalized(a);
  const y = normalized(b);
  if (!x || !y || Math.abs(x.length - y.length) > MAX_FUZZY_EDITS) return 0;
  const d = distance(x, y);
  if (d > MAX_FUZZY_EDITS) return 0;
  const score = 1 - d / Math.max(x.length, y.length);
  return score >= min ? score : 0;
}

/** Two names that differ in whose they are (US vs UK institute) are never one thing. */
export function conflictingQualifiers(a: string, b: string): boolean {
  const qa = qualifiers(a);
  const qb = qualifiers(b);
  if (qa.length > 0 && qb.length > 0 && !qa.some((q) => qb.includes(q))) return true;
  // Different years or versions are different things: REAIM Summit 2023 / 2024, GPT-4 / GPT-5.
  const na = numbersIn(a);
  const nb = numbersIn(b);
  return na !== '' && nb !== '' && na !== nb;
}

const numbersCache = new Map<string, string>();
/** The numbers a name carries, in order ('' when none). */
function numbersIn(name: string): string {
  let n = numbersCache.get(name);
  if (n === undefined) numbersCache.set(name, (n = (normalized(name).match(/\d+/g) ?? []).join(' ')));
  return n;
}

function slug(s: string): string {
  return normalizeName(s).replace(/ /g, '-').slice(0, 120) || 'unnamed';
}

function typePrefix(type: EntityType): string {
  return ({ GovernmentBody: 'gov', Organization: 'org', AIModel: 'model' } as Record<string, string>)[type] ?? type.toLowerCase();
}

interface Cluster {
  id: string;
  type: EntityType;
  name: string;
  forms: Set<string>;
  aliases: Set<string>;
  date: string | null;
  fixedName: boolean;
  mentions: GraphEntity['mentions'];
}

/**
 * Which names each document gave each entity, and the names an entity has
 * from the registry whatever the documents say. The loader keeps a
 * document's names with the document (on its MENTIONS), so they leave the
 * graph with it and a batch written before a crash carries only its own
 * documents' names.
 */
export interface DocumentForms {
  /** document id -> entity id -> the names (entity name excepted) that document calls it by. */
  byDocument: Map<string, Map<string, string[]>>;
  /** entity id -> its registry aliases. */
  base: Map<string, string[]>;
}

/** The id resolution gives a new entity of this type and name (when no known entity and no registry entry claims it). */
export function entityIdFor(type: EntityType, name: string): string {
  return `${typePrefix(type)}/${slug(name)}`;
}

/**
 * What analysts decided that resolution itself must honour (src/curate/
 * makes these from graph/curation/decisions.jsonl; the rest of a decision is
 * applied to the resolved graph).
 */
export interface ResolveHints {
  /** Two ids that are never one entity (keep-apart): a mention is never joined to an entity kept apart from the one its own name (or registry id) gives. */
  apart?: ReadonlyMap<string, ReadonlySet<string>>;
  /** The types an entity had before an analyst retyped it: it still takes mentions the extractor types so. */
  formerTypes?: ReadonlyMap<string, readonly EntityType[]>;
}

export function resolveGraph(extractions: DocumentExtraction[], known: KnownEntity[] = [], hints: ResolveHints = {}): Graph {
  return resolveDocuments(extractions, known, hints).graph;
}

/** resolveGraph, with the names each document contributed (DocumentForms). */
export function resolveDocuments(
  extractions: DocumentExtraction[],
  known: KnownEntity[] = [],
  hints: ResolveHints = {},
): { graph: Graph; forms: DocumentForms } {
  const reg = registry();
  const clusters = new Map<string, Cluster>();
  const byForm = new Map<string, Cluster[]>();
  const index = (c: Cluster, form: string) => {
    const f = normalizeName(form);
    if (!f) return;
    c.forms.add(f);
    const list = byForm.get(f) ?? [];
    if (!list.includes(c)) list.push(c);
    byForm.set(f, list);
  };
  const newCluster = (id: string, type: EntityType, name: string, aliases: string[], date: string | null, fixedName: boolean): Cluster => {
    const c: Cluster = { id, type, name, forms: new Set(), aliases: new Set(aliases), date, fixedName, mentions: [] };
    clusters.set(id, c);
    for (const f of [name, ...aliases]) index(c, f);
    return c;
  };
  // An entity of the graph keeps its name; only a registry entity's date is
  // fixed (a later document refines the date of another, as it would in one
  // resolution of all the documents).
  for (const k of known) newCluster(k.id, k.type, k.name, k.aliases, k.date, reg.byId.has(k.id));

  // A cluster takes a mention of its own type, or of a type an analyst retyped it from.
  const typeFits = (c: Cluster, type: EntityType) => c.type === type || (hints.formerTypes?.get(c.id)?.includes(type) ?? false);
  // The ids a mention stands for on its own: its registry entry's and the one its name gives.
  const apartFrom = (c: Cluster, e: LocalEntity): boolean => {
    const apart = hints.apart?.get(c.id);
    if (!apart) return false;
    return apart.has(entityIdFor(e.type, e.name)) || (e.registryId !== null && apart.has(e.registryId));
  };
  const find = (e: LocalEntity): Cluster | undefined => {
    // A name kept apart from the registry entry the gazetteer tied it to stands for itself.
    const registryId = e.registryId && !hints.apart?.get(e.registryId)?.has(entityIdFor(e.type, e.name)) ? e.registryId : null;
    if (registryId) {
      const existing = clusters.get(registryId);
      if (existing) return existing;
      const r = reg.byId.get(registryId);
      if (r) return newCluster(r.id, r.type, r.name, r.aliases, r.date ?? null, true);
    }
    // "the MoU", "agreements": a kind of instrument, not the name of one; two documents' MoUs are one only by their names.
    const forms = [e.name, ...e.aliases.filter((a) => !GENERIC_AGREEMENT.test(a))];
    for (const f of forms) {
      const form = normalizeName(f);
      const holders = (byForm.get(form) ?? []).filter((c) => typeFits(c, e.type));
      const hit = holders.find(
        (c) =>
          !conflictingQualifiers(c.name, e.name) &&
          !apartFrom(c, e) &&
          mayMergeByAlias({ form, type: e.type, entityName: e.name, clusterName: c.name, holders: holders.length }),
      );
      if (hit) return hit;
    }
    // A registry entry the recognizer did not tie to the mention ("AI Seoul Summit" typed by pattern).
    const r = reg.lookup(e.name).find((x) => x.type === e.type && !hints.apart?.get(x.id)?.has(entityIdFor(e.type, e.name)));
    if (r) return clusters.get(r.id) ?? newCluster(r.id, r.type, r.name, r.aliases, r.date ?? null, true);
    let best: Cluster | undefined;
    let bestScore = FUZZY_THRESHOLD;
    for (const c of clusters.values()) {
      if (!typeFits(c, e.type)) continue;
      // Edit distance first (after its length-difference bound): it rules out nearly every pair, and costs less than the qualifier checks.
      const score = spellingVariants(c.name, e.name, bestScore);
      if (score === 0 || conflictingQualifiers(c.name, e.name) || apartFrom(c, e)) continue;
      best = c;
      bestScore = score;
    }
    return best;
  };

  const idOf = new Map<string, string>(); // `${doc}|${localKey}` -> cluster id
  const byDocument: DocumentForms['byDocument'] = new Map();
  for (const x of extractions) {
    const docForms = new Map<string, string[]>();
    byDocument.set(x.document.id, docForms);
    for (const e of x.entities) {
      let c = find(e);
      if (!c) {
        let id = entityIdFor(e.type, e.name);
        while (clusters.has(id) && (!typeFits(clusters.get(id)!, e.type) || apartFrom(clusters.get(id)!, e))) id += '-x';
        c = clusters.get(id) ?? newCluster(id, e.type, e.name, [], e.date, false);
      }
      let given = docForms.get(c.id);
      if (!given) docForms.set(c.id, (given = []));
      for (const f of [e.name, ...e.aliases]) {
        if (f !== c.name) {
          c.aliases.add(f);
          if (!given.includes(f)) given.push(f);
        }
        index(c, f);
      }
      // The most precise date wins when documents agree on its prefix; else the first seen.
      if (e.date && (!c.date || (e.date.startsWith(c.date) && e.date.length > c.date.length && !c.fixedName))) c.date = e.date;
      for (const m of e.mentions) c.mentions.push({ doc: x.document.id, start: m.start, end: m.end });
      idOf.set(`${x.document.id}|${e.key}`, c.id);
    }
  }

  const relations = new Map<string, GraphRelation>();
  for (const x of extractions) {
    for (const r of x.relations) {
      const s = idOf.get(`${x.document.id}|${r.source}`);
      const t = idOf.get(`${x.document.id}|${r.target}`);
      if (!s || !t || s === t) continue;
      const [a, b] = r.type === 'PARTNERED_WITH' && s > t ? [t, s] : [s, t];
      const key = `${r.type}|${a}|${b}`;
      let rel = relations.get(key);
      if (!rel) {
        rel = { type: r.type, source: a, target: b, date: r.date, role: r.role, confidence: 0, evidence: [] };
        relations.set(key, rel);
      }
      if (!rel.evidence.some((ev) => ev.doc === r.evidence.doc && ev.start === r.evidence.start)) rel.evidence.push(r.evidence);
      rel.confidence = Math.max(rel.confidence, r.evidence.confidence);
      rel.date ??= r.date;
      rel.role ??= r.role;
    }
  }

  const used = [...clusters.values()].filter((c) => c.mentions.length > 0);
  const base: DocumentForms['base'] = new Map();
  for (const c of used) {
    const r = reg.byId.get(c.id);
    if (r)
      base.set(
        c.id,
        r.aliases.filter((a) => a !== c.name),
      );
  }
  const graph = Graph.parse({
    documents: extractions.map(({ document: d }) => ({
      id: d.id,
      source: d.source,
      url: d.url,
      title: d.title,
      publishedAt: d.publishedAt,
      contentHash: d.contentHash,
    })),
    entities: used.map((c) => ({
      id: c.id,
      type: c.type,
      name: c.name,
      aliases: [...c.aliases].filter((a) => a !== c.name).sort(),
      date: c.date,
      mentions: c.mentions,
    })),
    relations: [...relations.values()],
  });
  return { graph, forms: { byDocument, base } };
}
