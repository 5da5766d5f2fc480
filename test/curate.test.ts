// Analysts' decisions as a pure function over the resolved graph
// (src/curate/apply.ts), the resolver honouring keep-apart and retypes, the
// decisions file's format, and the review queue's assembly.
import { describe, expect, it } from 'vitest';
import { activeDecisions, applyDecisions, parseDecisions, resetFor, resolveCurated, resolveHints } from '../src/curate/index.ts';
import { buildReview, sentenceAround } from '../src/curate/review.ts';
import type { FactRow } from '../src/load/curation.ts';
import { Decision, type EntityRef } from '../src/model/decisions.ts';
import type { Graph } from '../src/model/schemas.ts';
import { resolveDocuments, resolveGraph } from '../src/resolve/index.ts';
import { extractText } from './extract/helpers.ts';

let n = 0;
const meta = () => ({ id: `d-test-${++n}`, at: '2026-11-28T10:00:00.000Z', by: 'tester', why: null });
const ref = (id: string, type: EntityRef['type'], name: string): EntityRef => ({ id, type, name });
const ev = (doc: string, sentence: string, start: number, confidence = 0.8, method: 'sentence' | 'table' = 'sentence') => ({
  doc,
  sentence,
  start,
  end: start + 10,
  confidence,
  method,
});

const ACME = ref('company/acme', 'Company', 'Acme');
const ACME_CORP = ref('company/acme-corporation', 'Company', 'Acme Corporation');
const BETA = ref('company/beta', 'Company', 'Beta');

const graph = (): Graph => ({
  documents: [
    { id: 'a.txt', source: 'a.txt', url: null, title: null, publishedAt: null, contentHash: 'ha' },
    { id: 'b.txt', source: 'b.txt', url: null, title: null, publishedAt: null, contentHash: 'hb' },
  ],
  entities: [
    { id: ACME.id, type: 'Company', name: 'Acme', aliases: [], date: null, mentions: [{ doc: 'a.txt', start: 0, end: 4 }] },
    { id: ACME_CORP.id, type: 'Company', name: 'Acme Corporation', aliases: ['ACME'], date: '2020', mentions: [{ doc: 'b.txt', start: 0, end: 16 }] },
    {
      id: BETA.id,
      type: 'Company',
      name: 'Beta',
      aliases: [],
      date: null,
      mentions: [
        { doc: 'a.txt', start: 20, end: 24 },
        { doc: 'b.txt', start: 30, end: 34 },
      ],
    },
  ],
  relations: [
    {
      type: 'PARTNERED_WITH',
      source: 'company/acme',
      target: 'company/beta',
      date: null,
      role: null,
      confidence: 0.8,
      evidence: [ev('a.txt', 'Acme partnered with Beta.', 0)],
    },
    {
      type: 'PARTNERED_WITH',
      source: 'company/acme-corporation',
      target: 'company/beta',
      date: '2024',
      role: null,
      confidence: 0.7,
      evidence: [ev('b.txt', 'Acme Corporation and Beta partner.', 0, 0.7)],
    },
    {
      type: 'DEVELOPED',
      source: 'company/beta',
      target: 'company/acme',
      date: null,
      role: null,
      confidence: 0.9,
      evidence: [ev('a.txt', 'Beta built Acme.', 40, 0.9), ev('b.txt', 'Beta made Acme.', 50, 0.5, 'table')],
    },
  ],
});
const forms = () => ({
  byDocument: new Map([
    [
      'a.txt',
      new Map([
        ['company/acme', []],
        ['company/beta', []],
      ]),
    ],
    [
      'b.txt',
      new Map([
        ['company/acme-corporation', ['ACME']],
        ['company/beta', []],
      ]),
    ],
  ]),
  base: new Map<string, string[]>(),
});

