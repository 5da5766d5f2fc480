// Analysts' decisions applied to a resolved graph (pure). Every run, refresh
// and queue batch resolves its documents and then passes the graph through
// applyDecisions before loading it, so a decision holds whatever documents
// come later; the resolver honours the decisions it must know while it
// clusters (keep-apart, a retyped entity's former types: resolveHints).
//
// The decisions apply in the order they were taken, each to the graph the
// ones before it left: a rename after a merge names the merged entity.
import type { Decision, EntityRef, FactRef } from '../model/decisions.ts';
import type { EntityType, Graph, GraphEntity, GraphRelation } from '../model/schemas.ts';
import type { DocumentForms, ResolveHints } from '../resolve/index.ts';

/** The decisions in force: every decision but the withdrawals and what they withdrew, in order. */
export function activeDecisions(all: readonly Decision[]): Decision[] {
  const withdrawn = new Set(all.flatMap((d) => (d.kind === 'withdraw' ? [d.decision] : [])));
  return all.filter((d) => d.kind !== 'withdraw' && !withdrawn.has(d.id));
}

/** Relationship types stored once per unordered pair (as the loader does: src/load/slice.ts SYMMETRIC). */
const SYMMETRIC = new Set(['PARTNERED_WITH']);

/** A fact's key, ends ordered for symmetric types. */
export function factKey(f: FactRef): string {
  const [a, b] = SYMMETRIC.has(f.type) && f.target < f.source ? [f.target, f.source] : [f.source, f.target];
  return `${f.type}|${a}|${b}`;
}

/** A fact with its ends in the order the graph stores them. */
export function normalFact(f: FactRef): FactRef {
  const [type, source, target] = factKey(f).split('|') as [FactRef['type'], string, string];
  return { type, source, target };
}

/** What the resolver must know of the decisions in force (see ResolveHints). */
export function resolveHints(decisions: readonly Decision[]): ResolveHints {
  const apart = new Map<string, Set<string>>();
  const formerTypes = new Map<string, EntityType[]>();
  const add = (a: string, b: string) => {
    const set = apart.get(a) ?? new Set<string>();
    set.add(b);
    apart.set(a, set);
  };
  for (const d of activeDecisions(decisions)) {
    if (d.kind === 'keep-apart') {
      add(d.a.id, d.b.id);
      add(d.b.id, d.a.id);
    } else if (d.kind === 'retype' && d.entity.type !== d.type) {
      const list = formerTypes.get(d.entity.id) ?? [];
      if (!list.includes(d.entity.type)) list.push(d.entity.type);
      formerTypes.set(d.entity.id, list);
    }
  }
  return { apart, formerTypes };
}

export interface Applied {
  graph: Graph;
  forms: DocumentForms;
  /** Ids of the decisions that changed something in this graph. */
  effective: string[];
}

const uniq = (list: Iterable<string>, except?: string) => [...new Set(list)].filter((x) => x !== except);

/**
 * The graph as the decisions in force (activeDecisions of `decisions`) say
 * it is. Pure: the input graph and forms are left as they are.
 *  - merge: `from`'s mentions, names and relationships go to `into` (which
 *    takes the id, type and name recorded in the decision when this graph
 *    does not hold it: the live graph does); its names stay aliases of `into`.
 *  - rename: the new name; the old one stays an alias.
 *  - retype: the new type.
 *  - alias: one more name, kept whatever the documents say.
 *  - reject: the evidence entries of that document and sentence, or (a whole
 *    rejection) those whose sentence stated the fact when it was rejected, go,
 *    and the relationship with the last of them; a whole rejection without
 *    sentences (--everywhere) takes the relationship whatever states it.
 *  - keep-apart, confirm, confirm-entity: nothing here (the resolver honours
 *    keep-apart; confirmations only take items out of the review queue).
 */
