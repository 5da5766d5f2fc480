// Curation: analysts' decisions (graph/curation/decisions.jsonl) applied by
// every resolution that feeds the graph. resolveCurated is what `kg run`,
// `kg refresh`, the queue writer and `kg curate` resolve with: the resolver
// honours keep-apart and former types, then applyDecisions does the rest.
import type { Decision } from '../model/decisions.ts';
import type { DocumentExtraction, Graph } from '../model/schemas.ts';
import { resolveDocuments, type DocumentForms, type KnownEntity } from '../resolve/index.ts';
import { registry } from '../registry/index.ts';
import { normalizeName } from '../resolve/normalize.ts';
import { activeDecisions, applyDecisions, renameEntityId, resolveHints, type EntityReset } from './apply.ts';

export {
  activeDecisions,
  applyDecisions,
  decisionEntities,
  describeDecision,
  factKey,
  normalFact,
  pendingDecisions,
  renameEntityId,
  resetFor,
  resolveHints,
  type EntityReset,
} from './apply.ts';
export { appendDecision, decisionsFile, parseDecisions, readDecisions } from './file.ts';

/**
 * Resolution under the decisions. `reset`: entities whose state in the graph
 * must not steer resolution (those a decision being applied or withdrawn is
 * about, whose aliases carry the decision): they keep their id but enter
 * without aliases (their documents, all resolved again, give them back), and
 * with the name and type given here (what they were before a withdrawn
 * rename or retype).
 */
export function resolveCurated(
  extractions: DocumentExtraction[],
  known: KnownEntity[],
  decisions: readonly Decision[],
  reset: ReadonlyMap<string, EntityReset> = new Map(),
): { graph: Graph; forms: DocumentForms; effective: string[] } {
  const active = activeDecisions(decisions);
  const start = new Map<string, KnownEntity>();
  for (const k of known) {
    const r = reset.get(k.id);
    if (r?.forget) continue;
    start.set(k.id, r ? { ...k, aliases: [], name: r.name ?? k.name, type: r.type ?? k.type } : k);
  }
  // Names an analyst gave an entity (an alias, a merged entity's name) resolve
  // to it also where the graph does not hold it yet (a graph built afresh).
  const named = (e: { id: string; type: KnownEntity['type']; name: string }, name: string) => {
    const k = start.get(e.id) ?? { id: e.id, type: e.type, name: e.name, aliases: [], date: null };
    if (name !== k.name && !k.aliases.includes(name)) k.aliases = [...k.aliases, name];
    start.set(e.id, k);
  };
  for (const d of active) {
    if (d.kind === 'alias') named(d.entity, d.alias);
    else if (d.kind === 'merge') named(d.into, d.from.name);
  }
  let { graph, forms } = resolveDocuments(extractions, [...start.values()], resolveHints(active));
  const reg = registry();
  // A forgotten entity the documents make anew gets its former id back (EntityReset.former).
  for (const [id, r] of reset) {
    if (!r.former || graph.entities.some((e) => e.id === id)) continue;
    const want = normalizeName(r.former.name);
    const anew = graph.entities.find(
      (e) => !start.has(e.id) && !reg.byId.has(e.id) && e.type === r.former!.type && [e.name, ...e.aliases].some((n) => normalizeName(n) === want),
    );
    if (anew) ({ graph, forms } = renameEntityId(graph, forms, anew.id, id));
  }
  return applyDecisions(graph, active, forms);
}