describe('applyDecisions (pure)', () => {
  it('merge: mentions, names and relationships go to the entity kept; the same relationship twice becomes one', () => {
    const g = graph();
    const before = JSON.stringify(g);
    const d = Decision.parse({ kind: 'merge', into: ACME_CORP, from: ACME, ...meta() });
    const out = applyDecisions(g, [d], forms());
    expect(JSON.stringify(g)).toBe(before); // pure
    expect(out.effective).toEqual([d.id]);
    expect(out.graph.entities.map((e) => e.id).sort()).toEqual(['company/acme-corporation', 'company/beta']);
    const acme = out.graph.entities.find((e) => e.id === ACME_CORP.id)!;
    expect(acme.name).toBe('Acme Corporation');
    expect(acme.aliases).toEqual(['ACME', 'Acme']);
    expect(acme.mentions.map((m) => m.doc).sort()).toEqual(['a.txt', 'b.txt']);
    const partner = out.graph.relations.filter((r) => r.type === 'PARTNERED_WITH');
    expect(partner).toHaveLength(1);
    expect(partner[0]!.source).toBe('company/acme-corporation');
    expect(partner[0]!.evidence.map((e) => e.doc).sort()).toEqual(['a.txt', 'b.txt']);
    expect(partner[0]!.confidence).toBe(0.8);
    expect(out.graph.relations.find((r) => r.type === 'DEVELOPED')!.target).toBe('company/acme-corporation');
    // The merged name is a name documents give it, and one the analyst gave it for good.
    expect(out.forms.byDocument.get('a.txt')!.get(ACME_CORP.id)).toEqual(['Acme']);
    expect(out.forms.byDocument.get('a.txt')!.has(ACME.id)).toBe(false);
    expect(out.forms.base.get(ACME_CORP.id)).toEqual(['Acme']);
  });

  it('merge into an entity this graph does not hold (the live graph does): it takes the recorded id, type and name', () => {
    const g = graph();
    g.entities = g.entities.filter((e) => e.id !== ACME_CORP.id);
    g.relations = g.relations.filter((r) => r.source !== ACME_CORP.id);
    const out = applyDecisions(g, [Decision.parse({ kind: 'merge', into: ACME_CORP, from: ACME, ...meta() })]);
    const acme = out.graph.entities.find((e) => e.id === ACME_CORP.id)!;
    expect([acme.name, acme.type, acme.aliases]).toEqual(['Acme Corporation', 'Company', ['Acme']]);
    expect(out.graph.entities.some((e) => e.id === ACME.id)).toBe(false);
  });

  it('rename keeps the id and the old name as an alias; retype changes the type; alias adds a name for good', () => {
    const out = applyDecisions(
      graph(),
      [
        Decision.parse({ kind: 'rename', entity: BETA, name: 'Beta Labs', ...meta() }),
        Decision.parse({ kind: 'retype', entity: BETA, type: 'Organization', ...meta() }),
        Decision.parse({ kind: 'alias', entity: ACME, alias: 'Acme Inc.', ...meta() }),
      ],
      forms(),
    );
    const beta = out.graph.entities.find((e) => e.id === BETA.id)!;
    expect([beta.name, beta.type, beta.aliases]).toEqual(['Beta Labs', 'Organization', ['Beta']]);
    expect(out.forms.byDocument.get('b.txt')!.get(BETA.id)).toEqual(['Beta']);
    const acme = out.graph.entities.find((e) => e.id === ACME.id)!;
    expect(acme.aliases).toEqual(['Acme Inc.']);
    expect(out.forms.base.get(ACME.id)).toEqual(['Acme Inc.']);
    expect(out.effective).toHaveLength(3);
  });

  it("reject: a whole relationship, one sentence of its evidence (confidence recomputed), or a document's", () => {
    const whole = applyDecisions(graph(), [
      Decision.parse({ kind: 'reject', fact: { type: 'PARTNERED_WITH', source: BETA.id, target: ACME.id }, evidence: null, ...meta() }),
    ]);
    // PARTNERED_WITH is one relationship per pair, whichever way round the analyst names it.
    expect(whole.graph.relations.filter((r) => r.type === 'PARTNERED_WITH').map((r) => r.source)).toEqual(['company/acme-corporation']);
    const fact = { type: 'DEVELOPED' as const, source: BETA.id, target: ACME.id };
    const one = applyDecisions(graph(), [Decision.parse({ kind: 'reject', fact, evidence: { doc: 'a.txt', sentence: 'Beta built Acme.' }, ...meta() })]);
    const dev = one.graph.relations.find((r) => r.type === 'DEVELOPED')!;
    expect(dev.evidence.map((e) => e.sentence)).toEqual(['Beta made Acme.']);
    expect(dev.confidence).toBe(0.5);
    const both = applyDecisions(graph(), [
      Decision.parse({ kind: 'reject', fact, evidence: { doc: 'a.txt', sentence: null }, ...meta() }),
      Decision.parse({ kind: 'reject', fact, evidence: { doc: 'b.txt', sentence: 'Beta made Acme.' }, ...meta() }),
    ]);
    expect(both.graph.relations.some((r) => r.type === 'DEVELOPED')).toBe(false);
    const none = applyDecisions(graph(), [Decision.parse({ kind: 'reject', fact, evidence: { doc: 'a.txt', sentence: 'Not a sentence of it.' }, ...meta() })]);
    expect(none.effective).toEqual([]);
  });

  it('a whole rejection holds against the sentences it rejected, in any document; a different sentence is new evidence and stays', () => {
    const fact = { type: 'DEVELOPED' as const, source: BETA.id, target: ACME.id };
    const reject = Decision.parse({ kind: 'reject', fact, evidence: null, sentences: ['Beta built Acme.', 'Beta made Acme.'], ...meta() });
    expect(applyDecisions(graph(), [reject]).graph.relations.some((r) => r.type === 'DEVELOPED')).toBe(false);
    // The same sentence in a third document, and a new one in a fourth.
    const g = graph();
    g.relations.find((r) => r.type === 'DEVELOPED')!.evidence.push(ev('c.txt', 'Beta built Acme.', 0, 0.9), ev('d.txt', 'Acme was built by Beta.', 0, 0.6));
    const back = applyDecisions(g, [reject]);
    const dev = back.graph.relations.find((r) => r.type === 'DEVELOPED')!;
    expect(dev.evidence.map((e) => [e.doc, e.sentence])).toEqual([['d.txt', 'Acme was built by Beta.']]);
    expect(dev.confidence).toBe(0.6);
    // Rejected with --everywhere (no sentences): out whatever states it.
    const everywhere = Decision.parse({ kind: 'reject', fact, evidence: null, ...meta() });
    expect(applyDecisions(g, [everywhere]).graph.relations.some((r) => r.type === 'DEVELOPED')).toBe(false);
  });

  it('decisions apply in order, and a withdrawn one not at all', () => {
    const merge = Decision.parse({ kind: 'merge', into: ACME_CORP, from: ACME, ...meta() });
    const rename = Decision.parse({ kind: 'rename', entity: ACME_CORP, name: 'ACME Group', ...meta() });
    const out = applyDecisions(graph(), [merge, rename]);
    expect(out.graph.entities.find((e) => e.id === ACME_CORP.id)!.name).toBe('ACME Group');
    const undo = Decision.parse({ kind: 'withdraw', decision: merge.id, ...meta() });
    expect(activeDecisions([merge, rename, undo]).map((d) => d.id)).toEqual([rename.id]);
    const back = applyDecisions(graph(), [merge, rename, undo]);
    expect(back.graph.entities.map((e) => e.id).sort()).toEqual(['company/acme', 'company/acme-corporation', 'company/beta']);
    expect(back.graph.entities.find((e) => e.id === ACME_CORP.id)!.name).toBe('ACME Group');
  });

  it('confirm and keep-apart change nothing in the graph (the resolver and the review queue honour them)', () => {
    const g = graph();
    const out = applyDecisions(g, [
      Decision.parse({ kind: 'confirm', fact: { type: 'DEVELOPED', source: BETA.id, target: ACME.id }, ...meta() }),
      Decision.parse({ kind: 'keep-apart', a: ACME, b: ACME_CORP, ...meta() }),
    ]);
    expect(out.graph).toEqual(g);
    expect(out.effective).toEqual([]);
  });
});

