// The Lucene queries a run sends per name (src/load/candidates.ts) and the
// resolver's bound on edits between spelling variants agree: what the graph
// lookup can find is what resolution in memory may merge.
import { describe, expect, it } from 'vitest';
import { nameQuery, withNameKeys } from '../src/load/candidates.ts';
import { MAX_FUZZY_EDITS, spellingVariants } from '../src/resolve/index.ts';

describe('name lookups', () => {
  it('asks for the exact normal form of every name, and within edits for names long enough to have variants', () => {
    expect(nameQuery('The UK’s AI Safety Institute')).toBe('formKeys:"uk_ai_safety_institute" OR nameKey:uk_ai_safety_institute~2');
    expect(nameQuery('Zelvani AI')).toBe('formKeys:"zelvani_ai" OR nameKey:zelvani_ai~1');
    expect(nameQuery('OECD')).toBe('formKeys:"oecd"');
    expect(nameQuery('"(!)"')).toBeNull();
    // Query syntax in a name is folded away, never passed on.
    expect(nameQuery('AI* OR Safety:"x"~9')).toBe('formKeys:"ai_or_safety_x_9" OR nameKey:ai_or_safety_x_9~2');
  });

  it('indexes an entity under its own name and every other name', () => {
    const row = withNameKeys({ name: 'Zelvani Policy Council', fullName: null, aliases: ['ZPC', 'Zelváni Policy Council'] });
    expect(row.nameKey).toBe('zelvani_policy_council');
    expect(row.formKeys).toEqual(['zelvani_policy_council', 'zpc']);
  });

  it('merges spelling variants only within the edits the lookup can find', () => {
    expect(MAX_FUZZY_EDITS).toBe(2);
    expect(spellingVariants('Frontier Model Forum', 'Frontier Models Forum')).toBeGreaterThan(0.9);
    expect(spellingVariants('International Network of AI Safety Institutes', 'International Network of AI Safety Institute')).toBeGreaterThan(0.9);
    // Three edits: similar enough by the threshold at this length, but past what the graph lookup finds.
    expect(spellingVariants('Organisation for Economic Cooperation and Developments', 'Organization for Economic Co operation and Development')).toBe(0);
    expect(spellingVariants('Zelvani Council', 'Quorvex Council')).toBe(0);
  });
});
