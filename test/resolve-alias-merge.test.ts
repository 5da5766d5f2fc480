// A person's surname alone, or a name that already stands for two entities,
// never merges two entities: in one resolution, and in two steps where the
// second resolves against what the first wrote (the graph's known entities).
import { describe, expect, it } from 'vitest';
import type { Graph } from '../src/model/schemas.ts';
import { mayMergeByAlias } from '../src/resolve/alias-merge.ts';
import { resolveGraph, type KnownEntity } from '../src/resolve/index.ts';
import { extractText } from './extract/helpers.ts';

const alan = () => extractText('UK minister Alan White attended the summit in London.\n\nWhite said the talks went well.', null, 'a.txt');
const kelli = () => extractText('Kelli White, a researcher at OpenAI, spoke in Paris.\n\nWhite said the report was ready.', null, 'b.txt');
const janet = () => extractText('Janet Jackson, director of the institute, spoke in London.\n\nJackson praised the declaration.', null, 'c.txt');
const michael = () => extractText('Michael Jackson, a policy lead at Google DeepMind, spoke in Paris.\n\nJackson signed the declaration.', null, 'd.txt');

const people = (g: Graph) =>
  g.entities
    .filter((e) => e.type === 'Person')
    .map((e) => [e.id, e.name, e.mentions.map((m) => m.doc).sort()[0]])
    .sort((a, b) => a[0]!.localeCompare(b[0]!));
const known = (g: Graph): KnownEntity[] => g.entities.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: e.aliases, date: e.date }));

describe('merges by a shared name', () => {
  it('the extractor gives each person their surname as an alias (the premise of these tests)', () => {
    expect(alan().entities.find((e) => e.name === 'Alan White')!.aliases).toContain('White');
    expect(kelli().entities.find((e) => e.name === 'Kelli White')!.aliases).toContain('White');
  });

  it('two people sharing a surname stay two in one resolution', () => {
    expect(people(resolveGraph([alan(), kelli(), janet(), michael()]))).toEqual([
      ['person/alan-white', 'Alan White', 'a.txt'],
      ['person/janet-jackson', 'Janet Jackson', 'c.txt'],
      ['person/kelli-white', 'Kelli White', 'b.txt'],
      ['person/michael-jackson', 'Michael Jackson', 'd.txt'],
    ]);
  });

  it('and in a load in two steps, against the entities the first step wrote', () => {
    const first = resolveGraph([janet()]);
    const second = resolveGraph([michael()], known(first));
    expect(people(second)).toEqual([['person/michael-jackson', 'Michael Jackson', 'd.txt']]);
  });

  it('a person named by surname alone is merged into neither namesake', () => {
    // As a recognizer that took a lone surname for a person would hand it on.
    const later = extractText('The talks went well.', null, 'e.txt');
    later.entities.push({
      key: 'p1',
      type: 'Person',
      name: 'White',
      aliases: [],
      date: null,
      registryId: null,
      mentions: [{ text: 'White', start: 0, end: 5 }],
    });
    const g = resolveGraph([alan(), kelli(), later]);
    expect(people(g).map((p) => p[0])).toEqual(['person/alan-white', 'person/kelli-white', 'person/white']);
  });

  it('the same full name in two documents is still one person', () => {
    const again = extractText('Alan White, the UK minister, visited Paris.', null, 'f.txt');
    const g = resolveGraph([alan(), again]);
    expect(people(g)).toEqual([['person/alan-white', 'Alan White', 'a.txt']]);
    expect(new Set(g.entities.find((e) => e.id === 'person/alan-white')!.mentions.map((m) => m.doc))).toEqual(new Set(['a.txt', 'f.txt']));
  });
});

describe('an acronym two bodies define for themselves', () => {
  it('does not merge them, in one resolution or in two steps', () => {
    const council = () => extractText('The Orinoco Climate Council (OCC) attended the AI Seoul Summit.', null, 'a.txt');
    const consortium = () => extractText('The Orinoco Compute Consortium (OCC) signed the Seoul Declaration.', null, 'b.txt');
    const orgs = (g: Graph) =>
      g.entities
        .filter((e) => e.type === 'Organization')
        .map((e) => e.id)
        .sort();
    expect(orgs(resolveGraph([consortium(), council()]))).toEqual(['org/orinoco-climate-council', 'org/orinoco-compute-consortium']);
    expect(orgs(resolveGraph([council()], known(resolveGraph([consortium()]))))).toEqual(['org/orinoco-climate-council']);
  });
});

describe('mayMergeByAlias', () => {
  const m = { type: 'Person' as const, entityName: 'Kelli White', clusterName: 'Alan White', holders: 1 };
  it('never through a one-word name of a person, honorifics aside', () => {
    expect(mayMergeByAlias({ ...m, form: 'white' })).toBe(false);
    expect(mayMergeByAlias({ ...m, form: 'dr white' })).toBe(false);
    expect(mayMergeByAlias({ ...m, form: 'alan white', entityName: 'A. White' })).toBe(true);
    expect(mayMergeByAlias({ ...m, form: 'alan white', entityName: 'Alan White', clusterName: 'Alan White' })).toBe(true);
  });
  it("never through a name two entities already go by, unless it is both entities' own name", () => {
    expect(
      mayMergeByAlias({
        type: 'Organization',
        form: 'aain',
        entityName: 'Andean AI Network',
        clusterName: 'Andean Artificial Intelligence Network',
        holders: 2,
      }),
    ).toBe(false);
    expect(mayMergeByAlias({ type: 'Organization', form: 'aain', entityName: 'AAIN', clusterName: 'Andean Artificial Intelligence Network', holders: 1 })).toBe(
      true,
    );
    expect(mayMergeByAlias({ type: 'Organization', form: 'aain', entityName: 'Andean AI Network', clusterName: 'AAIN', holders: 1 })).toBe(true);
    expect(mayMergeByAlias({ type: 'Person', form: 'white', entityName: 'White', clusterName: 'White', holders: 2 })).toBe(true);
  });
});
