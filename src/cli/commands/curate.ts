// `kg curate ...` (analysts' decisions, recorded in graph/curation/decisions.jsonl
// and applied to the live graph at once) and `kg review` (what is left to decide).
import path from 'node:path';
import type { Command } from 'commander';
import type { DecideOutcome, DecisionBody } from '../../curate/live.ts';
import { REVIEW_KINDS, type ReviewKind } from '../../curate/review-kinds.ts';
import type { EntityRow } from '../../load/curation.ts';
import type { GraphStore } from '../../load/index.ts';
import type { EntityRef } from '../../model/decisions.ts';
import type { EntityType, RelationType } from '../../model/schemas.ts';
import { ENTITY_TYPES } from '../../model/vocabulary.ts';

/**
 * The curation code, the resolver (with its NLP library) and the graph,
 * imported when a command runs: the definitions below load at every start,
 * `kg --help` included, and must not pull them in.
 */
async function lib() {
  const [
    { activeDecisions, decisionsFile, describeDecision, normalFact, readDecisions },
    { decide, withdraw },
    { readReviewQueue },
    { factEvidence, findEntities },
    { entityIdFor },
    { openGraph },
    { EntityType, RelationType },
  ] = await Promise.all([
    import('../../curate/index.ts'),
    import('../../curate/live.ts'),
    import('../../curate/queue.ts'),
    import('../../load/curation.ts'),
    import('../../resolve/index.ts'),
    import('../graph-session.ts'),
    import('../../model/schemas.ts'),
  ]);
  return {
    activeDecisions,
    decisionsFile,
    describeDecision,
    normalFact,
    readDecisions,
    decide,
    withdraw,
    readReviewQueue,
    factEvidence,
    findEntities,
    entityIdFor,
    openGraph,
    EntityType,
    RelationType,
  };
}
type Lib = Awaited<ReturnType<typeof lib>>;

interface CurateOptions {
  by?: string;
  why?: string;
  json?: boolean;
}

const shown = (file: string) => path.relative(process.cwd(), file) || file;

/** The one entity a reference names, or a message that says what it names. */
async function entity(store: GraphStore, ref: string): Promise<EntityRef> {
  const { findEntities } = await lib();
  const found = await findEntities(store, ref);
  if (found.length === 0) throw new Error(`no entity "${ref}" in the graph (give an id as \`kg export\` shows it, a name or an alias)`);
  if (found.length > 1) throw new Error(`"${ref}" names ${found.length} entities: ${found.map((e) => `${e.id} (${e.type})`).join(', ')}; give an id`);
  return ref_(found[0]!, await lib());
}

const ref_ = (e: EntityRow, { EntityType }: Lib): EntityRef => ({ id: e.id, type: EntityType.parse(e.type), name: e.name });

async function relationType(t: string): Promise<RelationType> {
  const { RelationType } = await lib();
  const parsed = RelationType.safeParse(t.toUpperCase());
  if (!parsed.success) throw new Error(`"${t}" is not a relationship type (one of ${RelationType.options.join(', ')})`);
  return parsed.data;
}

async function entityType(t: string): Promise<EntityType> {
  const { EntityType } = await lib();
  const parsed = EntityType.safeParse(EntityType.options.find((x) => x.toLowerCase() === t.toLowerCase()) ?? t);
  if (!parsed.success) throw new Error(`"${t}" is not an entity type (one of ${EntityType.options.join(', ')})`);
  return parsed.data;
}

async function fact(store: GraphStore, source: string, type: string, target: string) {
  const { factEvidence, normalFact } = await lib();
  const f = normalFact({ type: await relationType(type), source: (await entity(store, source)).id, target: (await entity(store, target)).id });
  const evidence = await factEvidence(store, f);
  if (evidence === null) throw new Error(`the graph holds no ${f.type} relationship from ${f.source} to ${f.target}`);
  return { fact: f, evidence };
}