describe('resolution under decisions', () => {
  const docs = () => [
    extractText('The Andean Safety Research Organisation met.', null, 'a.txt'),
    extractText('The Andean Safety Research Organization met.', null, 'b.txt'),
  ];

  it('keep-apart holds against the fuzzy matcher, also when the graph already holds the merged entity', () => {
    const merged = resolveGraph(docs()).entities.filter((e) => e.type === 'Organization');
    expect(merged).toHaveLength(1);
    const [a] = merged;
    const keep = Decision.parse({
      kind: 'keep-apart',
      a: ref(a!.id, 'Organization', a!.name),
      b: ref('org/andean-safety-research-organization', 'Organization', 'Andean Safety Research Organization'),
      ...meta(),
    });
    const apart = resolveGraph(docs(), [], resolveHints([keep])).entities.filter((e) => e.type === 'Organization');
    expect(apart.map((e) => e.id).sort()).toEqual(['org/andean-safety-research-organisation', 'org/andean-safety-research-organization']);
    // Against the graph's entity that already carries the other spelling as an alias: its aliases enter reset (resetFor).
    const known = [{ id: a!.id, type: 'Organization' as const, name: a!.name, aliases: [], date: null }];
    const again = resolveCurated(docs(), known, [keep]).graph.entities.filter((e) => e.type === 'Organization');
    expect(again.map((e) => e.id).sort()).toEqual(['org/andean-safety-research-organisation', 'org/andean-safety-research-organization']);
  });

  it('a merge holds when a new document names either entity', () => {
    const merge = Decision.parse({
      kind: 'merge',
      into: ref('org/andean-policy-network', 'Organization', 'Andean Policy Network'),
      from: ref('org/andean-safety-research-organisation', 'Organization', 'Andean Safety Research Organisation'),
      ...meta(),
    });
    const g = resolveCurated([extractText('The Andean Safety Research Organisation met.', null, 'c.txt')], [], [merge]).graph;
    expect(g.entities.filter((e) => e.type === 'Organization').map((e) => [e.id, e.name])).toEqual([['org/andean-policy-network', 'Andean Policy Network']]);
  });

  describe('a merge applied and withdrawn, when the merged entity was named first in one spelling and the documents sort another first', () => {
    // The graph met "Organisation" first (b.txt, in an earlier run) and took "Organization" (a.txt) as its spelling.
    const spelled = () => [
      extractText('The Andean Safety Research Organization met.', null, 'a.txt'),
      extractText('The Andean Safety Research Organisation met.', null, 'b.txt'),
      extractText('The Andean Policy Network met.', null, 'c.txt'),
    ];
    const into = ref('org/andean-policy-network', 'Organization', 'Andean Policy Network');
    const from = ref('org/andean-safety-research-organisation', 'Organization', 'Andean Safety Research Organisation');
    const merge = Decision.parse({ kind: 'merge', into, from, ...meta() });
    const orgs = (g: Graph) =>
      g.entities
        .filter((e) => e.type === 'Organization')
        .map((e) => [e.id, e.name, e.aliases])
        .sort();

    it('applied: every spelling of the merged entity joins the one kept', () => {
      const known = [
        { id: into.id, type: into.type, name: into.name, aliases: [], date: null },
        { id: from.id, type: from.type, name: from.name, aliases: ['Andean Safety Research Organization'], date: null },
      ];
      const g = resolveCurated(spelled(), known, [merge], resetFor(merge, false)).graph;
      expect(orgs(g)).toEqual([[into.id, into.name, ['Andean Safety Research Organisation', 'Andean Safety Research Organization']]]);
    });

    it('withdrawn: the merged entity is made again under the id it had, not one from the spelling met first', () => {
      const withdrawal = Decision.parse({ kind: 'withdraw', decision: merge.id, ...meta() });
      const known = [{ id: into.id, type: into.type, name: into.name, aliases: [from.name, 'Andean Safety Research Organization'], date: null }];
      const g = resolveCurated(spelled(), known, [merge, withdrawal], resetFor(merge, true)).graph;
      expect(orgs(g)).toEqual([
        [into.id, into.name, []],
        [from.id, 'Andean Safety Research Organization', ['Andean Safety Research Organisation']],
      ]);
      // Its relationships and names per document follow the id.
      expect([...resolveCurated(spelled(), known, [merge, withdrawal], resetFor(merge, true)).forms.byDocument.get('b.txt')!.keys()]).toContain(from.id);
    });
  });

  it('a retyped entity still takes the mentions the extractor types as before, and keeps its id', () => {
    const x = extractText('The Andean Safety Research Organisation met.', null, 'a.txt');
    const first = resolveGraph([x]).entities.find((e) => e.type === 'Organization')!;
    const retype = Decision.parse({ kind: 'retype', entity: ref(first.id, 'Organization', first.name), type: 'Institute', ...meta() });
    const known = [{ id: first.id, type: 'Institute' as const, name: first.name, aliases: [], date: null }];
    const y = extractText('The Andean Safety Research Organisation spoke.', null, 'b.txt');
    const without = resolveDocuments([y], known).graph.entities.map((e) => e.id);
    expect(without).toContain(`${first.id}-x`); // without the hint, a second entity beside the retyped one
    const g = resolveCurated([y], known, [retype]).graph;
    expect(g.entities.map((e) => [e.id, e.type])).toContainEqual([first.id, 'Institute']);
    expect(g.entities.some((e) => e.id.endsWith('-x'))).toBe(false);
  });
});

