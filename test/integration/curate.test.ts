// Analysts' decisions against the real Neo4j (src/curate/, kg curate): each
// kind applied at once to the live graph, still applied after a run that
// extracts every document again and after a refresh that brings new
// documents, and withdrawn (kg curate undo) back to what the documents alone
// say: the graph a resolution of the same documents without the decision gives.
import { appendFileSync, existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { appendDecision, readDecisions } from '../../src/curate/index.ts';
import { decide, withdraw } from '../../src/curate/live.ts';
import { readReviewQueue } from '../../src/curate/queue.ts';
import { buildReview } from '../../src/curate/review.ts';
import { bindParams, loadQuery, plain, runSavedQuery } from '../../src/queries/index.ts';
import { allEntities, factsToReview, singleDocumentEntities } from '../../src/load/curation.ts';
import type { GraphStore } from '../../src/load/index.ts';
import type { EntityRef } from '../../src/model/decisions.ts';
import { extractPaths } from '../../src/pipeline/index.ts';
import { runPipeline } from '../../src/refresh/index.ts';
import { resolveGraph } from '../../src/resolve/index.ts';
import { external, testEnv } from './env.ts';
import { normalize, openStore, query, scratchDir, wipe } from './helpers.ts';

const DOCS: Record<string, string> = {
  'd0.txt': 'The Andean Safety Research Organisation partnered with OpenAI in March 2024. Anthropic developed Claude.',
  'd1.txt': 'The Andean Safety Research Organization signed the Lima Declaration. Anthropic developed Claude.',
  'd2.txt': 'Canada joined the International Network of AI Safety Institutes. The Andean AI Observatory signed the Quito Accord.',
};

let store: GraphStore;
let dir: string;
let file: string;
beforeAll(async () => {
  store = await openStore();
  await store.applySchema();
});
afterAll(async () => {
  delete process.env.KG_CURATION_FILE;
  await store?.close();
});
beforeEach(async () => {
  await wipe(store);
  dir = scratchDir('curate');
  for (const [name, text] of Object.entries(DOCS)) writeFileSync(path.join(dir, name), text);
  // Every test its own decisions file: runs read it (KG_CURATION_FILE), as kg curate writes it.
  file = path.join(mkdtempSync(path.join(tmpdir(), 'kg-curate-')), 'decisions.jsonl');
  process.env.KG_CURATION_FILE = file;
  await load('full');
});

const opts = { by: 'tester', why: 'a test' };
/** A saved query of graph/queries/ as the Browser and kg query run it, rows as plain values. */
async function savedQuery(name: string, params: Record<string, string | number> = {}): Promise<Record<string, unknown>[]> {
  const q = loadQuery(name);
  return (await store.read((tx) => runSavedQuery(tx, q, bindParams(q, params)))).rows.map((r) => plain(r) as Record<string, unknown>);
}
const load = (mode: 'full' | 'refresh') => runPipeline(store, { paths: [dir], mode, workers: 0 });
const graph = async () => normalize(await store.readGraph());
const entity = async (id: string) => (await store.readGraph()).entities.find((e) => e.id === id);
const ref = (id: string, type: EntityRef['type'], name: string): EntityRef => ({ id, type, name });

/** What the documents alone say: their resolution, from scratch, without any decision. */
async function documentsAlone() {
  const run = await extractPaths(
    readdirSync(dir)
      .sort()
      .map((f) => path.join(dir, f)),
    { workers: 0 },
  );
  return normalize(resolveGraph(run.extractions));
}

/**
 * Applied, then still applied after a run that extracts everything again,
 * after a refresh that re-extracts every document (each one edited), after
 * a refresh that brings a new document, and in a graph built afresh from the
 * documents and the decisions file (a wiped database, one full run).
 */
async function survives(check: () => Promise<void>, newDoc?: [string, string]) {
  await check();
  const again = await load('full');
  expect(again.extracted).toBe(Object.keys(DOCS).length);
  await check();
  for (const name of Object.keys(DOCS)) appendFileSync(path.join(dir, name), ' It was a busy year.');
  const edited = await load('refresh');
  expect(edited.run).toMatchObject({ new: 0, changed: Object.keys(DOCS).length, unchanged: 0 });
  await check();
  if (newDoc) {
    writeFileSync(path.join(dir, newDoc[0]), newDoc[1]);
    const refresh = await load('refresh');
    expect(refresh.run).toMatchObject({ new: 1, unchanged: Object.keys(DOCS).length });
    await check();
  }
  await wipe(store);
  await load('full');
  await check();
}

const ORG = ref('org/andean-safety-research-organisation', 'Organization', 'Andean Safety Research Organisation');

describe('kg curate', () => {
  it('merge: one entity at once, after a full run, and when a new document names the merged one; undo splits it again', async () => {
    const observatory = ref('org/andean-ai-observatory', 'Organization', 'Andean AI Observatory');
    expect(await entity(observatory.id)).toBeDefined();
    const { decision, applied } = await decide(store, { kind: 'merge', into: ORG, from: observatory }, opts);
    expect(applied.rederived).toEqual([path.join(dir, 'd0.txt'), path.join(dir, 'd1.txt'), path.join(dir, 'd2.txt')]);
    expect(readDecisions(file).map((d) => d.id)).toEqual([decision.id]);
    await survives(async () => {
      const g = await store.readGraph();
      expect(g.entities.some((e) => e.id === observatory.id)).toBe(false);
      expect(g.entities.find((e) => e.id === ORG.id)!.aliases).toContain('Andean AI Observatory');
      expect(
        g.relations
          .filter((r) => r.source === ORG.id && r.type === 'SIGNED')
          .map((r) => r.target)
          .sort(),
      ).toEqual(['agreement/lima-declaration', 'agreement/quito-accord']);
    }, ['d3.txt', 'The Andean AI Observatory partnered with Anthropic.']);
    const g = await store.readGraph();
    expect(g.relations.find((r) => r.type === 'PARTNERED_WITH' && [r.source, r.target].includes('company/anthropic'))).toMatchObject({
      source: 'company/anthropic',
      target: ORG.id,
    });
    // In the graph too, for the Browser.
    const nodes = await query<{ kind: string; status: string; about: string[] }>(
      store,
      'MATCH (d:Decision {id: $id}) RETURN d.kind AS kind, d.status AS status, [(d)-[:ABOUT]->(e) | e.id] AS about',
      { id: decision.id },
    );
    expect(nodes).toEqual([{ kind: 'merge', status: 'active', about: [ORG.id] }]);

    await withdraw(store, decision.id, opts);
    expect(await graph()).toEqual(await documentsAlone());
    expect((await query<{ status: string }>(store, 'MATCH (d:Decision {id: $id}) RETURN d.status AS status', { id: decision.id }))[0]!.status).toBe(
      'withdrawn',
    );
  });

  it("keep-apart: the fuzzy matcher's merge is split at once, stays split in a graph built afresh, and comes back on undo", async () => {
    const variant = 'Andean Safety Research Organization';
    expect((await entity(ORG.id))!.aliases).toContain(variant); // the fuzzy matcher made them one
    const other = ref('org/andean-safety-research-organization', 'Organization', variant);
    const { decision } = await decide(store, { kind: 'keep-apart', a: ORG, b: other }, opts);
    const apart = async () => {
      const g = await store.readGraph();
      expect(g.entities.find((e) => e.id === ORG.id)!.aliases).not.toContain(variant);
      expect(g.entities.find((e) => e.id === other.id)?.name).toBe(variant);
      expect(g.relations.find((r) => r.type === 'SIGNED' && r.target === 'agreement/lima-declaration')!.source).toBe(other.id);
    };
    // Built afresh (in survives), the fuzzy matcher sees both names again.
    await survives(apart, ['d3.txt', 'The Andean Safety Research Organisation met OpenAI. The Andean Safety Research Organizaton met Anthropic.']);
    // Two entities now, with names 97% alike: kept apart, the pair is in neither review queue.
    const pair = (i: { kind: string; subject: string }) =>
      i.kind === 'near-duplicate' && i.subject.includes(`(${ORG.id})`) && i.subject.includes(`(${other.id})`);
    expect((await readReviewQueue(store, readDecisions(file))).items.some(pair)).toBe(false);
    expect((await readReviewQueue(store, [])).items.find(pair)?.otherEvidence?.sentence).toMatch(/Andean Safety Research Organization signed/);
    const saved = await savedQuery('near-duplicates');
    expect(saved.some((r) => [r.aId, r.bId].includes(ORG.id) && [r.aId, r.bId].includes(other.id))).toBe(false);

    await withdraw(store, decision.id, opts);
    expect((await entity(ORG.id))!.aliases).toContain(variant);
    expect(await graph()).toEqual(await documentsAlone());
  });

  it('rename, retype and alias: applied at once, after a full run and a refresh, and undone one by one', async () => {
    const rename = await decide(
      store,
      { kind: 'rename', entity: ref('org/aisi-network', 'Organization', 'International Network of AI Safety Institutes'), name: 'AISI Network' },
      opts,
    );
    const retype = await decide(store, { kind: 'retype', entity: ref('agreement/lima-declaration', 'Agreement', 'Lima Declaration'), type: 'Policy' }, opts);
    const alias = await decide(store, { kind: 'alias', entity: ORG, alias: 'Andean Research Council' }, opts);
    await survives(async () => {
      const net = (await entity('org/aisi-network'))!;
      expect(net.name).toBe('AISI Network');
      expect(net.aliases).toContain('International Network of AI Safety Institutes');
      expect((await entity('agreement/lima-declaration'))!.type).toBe('Policy');
      const labels = await query<{ labels: string[] }>(store, "MATCH (e:Entity {id: 'agreement/lima-declaration'}) RETURN labels(e) AS labels");
      expect(labels[0]!.labels.sort()).toEqual(['Entity', 'Policy']);
      expect((await entity(ORG.id))!.aliases).toContain('Andean Research Council');
      const g = await store.readGraph();
      expect(g.entities.filter((e) => /lima-declaration/.test(e.id))).toHaveLength(1);
      // The new document's "Andean Research Council" is the organisation: the alias resolves it.
      expect(g.entities.some((e) => e.id === 'org/andean-research-council')).toBe(false);
      if (existsSync(path.join(dir, 'd3.txt'))) expect(g.relations.find((r) => r.target === 'agreement/cusco-pact')!.source).toBe(ORG.id);
    }, ['d3.txt', 'The Andean Research Council signed the Cusco Pact. Peru signed the Lima Declaration.']);

    await withdraw(store, alias.decision.id, opts);
    expect((await entity(ORG.id))!.aliases).not.toContain('Andean Research Council');
    expect(await entity('org/andean-research-council')).toBeDefined();
    await withdraw(store, retype.decision.id, opts);
    expect((await entity('agreement/lima-declaration'))!.type).toBe('Agreement');
    await withdraw(store, rename.decision.id, opts);
    expect((await entity('org/aisi-network'))!.name).toBe('International Network of AI Safety Institutes');
    expect(await graph()).toEqual(await documentsAlone());
  });

  it('reject: a fact, or one piece of its evidence, leaves at once and never comes back from the same documents; undo restores it', async () => {
    const fact = { type: 'DEVELOPED' as const, source: 'company/anthropic', target: 'model/claude' };
    const developed = async () => (await store.readGraph()).relations.find((r) => r.type === 'DEVELOPED' && r.source === fact.source);
    expect((await developed())!.evidence.map((e) => e.doc)).toEqual([path.join(dir, 'd0.txt'), path.join(dir, 'd1.txt')]);

    const one = await decide(store, { kind: 'reject', fact, evidence: { doc: path.join(dir, 'd0.txt'), sentence: 'Anthropic developed Claude.' } }, opts);
    expect(one.applied.evidenceLeft).toBe(1);
    await survives(async () => expect((await developed())!.evidence.map((e) => e.doc)).toEqual([path.join(dir, 'd1.txt')]));

    // The whole fact, as kg curate reject records it: against the sentences that state it now.
    const whole = await decide(store, { kind: 'reject', fact, evidence: null, sentences: ['Anthropic developed Claude.'] }, opts);
    expect(whole.applied.evidenceLeft).toBe(0);
    // A new document with the same sentence is the same evidence: the fact stays out.
    await survives(async () => expect(await developed()).toBeUndefined(), ['d3.txt', 'Anthropic developed Claude.']);
    const restated = (q: Awaited<ReturnType<typeof readReviewQueue>>) => q.items.filter((i) => i.kind === 'rejected-restated');
    expect(restated(await readReviewQueue(store, readDecisions(file)))).toEqual([]);

    // A different sentence is new evidence: the fact comes back with it alone, and is listed for review.
    const d4 = path.join(dir, 'd4.txt');
    writeFileSync(d4, 'Anthropic developed Claude, its assistant, in 2023.');
    await load('refresh');
    expect((await developed())!.evidence.map((e) => [e.doc, e.sentence])).toEqual([[d4, 'Anthropic developed Claude, its assistant, in 2023.']]);
    const items = restated(await readReviewQueue(store, readDecisions(file)));
    expect(items.map((i) => [i.subject, i.evidence?.sentence, i.decide[1]])).toEqual([
      ['Anthropic -[DEVELOPED]-> Claude', 'Anthropic developed Claude, its assistant, in 2023.', `kg curate undo ${whole.decision.id}`],
    ]);
    expect(await savedQuery('review-rejected-restated')).toEqual([
      expect.objectContaining({
        source: 'Anthropic',
        target: 'Claude',
        newEvidence: 'Anthropic developed Claude, its assistant, in 2023.',
        rejection: whole.decision.id,
      }),
    ]);
    // A full run keeps it so.
    await load('full');
    expect((await developed())!.evidence.map((e) => e.doc)).toEqual([d4]);

    await withdraw(store, whole.decision.id, opts);
    expect((await developed())!.evidence.map((e) => e.doc)).toEqual(['d1.txt', 'd3.txt', 'd4.txt'].map((f) => path.join(dir, f)));
    await withdraw(store, one.decision.id, opts);
    expect((await developed())!.evidence.map((e) => e.doc).sort()).toEqual(['d0.txt', 'd1.txt', 'd3.txt', 'd4.txt'].map((f) => path.join(dir, f)));
    expect(await graph()).toEqual(await documentsAlone());
  });

  it('confirm: a fact and an entity leave the review queue, stay out after a full run, and come back on undo', async () => {
    const review = async () =>
      buildReview(await factsToReview(store, 0.9), await allEntities(store), await singleDocumentEntities(store), readDecisions(file), { minConfidence: 0.9 });
    const fact = { type: 'MEMBER_OF' as const, source: 'country/canada', target: 'org/aisi-network' };
    const subject = 'Canada -[MEMBER_OF]-> International Network of AI Safety Institutes';
    const before = await review();
    const item = before.items.find((i) => i.kind === 'low-confidence' && i.subject === subject);
    expect(item?.evidence?.sentence).toBe('Canada joined the International Network of AI Safety Institutes.');
    expect(before.items.some((i) => i.kind === 'single-document' && i.subject.includes('country/canada'))).toBe(true);

    const summary = async () => Object.fromEntries((await savedQuery('review-summary', { minConfidence: 0.9 })).map((r) => [r.queue, r.left]));
    expect(await summary()).toMatchObject({
      'low-confidence facts': before.counts['low-confidence'],
      'entities seen in one document': before.counts['single-document'],
    });
    expect((await savedQuery('review-low-confidence', { minConfidence: 0.9 })).find((r) => r.source === 'Canada')?.sentence).toBe(
      'Canada joined the International Network of AI Safety Institutes.',
    );
    const confirmFact = await decide(store, { kind: 'confirm', fact }, opts);
    const confirmEntity = await decide(store, { kind: 'confirm-entity', entity: ref('country/canada', 'Country', 'Canada') }, opts);
    const check = async () => {
      const q = await review();
      expect(q.items.some((i) => i.subject === subject)).toBe(false);
      expect(q.items.some((i) => i.kind === 'single-document' && i.subject.includes('country/canada'))).toBe(false);
      expect(q.counts['low-confidence']).toBe(before.counts['low-confidence'] - 1);
      expect(q.counts['single-document']).toBe(before.counts['single-document'] - 1);
      // The saved queries for the Browser leave them out too, and count what is left.
      const low = await savedQuery('review-low-confidence', { minConfidence: 0.9 });
      expect(low.length).toBeGreaterThan(0);
      expect(low.some((r) => r.source === 'Canada' && r.relationship === 'MEMBER_OF')).toBe(false);
      expect((await savedQuery('review-single-document')).some((r) => r.id === 'country/canada')).toBe(false);
      expect(await summary()).toMatchObject({
        'low-confidence facts': before.counts['low-confidence'] - 1,
        'entities seen in one document': before.counts['single-document'] - 1,
      });
    };
    await survives(check);
    const graphBefore = await graph();
    await withdraw(store, confirmFact.decision.id, opts);
    await withdraw(store, confirmEntity.decision.id, opts);
    expect((await review()).counts).toEqual(before.counts);
    expect(await graph()).toEqual(graphBefore);
  });
});

describe('ids an analyst noted', () => {
  it('name the merged entity again after undo, when the documents sort another spelling of it first', async () => {
    await wipe(store);
    const d = scratchDir('curate-ids');
    const run = (mode: 'full' | 'refresh') => runPipeline(store, { paths: [d], mode, workers: 0 });
    writeFileSync(path.join(d, 'b.txt'), 'The Andean Safety Research Organisation met OpenAI.');
    writeFileSync(path.join(d, 'c.txt'), 'The Andean Policy Network met Anthropic.');
    await run('full');
    // A later document spells it otherwise, and sorts first: the fuzzy matcher joins it to the entity the graph has.
    writeFileSync(path.join(d, 'a.txt'), 'The Andean Safety Research Organization met Google.');
    await run('refresh');
    const orgs = async () =>
      (await store.readGraph()).entities
        .filter((e) => e.type === 'Organization')
        .map((e) => [e.id, e.aliases])
        .sort();
    expect(await orgs()).toEqual([
      ['org/andean-policy-network', []],
      [ORG.id, ['Andean Safety Research Organization']],
    ]);
    const into = ref('org/andean-policy-network', 'Organization', 'Andean Policy Network');
    const merge = await decide(store, { kind: 'merge', into, from: ORG }, opts);
    // Applied: both spellings go with it (none left as an entity of its own).
    expect(await orgs()).toEqual([[into.id, ['Andean Safety Research Organisation', 'Andean Safety Research Organization']]]);
    await withdraw(store, merge.decision.id, opts);
    expect(await orgs()).toEqual([
      ['org/andean-policy-network', []],
      [ORG.id, ['Andean Safety Research Organisation']],
    ]);
    // Both documents' mentions are the entity's again, under the id noted before the merge.
    expect(
      (await store.readGraph()).entities
        .find((e) => e.id === ORG.id)!
        .mentions.map((m) => path.basename(m.doc))
        .sort(),
    ).toEqual(['a.txt', 'b.txt']);
  });
});

describe('a decisions file from elsewhere (git pull)', () => {
  it('kg refresh applies the decisions the graph has not seen to unchanged documents, and withdrawals too', async () => {
    const at = new Date().toISOString();
    const merge = {
      kind: 'merge' as const,
      into: ORG,
      from: ref('org/andean-ai-observatory', 'Organization', 'Andean AI Observatory'),
      id: 'd-pulled-1',
      at,
      by: 'Bo',
      why: null,
    };
    const reject = {
      kind: 'reject' as const,
      fact: { type: 'DEVELOPED' as const, source: 'company/anthropic', target: 'model/claude' },
      evidence: null,
      id: 'd-pulled-2',
      at,
      by: 'Bo',
      why: null,
    };
    appendDecision(merge, file);
    appendDecision(reject, file);
    const refresh = await load('refresh');
    expect(refresh.run).toMatchObject({ new: 0, changed: 0, unchanged: 3 });
    const g = await store.readGraph();
    expect(g.entities.some((e) => e.id === 'org/andean-ai-observatory')).toBe(false);
    expect(g.entities.find((e) => e.id === ORG.id)!.aliases).toContain('Andean AI Observatory');
    expect(g.relations.some((r) => r.type === 'DEVELOPED')).toBe(false);
    expect((await query<{ id: string }>(store, "MATCH (d:Decision {status: 'active'}) RETURN d.id AS id ORDER BY id")).map((r) => r.id)).toEqual([
      'd-pulled-1',
      'd-pulled-2',
    ]);

    appendDecision({ kind: 'withdraw', decision: 'd-pulled-1', id: 'd-pulled-3', at, by: 'Bo', why: null }, file);
    appendDecision({ kind: 'withdraw', decision: 'd-pulled-2', id: 'd-pulled-4', at, by: 'Bo', why: null }, file);
    await load('refresh');
    expect(await graph()).toEqual(await documentsAlone());
  });
});

describe('the command line (kg curate, kg review), in this process', () => {
  /** Runs `kg ARGS` against the test server; what it printed on stdout and stderr, and its exit code. */
  async function kg(...args: string[]) {
    const saved = { ...process.env };
    Object.assign(process.env, testEnv());
    if (!external()) delete process.env.NEO4J_URI;
    const out: string[] = [];
    const err: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
    const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
    try {
      const code = await main(['node', 'kg', ...args]);
      return { code, out: out.join('\n'), err: err.join('\n') };
    } finally {
      log.mockRestore();
      error.mockRestore();
      for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
      Object.assign(process.env, saved);
    }
  }

  it('names entities by name, finds a sentence by a part of it, records who and why, lists, reviews and undoes', async () => {
    const d0 = path.join(dir, 'd0.txt');
    const reject = await kg(
      'curate',
      'reject',
      'Anthropic',
      'developed',
      'claude',
      '--doc',
      d0,
      '--sentence',
      'developed Claude',
      '--by',
      'Ana',
      '--why',
      'says nothing of it',
      '--json',
    );
    expect(reject.code, reject.err).toBe(0);
    const { decision, applied } = JSON.parse(reject.out);
    expect(decision).toMatchObject({
      kind: 'reject',
      by: 'Ana',
      why: 'says nothing of it',
      fact: { type: 'DEVELOPED', source: 'company/anthropic', target: 'model/claude' },
      evidence: { doc: d0, sentence: 'Anthropic developed Claude.' },
    });
    expect(applied.evidenceLeft).toBe(1);
    expect(readDecisions(file)).toEqual([decision]);

    const list = await kg('curate', 'list');
    expect(list.out).toContain(`${decision.id}`);
    expect(list.out).toContain('Ana: reject company/anthropic -[DEVELOPED]-> model/claude as stated by');

    const review = await kg('review', '--json', '--min-confidence', '0.9');
    expect(review.code, review.err).toBe(0);
    const queue = JSON.parse(review.out);
    expect(queue.counts['low-confidence']).toBeGreaterThan(0);
    expect(queue.items.find((i: { kind: string }) => i.kind === 'low-confidence').decide[0]).toMatch(/^kg curate confirm /);
    const text = await kg('review', '--kind', 'near-duplicate');
    expect(text.out).toMatch(/^== near-duplicate: \d+ left/);
    expect(text.out).toMatch(/\d+ items? left to review \(near-duplicate \d+\)$/);

    const undo = await kg('curate', 'undo', decision.id, '--by', 'Ana');
    expect(undo.code, undo.err).toBe(0);
    expect(undo.out).toContain(`withdrew ${decision.id}`);
    expect((await store.readGraph()).relations.find((r) => r.type === 'DEVELOPED')!.evidence).toHaveLength(2);

    const bad = await kg('curate', 'rename', 'No Such Entity', 'X');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('no entity "No Such Entity" in the graph');
    // An alias another entity already goes by is a merge: the command says so and records nothing.
    const taken = await kg('curate', 'alias', ORG.id, 'Andean AI Observatory');
    expect(taken.code).toBe(1);
    expect(taken.err).toContain(
      `"Andean AI Observatory" already names org/andean-ai-observatory (Organization); to make it the same entity: kg curate merge ${ORG.id} org/andean-ai-observatory`,
    );
    const notAFact = await kg('curate', 'confirm', 'Canada', 'SIGNED', 'Claude');
    expect(notAFact.err).toContain('the graph holds no SIGNED relationship from country/canada to model/claude');
    expect(readDecisions(file)).toHaveLength(2); // the reject and its withdrawal: nothing for the failed commands
  });
});

describe('evidence methods', () => {
  it('every entry says how it was obtained, in the graph and the export, and the lists stay parallel through retractions', async () => {
    const rows = await query<{ docs: string[]; methods: string[] }>(
      store,
      'MATCH ()-[r]->() WHERE r.evidenceDocs IS NOT NULL RETURN r.evidenceDocs AS docs, r.evidenceMethods AS methods',
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.methods.length).toBe(r.docs.length);
    expect((await store.readGraph()).relations.every((r) => r.evidence.every((e) => e.method === 'sentence'))).toBe(true);
    // A relationship written before methods were kept: its older entries read 'unknown' when another document adds one.
    await store.write((tx) => tx.run("MATCH (:Entity {id: 'company/anthropic'})-[r:DEVELOPED]->() SET r.evidenceMethods = null"));
    writeFileSync(path.join(dir, 'd1.txt'), `${DOCS['d1.txt']} It was a good year.`);
    await load('refresh');
    const legacy = await query<{ docs: string[]; methods: string[] }>(
      store,
      "MATCH (:Entity {id: 'company/anthropic'})-[r:DEVELOPED]->() RETURN r.evidenceDocs AS docs, r.evidenceMethods AS methods",
    );
    expect(legacy).toEqual([{ docs: [path.join(dir, 'd0.txt'), path.join(dir, 'd1.txt')], methods: ['unknown', 'sentence'] }]);
    // The retraction filters the methods with the other lists.
    writeFileSync(path.join(dir, 'd0.txt'), 'The Andean Safety Research Organisation partnered with OpenAI in March 2024.');
    await load('refresh');
    const after = await query<{ docs: string[]; methods: string[] }>(
      store,
      "MATCH (:Entity {id: 'company/anthropic'})-[r:DEVELOPED]->() RETURN r.evidenceDocs AS docs, r.evidenceMethods AS methods",
    );
    expect(after).toEqual([{ docs: [path.join(dir, 'd1.txt')], methods: ['sentence'] }]);
  });
});