async function report(outcome: DecideOutcome, opts: CurateOptions, verb = 'recorded'): Promise<void> {
  const { decisionsFile, describeDecision } = await lib();
  const { decision, applied } = outcome;
  if (opts.json) {
    console.log(JSON.stringify({ command: 'curate', decision, file: shown(decisionsFile()), applied }, null, 1));
    return;
  }
  const lines = [`kg curate: ${decision.id} ${verb} in ${shown(decisionsFile())} (by ${decision.by}): ${describeDecision(decision)}`];
  if (applied.run)
    lines.push(
      `  applied to the graph: ${applied.rederived.length} document${applied.rederived.length === 1 ? '' : 's'} extracted and resolved again (run ${applied.run})`,
    );
  else if (applied.evidenceLeft !== undefined) {
    lines.push(
      applied.evidenceLeft > 0
        ? `  applied to the graph: ${applied.evidenceLeft} piece(s) of evidence left on the relationship`
        : '  applied to the graph: the relationship is gone',
    );
  } else lines.push('  recorded in the graph (a :Decision node); the review queue leaves it out');
  for (const u of applied.unavailable) lines.push(`  not re-derived: ${u.id}: ${u.reason} (the decision reaches it when it is loaded again)`);
  console.log(lines.join('\n'));
}

/** Opens the graph, runs one decision, closes. */
async function withGraph(opts: CurateOptions, work: (store: GraphStore) => Promise<DecideOutcome>, verb?: string): Promise<void> {
  const { openGraph } = await lib();
  const { store } = await openGraph(opts.json ? () => {} : undefined);
  try {
    await report(await work(store), opts, verb);
  } finally {
    await store.close();
  }
}

const run = (body: (store: GraphStore) => Promise<DecisionBody>) => (opts: CurateOptions) =>
  withGraph(opts, async (store) => (await lib()).decide(store, await body(store), { by: opts.by, why: opts.why ?? null }));

function common<T extends Command>(cmd: T): T {
  return cmd
    .option('--by <who>', 'who decides (default: git user.name, else $USER)')
    .option('--why <reason>', 'why, in a sentence (kept with the decision)')
    .option('--json', 'print the decision and what applying it did as JSON');
}

