import { describe, expect, it } from 'vitest';
import { recognize } from '../../src/extract/recognize.ts';
import { entity, extractText } from './helpers.ts';

const names = (text: string) => recognize(text).map((c) => `${c.text}:${c.type}`);

describe('registry gazetteer', () => {
  it('finds known names and their aliases, longest first', () => {
    expect(names('The Seoul AI Safety Summit was held in Seoul.')).toEqual(['Seoul AI Safety Summit:Summit', 'Seoul:Location']);
  });
  it('does not match a short name inside a longer word or an acronym inside another', () => {
    expect(names('The metadata of USA Today')).toEqual(['USA:Country']);
  });
  it('reads names out of table cells that lost their separators', () => {
    expect(names('CohereCanadaNoneYesModerate')).toEqual(['Cohere:Company', 'Canada:Country']);
  });
  it('needs a capitalized head noun to ignore case: generic phrases are not names', () => {
    expect(names('the most specific corporate AI safety commitments')).toEqual([]);
  });
});

describe('name patterns', () => {
  it('types unknown names by their head noun', () => {
    const found = names('Officials from the Ministry of Digital Affairs met the Atlantic Compute Alliance at the Nordic AI Governance Forum Summit.');
    expect(found).toContain('Ministry of Digital Affairs:GovernmentBody');
    expect(found).toContain('Atlantic Compute Alliance:Organization');
    expect(found).toContain('Nordic AI Governance Forum Summit:Summit');
  });
  it('splits title-case headlines at capitalized function words and verbs', () => {
    expect(names('Brazil and Chile Launch Andean Safety Research Network')).toContain('Andean Safety Research Network:Organization');
    expect(names('Brazil and Chile Launch Andean Safety Research Network').some((n) => n.startsWith('Chile Launch'))).toBe(false);
  });
  it('reads AI models with their versions', () => {
    expect(names('They tested GPT-4o, Claude 3.5 Sonnet and Gemini Ultra 2.')).toEqual([
      'GPT-4o:AIModel',
      'Claude 3.5 Sonnet:AIModel',
      'Gemini Ultra 2:AIModel',
    ]);
  });
  it('does not take a person called Claude for the model', () => {
    expect(names('Claude Juncker spoke.').some((n) => n.endsWith(':AIModel'))).toBe(false);
  });
});

describe('people and titles', () => {
  it('finds titled names and leaves the title out', () => {
    expect(names('Foreign Minister Penny Wong and then-Prime Minister Rishi Sunak spoke.')).toEqual(['Penny Wong:Person', 'Rishi Sunak:Person']);
  });
  it('finds the name after a long title', () => {
    expect(names('representatives included Acting Special Envoy for Core and Emerging Technology Seth Center.')).toContain('Seth Center:Person');
  });
  it('finds a name followed by its role, and strips honorifics', () => {
    const found = names('Mina Park, Senior Researcher at the institute, agreed, said Dr Mina Park.');
    expect(found.filter((n) => n === 'Mina Park:Person').length).toBe(2);
  });
  it('does not take "foster" or "major" for people', () => {
    expect(names('The ministries will foster major cooperation.')).toEqual([]);
  });
});

describe('acronyms, appositions and possessives', () => {
  it('links an acronym defined in parentheses to its name everywhere', () => {
    const x = extractText('The Andean Safety Research Network (ASRN) met today. Later ASRN published its plan.');
    const e = entity(x, 'Andean Safety Research Network')!;
    expect(e.aliases).toContain('ASRN');
    expect(e.mentions.length).toBe(3);
  });
  it('qualifies a generic institute by its country', () => {
    const x = extractText("Japan's AI Safety Institute (J-AISI) met Germany's AI Safety Institute.");
    expect(entity(x, 'Japan AI Safety Institute')?.registryId).toBe('institute/japan-aisi');
    expect(entity(x, 'Germany AI Safety Institute')?.type).toBe('Institute');
  });
});
