// The saved analyst queries (graph/queries/) on the sample graph: the test
// loads seeds/ into the test Neo4j and checks each query's answer, then runs
// a refresh to check what latest-refresh reports. Also `kg query` itself.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphStore } from '../../src/load/index.ts';
import { bindParams, listQueries, loadQuery, plain, runSavedQuery } from '../../src/queries/index.ts';
import { runPipeline } from '../../src/refresh/index.ts';
import { ROOT, testEnv } from './env.ts';
import { copySeeds, openStore, wipe } from './helpers.ts';

type Row = Record<string, unknown>;

let store: GraphStore;

async function runRaw(name: string, params: Record<string, string> = {}) {
  const q = loadQuery(name);
  return store.read((tx) => runSavedQuery(tx, q, bindParams(q, params)));
}
async function run(name: string, params: Record<string, string> = {}): Promise<Row[]> {
  return (await runRaw(name, params)).rows.map((r) => plain(r) as Row);
}
/** A node, relationship or path anywhere in a value (lists and maps searched). */
const graphValue = (v: unknown): boolean =>
  neo4j.isNode(v as never) ||
  neo4j.isRelationship(v as never) ||
  neo4j.isPath(v as never) ||
  (Array.isArray(v) && v.some(graphValue)) ||
  (v !== null && typeof v === 'object' && (v as object).constructor === Object && Object.values(v as object).some(graphValue));
type Step = { start: string; type: string; end: string };

beforeAll(async () => {
  store = await openStore();
  await wipe(store);
  await runPipeline(store, { paths: ['seeds'], mode: 'full' });
});

afterAll(async () => {
  await store?.close();
});