export function applyDecisions(graph: Graph, decisions: readonly Decision[], forms?: DocumentForms): Applied {
  const entities = new Map<string, GraphEntity>(graph.entities.map((e) => [e.id, { ...e, aliases: [...e.aliases], mentions: [...e.mentions] }]));
  let relations: GraphRelation[] = graph.relations.map((r) => ({ ...r, evidence: [...r.evidence] }));
  const byDocument = new Map(
    [...(forms?.byDocument ?? new Map<string, Map<string, string[]>>())].map(([doc, m]) => [doc, new Map([...m].map(([id, l]) => [id, [...l]]))]),
  );
  const base = new Map([...(forms?.base ?? new Map<string, string[]>())].map(([id, l]) => [id, [...l]]));
  const effective: string[] = [];

  // The names a document calls an entity by, its name excepted (DocumentForms).
  const docForms = (doc: string, id: string) => {
    let m = byDocument.get(doc);
    if (!m) byDocument.set(doc, (m = new Map()));
    let l = m.get(id);
    if (!l) m.set(id, (l = []));
    return l;
  };
  const docsOf = (e: GraphEntity) => new Set(e.mentions.map((m) => m.doc));
  const addBase = (id: string, names: string[], except: string) => base.set(id, uniq([...(base.get(id) ?? []), ...names], except));
  const renameIn = (e: GraphEntity, name: string) => {
    const old = e.name;
    e.name = name;
    e.aliases = uniq([...e.aliases, old], name).sort();
    for (const doc of docsOf(e)) {
      const l = docForms(doc, e.id);
      const next = uniq([...l, old], name);
      l.splice(0, l.length, ...next);
    }
    if (base.has(e.id)) base.set(e.id, uniq(base.get(e.id)!, name));
  };

  for (const d of activeDecisions(decisions)) {
    switch (d.kind) {
      case 'merge': {
        if (d.from.id === d.into.id) break;
        const from = entities.get(d.from.id);
        if (!from) break;
        effective.push(d.id);
        let into = entities.get(d.into.id);
        if (!into) {
          into = { ...from, id: d.into.id, type: d.into.type, name: d.into.name, aliases: [], mentions: [] };
          entities.set(into.id, into);
        }
        entities.delete(from.id);
        into.mentions = [...into.mentions, ...from.mentions];
        into.aliases = uniq([...into.aliases, from.name, ...from.aliases], into.name).sort();
        into.date ??= from.date;
        for (const [, m] of byDocument) {
          const l = m.get(from.id);
          if (!l) continue;
          m.delete(from.id);
          const names = uniq([...(m.get(into.id) ?? []), ...l, from.name], into.name);
          m.set(into.id, names);
        }
        // The merged name is the analyst's: it names `into` whatever the documents say.
        addBase(into.id, [...(base.get(from.id) ?? []), from.name], into.name);
        base.delete(from.id);
        relations = rewire(relations, from.id, into.id);
        break;
      }
      case 'rename': {
        const e = entities.get(d.entity.id);
        if (!e || e.name === d.name) break;
        effective.push(d.id);
        renameIn(e, d.name);
        break;
      }
      case 'retype': {
        const e = entities.get(d.entity.id);
        if (!e || e.type === d.type) break;
        effective.push(d.id);
        e.type = d.type;
        break;
      }
      case 'alias': {
        const e = entities.get(d.entity.id);
        if (!e) break;
        effective.push(d.id);
        if (d.alias !== e.name) e.aliases = uniq([...e.aliases, d.alias]).sort();
        addBase(e.id, [d.alias], e.name);
        // Also a name its documents give it, so the loader sees it go when the decision is withdrawn.
        for (const doc of docsOf(e)) {
          const l = docForms(doc, e.id);
          if (d.alias !== e.name && !l.includes(d.alias)) l.push(d.alias);
        }
        break;
      }
      case 'reject': {
        const key = factKey(d.fact);
        const before = relations.length;
        let changed = false;
        relations = relations.flatMap((r) => {
          if (factKey(r) !== key) return [r];
          if (!d.evidence && !d.sentences) {
            changed = true;
            return [];
          }
          const rejected = (ev: GraphRelation['evidence'][number]) =>
            d.evidence
              ? ev.doc === d.evidence.doc && (d.evidence.sentence === null || ev.sentence === d.evidence.sentence)
              : d.sentences!.includes(ev.sentence);
          const evidence = r.evidence.filter((ev) => !rejected(ev));
          if (evidence.length === r.evidence.length) return [r];
          changed = true;
          if (evidence.length === 0) return [];
          return [{ ...r, evidence, confidence: Math.max(...evidence.map((ev) => ev.confidence)) }];
        });
        if (changed || relations.length !== before) effective.push(d.id);
        break;
      }
      case 'keep-apart':
      case 'confirm':
      case 'confirm-entity':
      case 'withdraw':
        break;
    }
  }

  return {
    graph: { documents: graph.documents, entities: [...entities.values()], relations },
    forms: { byDocument, base },
    effective,
  };
}

