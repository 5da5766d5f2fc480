// docs/schema.md documents the whole vocabulary the loader writes: every
// entity type and relationship type (in its tables and in its diagram), and
// every property the write statements set.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, RELATION_TYPES } from '../src/model/schemas.ts';
import * as Q from '../src/load/cypher.ts';

const doc = readFileSync('docs/schema.md', 'utf8');
const diagram = /```mermaid\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

describe('docs/schema.md', () => {
  it('has a diagram naming every entity type and relationship type', () => {
    expect(diagram).not.toBe('');
    for (const t of [...ENTITY_TYPES, ...RELATION_TYPES, 'MENTIONS', 'DUPLICATE_OF', 'Document', 'Run']) expect(diagram, t).toContain(t);
  });

  it('describes every type in a table row', () => {
    for (const t of [...ENTITY_TYPES, ...RELATION_TYPES]) expect(doc, t).toMatch(new RegExp(`^\\| \`${t}\` \\|`, 'm'));
  });

  it('describes every property the loader sets on entities, documents and relationships', () => {
    const statements = [...Object.values(Q.ENTITY_UPSERT), ...Object.values(Q.RELATION_UPSERT), Q.UPSERT_DOCUMENTS].join('\n');
    const props = new Set([...statements.matchAll(/\b[der]\.([a-zA-Z]+)\s*=/g)].map((m) => m[1]!));
    props.delete('documents'); // a legacy property the loader only clears (set to null)
    expect(props.size).toBeGreaterThan(15);
    for (const p of props) expect(doc, p).toContain(`\`${p}\``);
  });
});