describe('saved queries on the sample graph', () => {
  it('every saved query runs with its defaults and returns rows', async () => {
    const all = listQueries();
    expect(all.map((q) => q.name)).toEqual(
      expect.arrayContaining([
        'partnership-network',
        'agreements-signed',
        'summit-timeline',
        'network-members',
        'entity-facts',
        'latest-refresh',
        'near-duplicates',
      ]),
    );
    // The sample graph has no analyst's decision: no rejected fact to come back.
    const empty = new Set(['review-rejected-restated']);
    for (const q of all) {
      const rows = await run(q.name);
      if (empty.has(q.name)) expect(rows, q.name).toEqual([]);
      else expect(rows.length, q.name).toBeGreaterThan(0);
    }
  });

  it('reads as a table: names, types and sentences in columns, nodes only in the paths a graph query draws', async () => {
    for (const q of listQueries()) {
      const { columns, rows } = await runRaw(q.name);
      for (const c of columns.filter((c) => c !== 'paths')) {
        expect(
          rows.some((r) => graphValue(r[c])),
          `${q.name}.${c} holds nodes`,
        ).toBe(false);
      }
      if (columns.includes('paths')) expect(columns.at(-1), q.name).toBe('paths');
    }
  });

  it('partnership-network: K-AISI partners with OpenAI and the UK AI Security Institute', async () => {
    const rows = await run('partnership-network');
    expect(new Set(rows.map((r) => r.center))).toEqual(new Set(['Korea AI Safety Institute']));
    const partners = new Map(rows.map((r) => [r.partner as string, r]));
    for (const p of ['OpenAI', 'UK AI Security Institute']) {
      expect(partners.has(p), p).toBe(true);
      expect(partners.get(p)!.links).toContain('PARTNERED_WITH');
      expect(String(partners.get(p)!.evidence)).not.toBe('');
    }
    // The MoU with OpenAI also makes it a co-signatory.
    expect((partners.get('OpenAI')!.agreements as string[]).some((a) => /memorandum|MoU/i.test(a))).toBe(true);
    expect(partners.get('OpenAI')!.partnerType).toBe('Company');
    // The paths draw each partner linked to the institute: the relationship, or the agreement both signed.
    for (const [partner, row] of partners) {
      const steps = (row.paths as Step[][]).flat();
      expect(steps.length, partner).toBeGreaterThan(0);
      expect(
        steps.some((s) => s.start === partner || s.end === partner),
        partner,
      ).toBe(true);
      expect(
        steps.every((s) => ['PARTNERED_WITH', 'SIGNED'].includes(s.type)),
        partner,
      ).toBe(true);
    }
    // Aliases and case work as the parameter.
    const byAlias = await run('partnership-network', { name: 'k-aisi' });
    expect(new Set(byAlias.map((r) => r.partner))).toEqual(new Set(partners.keys()));
    expect(await run('partnership-network', { name: 'No Such Institute' })).toEqual([]);
  });

  it('agreements-signed: what OpenAI signed, with dates, oldest first', async () => {
    const rows = await run('agreements-signed');
    const byName = new Map(rows.map((r) => [r.agreement as string, r]));
    expect(byName.get('Frontier AI Safety Commitments')?.date).toBe('2024-05-21');
    const mou = rows.find((r) => /memorandum|MoU/i.test(String(r.agreement)) && (r.otherSignatories as string[]).includes('Korea AI Safety Institute'));
    expect(mou, 'the OpenAI / K-AISI MoU').toBeDefined();
    expect(mou!.date).toBe('2025-10');
    expect(String(mou!.evidence)).toMatch(/OpenAI/);
    const dates = rows.map((r) => r.date).filter((d): d is string => typeof d === 'string');
    expect(dates).toEqual([...dates].sort());
    expect(rows.every((r) => r.party === 'OpenAI')).toBe(true);
    // Another party: a country that signed the Seoul Statement of Intent.
    const uk = await run('agreements-signed', { party: 'UK' });
    expect(uk.map((r) => String(r.agreement)).some((n) => /Seoul Statement of Intent/.test(n))).toBe(true);
  });

  it('summit-timeline: Bletchley before Seoul, and Seoul produced the Seoul Declaration', async () => {
    const rows = await run('summit-timeline');
    const order = rows.map((r) => r.summit);
    const bletchley = order.indexOf('Bletchley Park AI Safety Summit');
    const seoul = order.indexOf('AI Seoul Summit');
    expect(bletchley).toBeGreaterThanOrEqual(0);
    expect(seoul).toBeGreaterThan(bletchley);
    const seoulRow = rows[seoul];
    expect((seoulRow.produced as string[]).some((n) => /^Seoul Declaration/.test(n))).toBe(true);
    expect((seoulRow.producedTypes as string[])[(seoulRow.produced as string[]).findIndex((n) => /^Seoul Declaration/.test(n))]).toBe('Agreement');
    expect(seoulRow.heldIn).toContain('Seoul');
    expect(seoulRow.hostedBy).toContain('South Korea');
    expect(seoulRow.follows).toContain('Bletchley Park AI Safety Summit');
    const dated = rows.map((r) => r.startDate).filter((d): d is string => typeof d === 'string');
    expect(dated).toEqual([...dated].sort());
    // Undated summits come last.
    const firstUndated = rows.findIndex((r) => r.startDate === null);
    if (firstUndated >= 0) expect(rows.slice(firstUndated).every((r) => r.startDate === null)).toBe(true);
    // since filters out the earlier ones.
    const later = (await run('summit-timeline', { since: '2024' })).map((r) => r.summit);
    expect(later).toContain('AI Seoul Summit');
    expect(later).not.toContain('Bletchley Park AI Safety Summit');
  });

  it("network-members: the network of AI safety institutes by country, with each country's institute", async () => {
    const rows = await run('network-members');
    const byCountry = new Map(rows.map((r) => [r.country as string, r]));
    expect(byCountry.size).toBeGreaterThanOrEqual(8);
    expect(byCountry.get('South Korea')?.institutes).toContain('Korea AI Safety Institute');
    expect(byCountry.get('United Kingdom')?.institutes).toContain('UK AI Security Institute');
    expect(byCountry.get('United States')?.institutes).toContain('US AI Safety Institute');
    for (const c of ['Japan', 'Singapore', 'Canada', 'France']) expect(byCountry.has(c), c).toBe(true);
    for (const r of rows) expect((r.via as string[]).length).toBeGreaterThan(0);
    // The paths connect every member to the network (the members query drew unconnected dots before)
    // and every institute to its country.
    const network = 'International Network of AI Safety Institutes';
    for (const r of rows) {
      const steps = (r.paths as Step[][]).map((p) => p);
      for (const m of r.members as string[]) {
        expect(
          steps.some((p) => p[0]?.start === m && p.at(-1)?.end === network),
          `${m} reaches the network`,
        ).toBe(true);
      }
      for (const i of r.institutes as string[]) {
        expect(
          steps.some((p) => p[0]?.start === i && p[0]?.type === 'BASED_IN' && p[0]?.end === r.country),
          `${i} in ${r.country}`,
        ).toBe(true);
      }
    }
    // The alias finds the same network.
    expect((await run('network-members', { network: 'AISI network' })).length).toBe(rows.length);
  });

  it('entity-facts: every fact about K-AISI with its sentence and source document', async () => {
    const rows = await run('entity-facts');
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const r of rows) {
      expect(typeof r.sentence).toBe('string');
      expect(String(r.document)).toMatch(/^seeds\//);
      expect(['->', '<-']).toContain(r.direction);
    }
    const uk = rows.find((r) => r.relationship === 'PARTNERED_WITH' && r.other === 'UK AI Security Institute');
    expect(uk).toBeDefined();
    expect(String(uk!.sentence)).toMatch(/UK|United Kingdom|British/);
    expect(uk!.title).toBe('Korea AI Safety Institute Partners With UK on AI Testing');
    expect(rows.some((r) => r.relationship === 'WORKS_FOR' && r.direction === '<-' && r.other === 'Jiyeon Cho' && r.otherType === 'Person')).toBe(true);
    expect(rows.some((r) => r.relationship === 'PART_OF' && r.other === 'Ministry of Science and ICT')).toBe(true);
    expect(rows.every((r) => r.entity === 'Korea AI Safety Institute')).toBe(true);
  });

  it('near-duplicates: same-type pairs with close names, for review', async () => {
    const rows = await run('near-duplicates');
    for (const r of rows) {
      expect(typeof r.a).toBe('string');
      expect(typeof r.b).toBe('string');
      expect(r.aId).not.toBe(r.bId);
    }
    const pair = rows.find((r) => r.a === 'Claude' && r.b === 'Claude 4');
    expect(pair?.reason).toBe('name contains the other');
    // A stricter threshold keeps only the name-containment pairs.
    const strict = await run('near-duplicates', { minSimilarity: '1.0' });
    expect(strict.length).toBeGreaterThan(0);
    expect(strict.every((r) => r.reason === 'name contains the other')).toBe(true);
  });
});