/** Relationships with `from` replaced by `into`: self-loops dropped, the same relationship twice made one (evidence joined). */
function rewire(relations: GraphRelation[], from: string, into: string): GraphRelation[] {
  const out = new Map<string, GraphRelation>();
  for (const r0 of relations) {
    const r =
      r0.source === from || r0.target === from ? { ...r0, source: r0.source === from ? into : r0.source, target: r0.target === from ? into : r0.target } : r0;
    if (r.source === r.target) continue;
    const f = normalFact(r);
    const key = factKey(f);
    const prev = out.get(key);
    if (!prev) {
      out.set(key, { ...r, source: f.source, target: f.target });
      continue;
    }
    for (const ev of r.evidence) if (!prev.evidence.some((x) => x.doc === ev.doc && x.start === ev.start && x.end === ev.end)) prev.evidence.push(ev);
    prev.confidence = Math.max(prev.confidence, r.confidence);
    prev.date ??= r.date;
    prev.role ??= r.role;
  }
  return [...out.values()];
}

/**
 * Gives an entity of a resolved graph another id (its relationships and
 * names per document follow). Pure: returns new graph and forms.
 */
export function renameEntityId(graph: Graph, forms: DocumentForms, from: string, to: string): { graph: Graph; forms: DocumentForms } {
  const swap = (id: string) => (id === from ? to : id);
  const relations = graph.relations.map((r) => {
    if (r.source !== from && r.target !== from) return r;
    const f = normalFact({ type: r.type, source: swap(r.source), target: swap(r.target) });
    return { ...r, source: f.source, target: f.target };
  });
  const rekey = <V>(m: ReadonlyMap<string, V>) => new Map([...m].map(([k, v]) => [swap(k), v]));
  return {
    graph: { ...graph, entities: graph.entities.map((e) => (e.id === from ? { ...e, id: to } : e)), relations },
    forms: { byDocument: new Map([...forms.byDocument].map(([doc, m]) => [doc, rekey(m)])), base: rekey(forms.base) },
  };
}

/** How an entity enters resolution when the documents about it are resolved again (resolveCurated). */
export interface EntityReset {
  name?: string;
  type?: EntityType;
  /** Not known at all: the documents make it anew, or make it part of another entity. */
  forget?: boolean;
  /**
   * What a forgotten entity was (a merged entity, a name kept apart, when the
   * decision is withdrawn): if the documents make an entity of this type and
   * name anew, it takes this id again, so an id an analyst noted still names
   * it (resolution would name it after the first form it meets, which can be
   * another spelling of the same name).
   */
  former?: EntityRef;
}

/**
 * The entities whose graph state must not steer the resolution of the
 * documents a decision touches, applied (`undo` false) or withdrawn: what
 * they were before the decision when it is withdrawn.
 */