describe('the decisions file', () => {
  it('reads one decision a line and names the line of a bad one', () => {
    const d = Decision.parse({ kind: 'alias', entity: ACME, alias: 'Acme Inc.', ...meta() });
    expect(parseDecisions(`${JSON.stringify(d)}\n\n`)).toEqual([d]);
    expect(() => parseDecisions(`${JSON.stringify(d)}\n{"kind":"merge"}\n`, 'x.jsonl')).toThrow(/^x\.jsonl:2: not a decision/);
    expect(() => parseDecisions('{oops\n', 'x.jsonl')).toThrow(/^x\.jsonl:1: not JSON/);
    expect(() => parseDecisions(`${JSON.stringify(d)}\n${JSON.stringify(d)}\n`, 'x.jsonl')).toThrow(/used twice/);
  });
});

describe('the review queue', () => {
  const fact = (over: Partial<FactRow>): FactRow => ({
    type: 'SIGNED',
    source: 'country/a',
    sourceName: 'A',
    target: 'agreement/x',
    targetName: 'X',
    confidence: 0.5,
    docs: ['d1'],
    sentences: ['A signed X.'],
    methods: ['sentence'],
    confidences: [0.5],
    ...over,
  });

  it('lists low-confidence and inferred-only facts, near-duplicates and single-document entities; decided items leave it', () => {
    const facts = [
      fact({}),
      fact({ target: 'agreement/y', targetName: 'Y', confidence: 0.9, confidences: [0.9], methods: ['table'], sentences: ['A | Y | 2024'] }),
    ];
    const entities = [
      { id: 'org/andean-network', type: 'Organization', name: 'Andean Network', aliases: [] },
      { id: 'org/andean-networks', type: 'Organization', name: 'Andean Networks', aliases: [] },
      { id: 'company/andean-network', type: 'Company', name: 'Andean Network', aliases: [] },
    ];
    const single = [
      {
        id: 'org/andean-network',
        type: 'Organization',
        name: 'Andean Network',
        aliases: [],
        doc: 'd1',
        window: 'First one. The Andean Network met. Then more.',
        at: 15,
        evidence: null,
      },
    ];
    const q = buildReview(facts, entities, single, []);
    expect(q.counts).toEqual({ 'rejected-restated': 0, 'low-confidence': 1, 'inferred-only': 1, 'near-duplicate': 1, 'single-document': 1 });
    expect(q.items.find((i) => i.kind === 'inferred-only')!.evidence).toEqual({ doc: 'd1', sentence: 'A | Y | 2024', method: 'table' });
    expect(q.items.find((i) => i.kind === 'single-document')!.evidence!.sentence).toBe('The Andean Network met.');
    expect(q.items.find((i) => i.kind === 'low-confidence')!.decide).toEqual([
      'kg curate confirm country/a SIGNED agreement/x',
      'kg curate reject country/a SIGNED agreement/x',
    ]);
    const decided = [
      Decision.parse({ kind: 'confirm', fact: { type: 'SIGNED', source: 'country/a', target: 'agreement/x' }, ...meta() }),
      Decision.parse({
        kind: 'keep-apart',
        a: ref('org/andean-network', 'Organization', 'Andean Network'),
        b: ref('org/andean-networks', 'Organization', 'Andean Networks'),
        ...meta(),
      }),
    ];
    expect(buildReview(facts, entities, single, decided).counts).toEqual({
      'rejected-restated': 0,
      'low-confidence': 0,
      'inferred-only': 1,
      'near-duplicate': 0,
      'single-document': 0,
    });
  });

  it('gives both sentences of a near-duplicate pair; a pair kept apart leaves it; a fact with one piece of evidence rejected stays', () => {
    const entities = [
      { id: 'model/claude', type: 'AIModel', name: 'Claude', aliases: [] },
      { id: 'model/claude-4', type: 'AIModel', name: 'Claude 4', aliases: [] },
      { id: 'model/claude-sonnet', type: 'AIModel', name: 'Claude Sonnet', aliases: [] },
    ];
    const mention = (doc: string, window: string, at: number) => ({ doc, window, at, evidence: null });
    const mentions = new Map([
      ['model/claude', mention('d1', 'Intro. Anthropic makes Claude. More.', 23)],
      ['model/claude-4', mention('d2', 'Claude 4 may come next year.', 0)],
      ['model/claude-sonnet', mention('d3', 'No offsets here.', 0)],
    ]);
    const q = buildReview([], entities, [], [], { mentions });
    const pair = q.items.find((i) => i.subject === 'Claude (model/claude) / Claude 4 (model/claude-4)')!;
    expect(pair.evidence).toEqual({ doc: 'd1', sentence: 'Anthropic makes Claude.', method: null });
    expect(pair.otherEvidence).toEqual({ doc: 'd2', sentence: 'Claude 4 may come next year.', method: null });
    expect(q.counts['near-duplicate']).toBe(2); // Claude / Claude 4, Claude / Claude Sonnet
    // Kept apart with the ends in either order: the pair leaves, the count says what is left.
    const apart = Decision.parse({
      kind: 'keep-apart',
      a: ref('model/claude-4', 'AIModel', 'Claude 4'),
      b: ref('model/claude', 'AIModel', 'Claude'),
      ...meta(),
    });
    const after = buildReview([], entities, [], [apart], { mentions });
    expect(after.items.some((i) => i.subject.includes('(model/claude-4)') && i.subject.startsWith('Claude (model/claude)'))).toBe(false);
    expect(after.counts['near-duplicate']).toBe(1);
    // One piece of evidence rejected: the fact is still stated (by the rest) and still to review; a whole rejection decides it.
    const facts = [fact({})];
    const piece = Decision.parse({
      kind: 'reject',
      fact: { type: 'SIGNED', source: 'country/a', target: 'agreement/x' },
      evidence: { doc: 'd0', sentence: null },
      ...meta(),
    });
    expect(buildReview(facts, [], [], [piece]).counts['low-confidence']).toBe(1);
    const whole = Decision.parse({ kind: 'reject', fact: { type: 'SIGNED', source: 'country/a', target: 'agreement/x' }, evidence: null, ...meta() });
    expect(buildReview(facts, [], [], [whole]).counts['low-confidence']).toBe(0);
  });

  it('a fact rejected as a whole that new evidence states again is listed to reject again, undo or confirm', () => {
    const f = { type: 'SIGNED' as const, source: 'country/a', target: 'agreement/x' };
    const reject = Decision.parse({ kind: 'reject', fact: f, evidence: null, sentences: ['A signed X.'], ...meta() });
    const again = fact({ sentences: ['A put its name to X.'], confidence: 0.9, confidences: [0.9] });
    const q = buildReview([again, again], [], [], [reject]);
    expect(q.counts['rejected-restated']).toBe(1);
    expect(q.items).toEqual([
      {
        kind: 'rejected-restated',
        subject: 'A -[SIGNED]-> X',
        reason: `rejected (${reject.id}), stated again by new evidence`,
        evidence: { doc: 'd1', sentence: 'A put its name to X.', method: 'sentence' },
        decide: ['kg curate reject country/a SIGNED agreement/x', `kg curate undo ${reject.id}`, 'kg curate confirm country/a SIGNED agreement/x'],
      },
    ]);
    expect(buildReview([again], [], [], [reject, Decision.parse({ kind: 'confirm', fact: f, ...meta() })]).counts['rejected-restated']).toBe(0);
  });

  it('finds the sentence around a mention', () => {
    expect(sentenceAround('Intro line\nOne. Two has Claude 3.5 Sonnet in it. Three.', 20)).toBe('Two has Claude 3.5 Sonnet in it.');
  });
});