describe('kg query', () => {
  const kg = (...args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'bin', 'kg.js'), ...args], { cwd: ROOT, env: testEnv(), encoding: 'utf8' });

  it('prints a table for a saved query, lists them, and fails in one line on bad input', () => {
    const ok = kg('query', 'partnership-network', '--param', 'name=KAISI');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^center\s+\| partner/m);
    expect(ok.stdout).toContain('OpenAI');
    expect(ok.stdout).toContain('UK AI Security Institute');

    const list = kg('query', '--list');
    expect(list.status).toBe(0);
    for (const q of listQueries()) expect(list.stdout).toContain(`${q.name}  —  ${q.title}`);

    const unknown = kg('query', 'no-such-query');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^kg: no saved query "no-such-query"/)]);

    const badName = kg('query', 'near-duplicates', '--param', 'threshold=0.5');
    expect(badName.status).toBe(1);
    expect(badName.stderr.trim()).toBe('kg: near-duplicates has no parameter "threshold" (its parameters: minSimilarity)');

    const badValue = kg('query', 'near-duplicates', '--param', 'minSimilarity=high');
    expect(badValue.status).toBe(1);
    expect(badValue.stderr.trim()).toBe('kg: near-duplicates: parameter minSimilarity must be a number, got "high"');
  });
});

describe('latest-refresh', () => {
  it('reports the documents a refresh wrote and the facts that came with them', async () => {
    await wipe(store);
    const dir = copySeeds('queries-refresh');
    await runPipeline(store, { paths: [dir], mode: 'full' });
    const changed = path.join(dir, '002_79664b61c4693597.txt');
    const before = readFileSync(path.join(ROOT, changed), 'utf8');
    const edited = before.replace('held in Seoul last December.', 'held in Seoul last December. The working group will meet again in Washington in 2025.');
    expect(edited).not.toBe(before);
    writeFileSync(path.join(ROOT, changed), edited);
    const added = path.join(dir, '005_new.txt');
    // An institute the seeds do not name (they name the Japanese one among "AI safety institutes from ...").
    writeFileSync(
      path.join(ROOT, added),
      'Singapore AI Safety Institute and Anthropic sign agreement\n\nSingapore, 3 March 2025 - The Singapore AI Safety Institute and Anthropic signed a memorandum of understanding on AI model evaluation in Singapore on 3 March 2025.\n',
    );
    const summary = await runPipeline(store, { paths: [dir], mode: 'refresh' });
    expect([summary.run.new, summary.run.changed, summary.run.unchanged]).toEqual([1, 1, 4]);

    for (const kind of ['any', 'refresh']) {
      const rows = await run('latest-refresh', { kind });
      expect(new Set(rows.map((r) => r.run))).toEqual(
        new Set(['refresh ' + summary.run.startedAt.slice(0, 16) + ' (new 1, changed 1, unchanged 4, failed 0)']),
      );
      const docs = rows.filter((r) => r.change === 'document written').map((r) => r.fact);
      expect(new Set(docs)).toEqual(new Set([changed, added].map((p) => p.split(path.sep).join('/'))));
      // Nothing from the unchanged documents.
      const written = new Set(docs);
      for (const r of rows) for (const d of r.documents as string[]) expect(written.has(d), d).toBe(true);
      const newEntities = rows.filter((r) => r.change === 'new entity').map((r) => r.entity);
      expect(newEntities).toContain('Singapore AI Safety Institute');
      expect(newEntities).not.toContain('Anthropic'); // the seeds mention it too
      expect(rows.some((r) => r.change === 'new relationship' && /^Singapore AI Safety Institute -\[SIGNED\]-> /.test(String(r.fact)))).toBe(true);
    }
    // The latest full run: the documents whose last write it was (the changed
    // one was rewritten by the refresh since).
    const full = await run('latest-refresh', { kind: 'full' });
    const fullDocs = full.filter((r) => r.change === 'document written').map((r) => String(r.fact));
    expect(fullDocs).toHaveLength(4);
    expect(fullDocs).not.toContain(changed.split(path.sep).join('/'));
  });
});