export function resetFor(d: Decision, undo: boolean): Map<string, EntityReset> {
  switch (d.kind) {
    // Applied, the merged entity enters as the graph holds it (every spelling
    // the documents gave it) and applyDecisions makes it part of `into`;
    // withdrawn, the graph no longer holds it and the documents make it anew.
    case 'merge':
      return undo
        ? new Map<string, EntityReset>([
            [d.into.id, { name: d.into.name, type: d.into.type }],
            [d.from.id, { forget: true, former: d.from }],
          ])
        : new Map<string, EntityReset>([[d.into.id, {}]]);
    // Withdrawn, the name split off is the fuzzy matcher's again: it must not enter as an entity of its own.
    case 'keep-apart':
      return new Map<string, EntityReset>([
        [d.a.id, {}],
        [d.b.id, undo ? { forget: true, former: d.b } : {}],
      ]);
    case 'rename':
      return new Map([[d.entity.id, undo ? { name: d.entity.name } : {}]]);
    case 'retype':
      return new Map([[d.entity.id, undo ? { type: d.entity.type } : {}]]);
    case 'alias':
      return new Map([[d.entity.id, {}]]);
    default:
      return new Map();
  }
}

/**
 * Decisions of the file the graph has not applied yet (a decisions file
 * pulled from another analyst's clone, a decision whose live application
 * failed): `undo` false to apply, true to withdraw. `statuses`: the graph's
 * Decision nodes (decisionStatuses). A graph that never saw a decision
 * withdrawn since has nothing to undo.
 */
export function pendingDecisions(all: readonly Decision[], statuses: ReadonlyMap<string, string>): Array<{ decision: Decision; undo: boolean }> {
  const active = new Set(activeDecisions(all).map((d) => d.id));
  const out: Array<{ decision: Decision; undo: boolean }> = [];
  for (const d of all) {
    if (d.kind === 'withdraw') continue;
    const seen = statuses.get(d.id);
    if (active.has(d.id) && seen === undefined) out.push({ decision: d, undo: false });
    else if (!active.has(d.id) && seen === 'active') out.push({ decision: d, undo: true });
  }
  return out;
}

/** The entity ids a decision is about (whose documents a live application re-derives). */
export function decisionEntities(d: Decision): string[] {
  switch (d.kind) {
    case 'merge':
      return [d.into.id, d.from.id];
    case 'keep-apart':
      return [d.a.id, d.b.id];
    case 'rename':
    case 'retype':
    case 'alias':
    case 'confirm-entity':
      return [d.entity.id];
    case 'reject':
    case 'confirm':
      return [d.fact.source, d.fact.target];
    case 'withdraw':
      return [];
  }
}

/** One line saying what a decision decided, for listings. */
export function describeDecision(d: Decision): string {
  const e = (r: EntityRef) => `${r.name} (${r.id})`;
  const f = (x: FactRef) => `${x.source} -[${x.type}]-> ${x.target}`;
  switch (d.kind) {
    case 'merge':
      return `merge ${e(d.from)} into ${e(d.into)}`;
    case 'keep-apart':
      return `keep ${e(d.a)} and ${e(d.b)} apart`;
    case 'rename':
      return `rename ${e(d.entity)} to "${d.name}"`;
    case 'retype':
      return `retype ${e(d.entity)} from ${d.entity.type} to ${d.type}`;
    case 'alias':
      return `alias "${d.alias}" for ${e(d.entity)}`;
    case 'reject':
      return `reject ${f(d.fact)}${
        d.evidence
          ? ` as stated by ${d.evidence.doc}${d.evidence.sentence ? `: "${d.evidence.sentence}"` : ''}`
          : d.sentences
            ? ` (${d.sentences.length} sentence${d.sentences.length === 1 ? '' : 's'}; new evidence brings it back for review)`
            : ' whatever states it'
      }`;
    case 'confirm':
      return `confirm ${f(d.fact)}`;
    case 'confirm-entity':
      return `confirm ${e(d.entity)}`;
    case 'withdraw':
      return `withdraw ${d.decision}`;
  }
}