export function registerCurate(program: Command): void {
  const curate = program
    .command('curate')
    .description(
      "analysts' decisions (merge, keep apart, rename, retype, alias, reject, confirm, undo): recorded in graph/curation/decisions.jsonl, applied to the graph at once and by every later run and refresh. A rejected fact stays out against the sentences that stated it, in any document; a new sentence stating it brings it back for review (kg review: rejected-restated), unless rejected --everywhere",
    );

  common(
    curate
      .command('merge')
      .description("make two entities one: KEEP keeps its id and name, OTHER's names become its aliases")
      .argument('<keep>', 'the entity that stays (id, name or alias)')
      .argument('<other>', 'the entity merged into it'),
  ).action(async (keep: string, other: string, opts: CurateOptions) =>
    run(async (store) => {
      const [into, from] = [await entity(store, keep), await entity(store, other)];
      if (into.id === from.id) throw new Error(`"${keep}" and "${other}" are already one entity (${into.id})`);
      if (into.type !== from.type) console.error(`kg curate: note: merging a ${from.type} into a ${into.type}; the merged entity is a ${into.type}`);
      return { kind: 'merge', into, from };
    })(opts),
  );

  common(
    curate
      .command('keep-apart')
      .description('two entities are never one, whatever the fuzzy matcher says; B may be a name the graph merged into A (split off)')
      .argument('<a>', 'an entity (id, name or alias)')
      .argument('<b>', 'another entity, or a name to split off A')
      .option('--type <type>', "the type of B when it is a name split off (default: A's)"),
  ).action(async (a: string, b: string, opts: CurateOptions & { type?: string }) =>
    run(async (store) => {
      const l = await lib();
      const { entityIdFor, findEntities } = l;
      const first = await entity(store, a);
      const found = await findEntities(store, b);
      // A name that only A carries (an alias of A) is a name to split off, not another entity.
      const other = found.filter((e) => e.id !== first.id);
      let second: EntityRef;
      if (other.length === 1) second = ref_(other[0]!, l);
      else if (other.length > 1) throw new Error(`"${b}" names ${other.length} entities: ${other.map((e) => e.id).join(', ')}; give an id`);
      else {
        const type = opts.type ? await entityType(opts.type) : first.type;
        second = { id: entityIdFor(type, b), type, name: b };
      }
      if (second.id === first.id) throw new Error(`"${b}" is ${first.name}'s own name; nothing to keep apart`);
      return { kind: 'keep-apart', a: first, b: second };
    })(opts),
  );

  common(
    curate
      .command('rename')
      .description('give an entity another name (its id stays; the old name stays an alias)')
      .argument('<entity>', 'id, name or alias')
      .argument('<name>', 'the new name'),
  ).action(async (ref: string, name: string, opts: CurateOptions) =>
    run(async (store) => ({ kind: 'rename', entity: await entity(store, ref), name: name.trim() }))(opts),
  );

  common(
    curate
      .command('retype')
      .description(`give an entity another type (${ENTITY_TYPES.join(', ')})`)
      .argument('<entity>', 'id, name or alias')
      .argument('<type>', 'the new type'),
  ).action(async (ref: string, type: string, opts: CurateOptions) =>
    run(async (store) => ({ kind: 'retype', entity: await entity(store, ref), type: await entityType(type) }))(opts),
  );

  common(
    curate
      .command('alias')
      .description('one more name for an entity (documents that use it resolve to the entity)')
      .argument('<entity>', 'id, name or alias')
      .argument('<alias>', 'the name'),
  ).action(async (ref: string, alias: string, opts: CurateOptions) =>
    run(async (store) => {
      const { findEntities } = await lib();
      const e = await entity(store, ref);
      // A name another entity goes by: an alias would leave the resolver two holders of it; one entity is a merge.
      const others = (await findEntities(store, alias.trim())).filter((x) => x.id !== e.id);
      if (others.length)
        throw new Error(
          `"${alias.trim()}" already names ${others.map((x) => `${x.id} (${x.type})`).join(', ')}; to make it the same entity: kg curate merge ${e.id} ${others[0]!.id}`,
        );
      return { kind: 'alias', entity: e, alias: alias.trim() };
    })(opts),
  );

  common(
    curate
      .command('reject')
      .description(
        'a fact is false, or with --doc one piece of its evidence does not state it. A rejected fact never comes back from the sentences that stated it when it was rejected (re-extracted, or the same sentence in another document); a different sentence is new evidence: the fact comes back and kg review lists it (rejected-restated) to reject again, confirm, or undo. --everywhere keeps it out whatever states it, now or later',
      )
      .argument('<source>', "the relationship's source entity")
      .argument('<type>', 'its type (SIGNED, MEMBER_OF, ...)')
      .argument('<target>', 'its target entity')
      .option('--doc <id>', 'only the evidence of this document')
      .option('--sentence <text>', 'only this sentence of it (the whole sentence, or a part that only one of them contains)')
      .option('--everywhere', 'the fact stays out whatever sentence states it, new evidence included (not with --doc)'),
  ).action(async (s: string, t: string, o: string, opts: CurateOptions & { doc?: string; sentence?: string; everywhere?: boolean }) =>
    run(async (store) => {
      const { fact: f, evidence } = await fact(store, s, t, o);
      if (!opts.doc) {
        if (opts.sentence) throw new Error('--sentence needs --doc (the document that states it)');
        if (opts.everywhere) return { kind: 'reject', fact: f, evidence: null };
        return { kind: 'reject', fact: f, evidence: null, sentences: [...new Set(evidence.map((e) => e.sentence))].sort() };
      }
      if (opts.everywhere) throw new Error('--everywhere rejects the whole fact: not with --doc');
      const ofDoc = evidence.filter((e) => e.doc === opts.doc);
      if (ofDoc.length === 0)
        throw new Error(`no evidence of ${opts.doc} for this relationship (its documents: ${[...new Set(evidence.map((e) => e.doc))].join(', ')})`);
      if (!opts.sentence) return { kind: 'reject', fact: f, evidence: { doc: opts.doc, sentence: null } };
      const want = opts.sentence.trim();
      const exact = ofDoc.filter((e) => e.sentence === want);
      const part = exact.length ? exact : ofDoc.filter((e) => e.sentence.includes(want));
      const sentences = [...new Set(part.map((e) => e.sentence))];
      if (sentences.length !== 1) {
        throw new Error(
          `${sentences.length ? 'several' : 'none'} of ${opts.doc}'s sentences for this relationship match --sentence; they are:\n${[...new Set(ofDoc.map((e) => `  ${e.sentence}`))].join('\n')}`,
        );
      }
      return { kind: 'reject', fact: f, evidence: { doc: opts.doc, sentence: sentences[0]! } };
    })(opts),
  );

  common(
    curate
      .command('confirm')
      .description('a fact (SOURCE TYPE TARGET) or an entity (one argument) is right: it leaves the review queue')
      .argument('<entity-or-source>', "the entity, or the relationship's source")
      .argument('[type]', "the relationship's type")
      .argument('[target]', 'its target'),
  ).action(async (s: string, t: string | undefined, o: string | undefined, opts: CurateOptions) =>
    run(async (store) => {
      if (t === undefined) return { kind: 'confirm-entity', entity: await entity(store, s) };
      if (o === undefined) throw new Error('a fact is SOURCE TYPE TARGET: give the target too');
      return { kind: 'confirm', fact: (await fact(store, s, t, o)).fact };
    })(opts),
  );

  common(
    curate
      .command('undo')
      .description('withdraw a decision: the graph goes back to what the documents say without it')
      .argument('<decision>', 'the decision id (kg curate list)'),
  ).action(async (id: string, opts: CurateOptions) =>
    withGraph(
      opts,
      async (store) => {
        const { describeDecision, withdraw } = await lib();
        const outcome = await withdraw(store, id, { by: opts.by, why: opts.why ?? null });
        if (!opts.json) console.log(`kg curate: withdrew ${id}: ${describeDecision(outcome.withdrawn)}`);
        return outcome;
      },
      'recorded',
    ),
  );

  curate
    .command('list')
    .description('the decisions in force (newest last); --all with the withdrawn ones and the withdrawals')
    .option('--all', 'every line of the decisions file')
    .option('--json', 'as JSON')
    .action(async (opts: { all?: boolean; json?: boolean }) => {
      const { activeDecisions, decisionsFile, describeDecision, readDecisions } = await lib();
      const all = readDecisions();
      const list = opts.all ? all : activeDecisions(all);
      if (opts.json) {
        console.log(JSON.stringify(list, null, 1));
        return;
      }
      const withdrawn = new Set(all.flatMap((d) => (d.kind === 'withdraw' ? [d.decision] : [])));
      for (const d of list)
        console.log(
          `${d.id}  ${d.at.slice(0, 16).replace('T', ' ')}  ${d.by}: ${describeDecision(d)}${withdrawn.has(d.id) ? '  [withdrawn]' : ''}${d.why ? `\n    why: ${d.why}` : ''}`,
        );
      console.log(`(${list.length} decision${list.length === 1 ? '' : 's'} ${opts.all ? 'in' : 'in force, from'} ${shown(decisionsFile())})`);
    });
}

