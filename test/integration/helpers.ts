import { cpSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { GraphStore } from '../../src/load/index.ts';
import type { EntityType, Graph, GraphEntity, GraphRelation, RelationType } from '../../src/model/schemas.ts';
import { ROOT } from './env.ts';

export async function openStore(options: { maxRetryTimeMs?: number } = {}): Promise<GraphStore> {
  return GraphStore.open(inject('neo4j'), options);
}

/** Empties the test database (data only; the schema stays). */
export async function wipe(store: GraphStore): Promise<void> {
  await store.write((tx) => tx.run('MATCH (n) DETACH DELETE n'));
}

export async function query<T = Record<string, unknown>>(store: GraphStore, cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
  return store.read(async (tx) => (await tx.run(cypher, params)).records.map((r) => r.toObject() as T));
}

/** A scratch directory inside the checkout (so document ids are short relative paths). */
export function scratchDir(name: string): string {
  const dir = path.join(ROOT, 'test-artifacts', name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return path.relative(process.cwd(), dir) || dir;
}

export function copySeeds(name: string): string {
  const dir = scratchDir(name);
  cpSync(path.join(ROOT, 'seeds'), dir, { recursive: true });
  return dir;
}

// ---- hand-made graphs ----

export const doc = (id: string, contentHash = `hash-of-${id}`) => ({
  id,
  source: id,
  url: null,
  title: `Title of ${id}`,
  publishedAt: '2024-05-21',
  contentHash,
});

export const entity = (
  id: string,
  type: EntityType,
  name: string,
  mentions: Array<[string, number, number]>,
  extra: Partial<GraphEntity> = {},
): GraphEntity => ({
  id,
  type,
  name,
  aliases: [],
  date: null,
  mentions: mentions.map(([d, start, end]) => ({ doc: d, start, end })),
  ...extra,
});

export const relation = (
  type: RelationType,
  source: string,
  target: string,
  evidence: Array<[string, string, number, number, number]>,
  extra: Partial<GraphRelation> = {},
): GraphRelation => ({
  type,
  source,
  target,
  date: null,
  role: null,
  confidence: Math.max(...evidence.map((e) => e[4])),
  evidence: evidence.map(([d, sentence, start, end, confidence]) => ({ doc: d, sentence, start, end, confidence, method: 'sentence' as const })),
  ...extra,
});

export const graph = (g: Graph): Graph => g;

/** Order-independent view of a Graph, for comparisons. */
export function normalize(g: Graph) {
  return {
    documents: [...g.documents].sort((a, b) => a.id.localeCompare(b.id)),
    entities: [...g.entities]
      .map((e) => ({ ...e, aliases: [...e.aliases].sort(), mentions: [...e.mentions].sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    relations: [...g.relations]
      .map((r) => ({ ...r, evidence: [...r.evidence].sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start) }))
      .sort((a, b) => `${a.type}|${a.source}|${a.target}`.localeCompare(`${b.type}|${b.source}|${b.target}`)),
  };
}

/** The facts of a graph, ignoring names and aliases: what refresh must keep equal to a full load. */
export function factSets(g: Graph) {
  return {
    documents: g.documents.map((d) => `${d.id}|${d.contentHash}`).sort(),
    entities: g.entities.map((e) => `${e.id}|${e.type}`).sort(),
    mentions: g.entities.flatMap((e) => e.mentions.map((m) => `${m.doc}|${e.id}|${m.start}|${m.end}`)).sort(),
    relations: g.relations.map((r) => `${r.type}|${r.source}|${r.target}`).sort(),
    evidence: g.relations.flatMap((r) => r.evidence.map((e) => `${r.type}|${r.source}|${r.target}|${e.doc}|${e.start}|${e.end}|${e.sentence}`)).sort(),
  };
}
