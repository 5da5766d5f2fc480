import { describe, expect, it } from 'vitest';
import { conflictingQualifiers, resolveGraph, similar, FUZZY_THRESHOLD } from '../src/resolve/index.ts';
import { extractText } from './extract/helpers.ts';

describe('resolution across documents', () => {
  it('one node per real-world thing: K-AISI, KAISI and the full name in different documents', () => {
    const a = extractText('The Korea Artificial Intelligence Safety Institute (K-AISI) met OpenAI.', null, 'a.txt');
    const b = extractText("South Korea's AI Safety Institute (KAISI) signed a deal.", null, 'b.txt');
    const c = extractText('KAISI researchers presented at the Seoul AI Summit and the AI Seoul Summit.', null, 'c.txt');
    const g = resolveGraph([a, b, c]);
    const kaisi = g.entities.filter((e) => e.type === 'Institute');
    expect(kaisi).toHaveLength(1);
    expect(kaisi[0]!.id).toBe('institute/korea-aisi');
    expect(kaisi[0]!.aliases).toEqual(expect.arrayContaining(['K-AISI', 'KAISI', 'Korea Artificial Intelligence Safety Institute']));
    expect(new Set(kaisi[0]!.mentions.map((m) => m.doc))).toEqual(new Set(['a.txt', 'b.txt', 'c.txt']));
    expect(g.entities.filter((e) => e.type === 'Summit')).toHaveLength(1);
  });

  it('a renamed body is one entity: the UK AI Safety Institute is the AI Security Institute', () => {
    const g = resolveGraph([
      extractText('The UK AI Safety Institute tested models.', null, 'a.txt'),
      extractText('The UK AI Security Institute published a report.', null, 'b.txt'),
    ]);
    expect(g.entities.filter((e) => e.type === 'Institute').map((e) => e.id)).toEqual(['institute/uk-aisi']);
  });

  it('never merges the US and the UK institutes', () => {
    const g = resolveGraph([extractText('The US AI Safety Institute and the UK AI Safety Institute met.')]);
    expect(
      g.entities
        .filter((e) => e.type === 'Institute')
        .map((e) => e.id)
        .sort(),
    ).toEqual(['institute/uk-aisi', 'institute/us-aisi']);
    expect(conflictingQualifiers('Brazilian AI Safety Institute', 'Chilean AI Safety Institute')).toBe(true);
  });

  it('merges spelling variants of unknown names above the measured threshold, keeping both as names', () => {
    expect(similar('Andean Safety Research Organisation', 'Andean Safety Research Organization')).toBeGreaterThanOrEqual(FUZZY_THRESHOLD);
    const g = resolveGraph([
      extractText('The Andean Safety Research Organisation met.', null, 'a.txt'),
      extractText('The Andean Safety Research Organization met.', null, 'b.txt'),
    ]);
    const orgs = g.entities.filter((e) => e.type === 'Organization');
    expect(orgs).toHaveLength(1);
    expect([orgs[0]!.name, ...orgs[0]!.aliases].sort()).toEqual(['Andean Safety Research Organisation', 'Andean Safety Research Organization']);
  });

  it('keeps distinct unknown names apart', () => {
    const g = resolveGraph([extractText('The Andean Safety Research Network and the Andean Policy Research Network met.')]);
    expect(g.entities.filter((e) => e.type === 'Organization')).toHaveLength(2);
  });

  it('reuses the ids of entities the graph already holds', () => {
    const g = resolveGraph(
      [extractText('The Andean Safety Research Network met.')],
      [{ id: 'org/asrn', type: 'Organization', name: 'Andean Safety Research Network', aliases: [], date: null }],
    );
    expect(g.entities.map((e) => e.id)).toEqual(['org/asrn']);
  });

  it('a relation stated in several documents is one relation with several evidence entries', () => {
    const g = resolveGraph([
      extractText('Canada joined the International Network of AI Safety Institutes.', null, 'a.txt'),
      extractText('Canada joined the International Network of AI Safety Institutes.', null, 'b.txt'),
    ]);
    expect(g.relations).toHaveLength(1);
    expect(g.relations[0]!.evidence.map((e) => e.doc)).toEqual(['a.txt', 'b.txt']);
  });
});

describe('the merge guards', () => {
  it('names of different countries, years or versions are never one thing', () => {
    expect(conflictingQualifiers('Iran AI Safety Institute', 'Iraq AI Safety Institute')).toBe(true);
    expect(conflictingQualifiers('Kenyan AI Safety Institute', 'Kenya AI Safety Institute')).toBe(false);
    expect(conflictingQualifiers('REAIM Summit 2023', 'REAIM Summit 2024')).toBe(true);
    const g = resolveGraph([extractText('The Iran AI Safety Institute met the Iraq AI Safety Institute.')]);
    expect(g.entities.filter((e) => e.type === 'Institute')).toHaveLength(2);
  });
});