export function registerReview(program: Command): void {
  program
    .command('review')
    .description(`what is left to review: ${REVIEW_KINDS.join(', ')}; each with its evidence and the commands that decide it`)
    .option('-k, --kind <kind>', `only one kind (${REVIEW_KINDS.join(', ')})`)
    .option('-n, --limit <n>', 'items shown per kind (the counts are of all)', '10')
    .option('--min-confidence <x>', 'facts below this confidence are low-confidence', '0.6')
    .option('--json', 'counts and every item as JSON')
    .action(async (opts: { kind?: string; limit: string; minConfidence: string; json?: boolean }) => {
      const limit = Number(opts.limit);
      const minConfidence = Number(opts.minConfidence);
      if (!Number.isInteger(limit) || limit < 0) throw new Error('--limit must be a non-negative integer');
      if (!(minConfidence >= 0 && minConfidence <= 1)) throw new Error('--min-confidence must be between 0 and 1');
      if (opts.kind && !REVIEW_KINDS.includes(opts.kind as ReviewKind)) throw new Error(`--kind must be one of ${REVIEW_KINDS.join(', ')}`);
      const { openGraph, readDecisions, readReviewQueue } = await lib();
      const decisions = readDecisions();
      const { store } = await openGraph(opts.json ? () => {} : undefined);
      try {
        const queue = await readReviewQueue(store, decisions, { minConfidence });
        const kinds = opts.kind ? [opts.kind as ReviewKind] : [...REVIEW_KINDS];
        const items = queue.items.filter((i) => kinds.includes(i.kind));
        if (opts.json) {
          console.log(JSON.stringify({ counts: queue.counts, left: Object.values(queue.counts).reduce((a, b) => a + b, 0), items }, null, 1));
          return;
        }
        const lines: string[] = [];
        for (const kind of kinds) {
          const list = items.filter((i) => i.kind === kind);
          lines.push(`== ${kind}: ${list.length} left${list.length > limit ? ` (first ${limit})` : ''}`);
          for (const i of list.slice(0, limit)) {
            lines.push(`- ${i.subject}  [${i.reason}]`);
            for (const e of [i.evidence, i.otherEvidence]) if (e) lines.push(`    "${e.sentence}"  (${e.doc}${e.method ? `, ${e.method}` : ''})`);
            lines.push(`    ${i.decide.join('   |   ')}`);
          }
        }
        const left = kinds.reduce((a, k) => a + queue.counts[k], 0);
        lines.push(`${left} item${left === 1 ? '' : 's'} left to review (${kinds.map((k) => `${k} ${queue.counts[k]}`).join(', ')})`);
        console.log(lines.join('\n'));
      } finally {
        await store.close();
      }
    });
}
