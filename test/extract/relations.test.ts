import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entity, extractText, facts } from './helpers.ts';

describe('sentence patterns', () => {
  it('SIGNED from coordinated subjects, with the unnamed agreement named after its parties', () => {
    const x = extractText('Anthropic and the Canadian AI Safety Institute (CAISI) signed a memorandum of understanding on model testing.');
    const mou = x.entities.find((e) => e.type === 'Agreement')!;
    expect(mou.name).toBe('Anthropic–CAISI memorandum of understanding');
    expect(mou.aliases).toContain('memorandum of understanding');
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        `Anthropic -SIGNED-> ${mou.name}`,
        `Canadian AI Safety Institute -SIGNED-> ${mou.name}`,
        'Anthropic -PARTNERED_WITH-> Canadian AI Safety Institute',
      ]),
    );
  });
  it('an agreement nobody signed is not an entity', () => {
    const x = extractText('Experts hope for an agreement one day.');
    expect(x.entities.filter((e) => e.type === 'Agreement')).toEqual([]);
  });
  it('negated statements give no relation', () => {
    const x = extractText('China did not sign the Bletchley Declaration.');
    expect(facts(x)).toEqual([]);
  });
  it('HELD_IN and HOSTED_BY from explicit wording', () => {
    const x = extractText('Kenya hosted the Nairobi Digital Trust Summit, which was held in Nairobi in March 2026.');
    expect(facts(x)).toEqual(expect.arrayContaining(['Nairobi Digital Trust Summit -HOSTED_BY-> Kenya', 'Nairobi Digital Trust Summit -HELD_IN-> Nairobi']));
    expect(entity(x, 'Nairobi Digital Trust Summit')?.date).toBe('2026-03');
  });
  it('PRODUCED and ESTABLISHED from what a summit created', () => {
    const x = extractText('The Nairobi Digital Trust Summit produced the Nairobi Declaration and established the African AI Safety Network.');
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'Nairobi Digital Trust Summit -PRODUCED-> Nairobi Declaration',
        'Nairobi Digital Trust Summit -ESTABLISHED-> African AI Safety Network',
        'Nairobi Digital Trust Summit -PRODUCED-> African AI Safety Network',
      ]),
    );
  });
  it('PART_OF from "housed within" and BASED_IN from a possessive', () => {
    const x = extractText(
      "Brazil's Ministry of Science, Technology and Innovation met the Brazilian AI Safety Institute (housed within the National Data Agency) in Brazil.",
    );
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'Brazilian AI Safety Institute -PART_OF-> National Data Agency',
        'Ministry of Science, Technology and Innovation -BASED_IN-> Brazil',
        'Brazilian AI Safety Institute -BASED_IN-> Brazil',
      ]),
    );
  });
  it('MEMBER_OF from a coordination of countries', () => {
    const x = extractText('Canada, Kenya and Australia joined the International Network of AI Safety Institutes.');
    expect(facts(x)).toEqual([
      'Canada -MEMBER_OF-> International Network of AI Safety Institutes',
      'Kenya -MEMBER_OF-> International Network of AI Safety Institutes',
      'Australia -MEMBER_OF-> International Network of AI Safety Institutes',
    ]);
  });
  it('DEVELOPED and EVALUATED across a coordination of possessives', () => {
    const x = extractText("The UK AI Security Institute evaluated OpenAI's GPT-4 and Anthropic's Claude.");
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'OpenAI -DEVELOPED-> GPT-4',
        'Anthropic -DEVELOPED-> Claude',
        'UK AI Security Institute -EVALUATED-> GPT-4',
        'UK AI Security Institute -EVALUATED-> Claude',
      ]),
    );
  });
  it('WORKS_FOR from a title with an organization and from an office of state', () => {
    const x = extractText('Cohere CEO Aidan Gomez met President Lula da Silva of Brazil in Brasília.');
    expect(facts(x)).toEqual(expect.arrayContaining(['Aidan Gomez -WORKS_FOR-> Cohere']));
    expect(facts(extractText('Japanese Foreign Minister Takeshi Iwaya met Kenya.'))).toContain('Takeshi Iwaya -WORKS_FOR-> Japan');
    expect(facts(extractText('Prime Minister of India Narendra Modi spoke.'))).toContain('Narendra Modi -WORKS_FOR-> India');
    expect(facts(extractText('From the United States, representatives included Special Envoy Seth Center.'))).toContain(
      'Seth Center -WORKS_FOR-> United States',
    );
    // A country elsewhere in the sentence is not the office's.
    expect(
      facts(extractText('Chancellor Gordon Brown and Transport Secretary Alistair Darling promoted the news in Scotland and Ireland.')).filter((f) =>
        f.includes('WORKS_FOR'),
      ),
    ).toEqual([]);
  });
  it('BUILDS_ON through "the agreement" referring back', () => {
    const x = extractText('Japan and Singapore signed a partnership agreement on testing. The agreement builds on the Hiroshima AI Process.');
    expect(facts(x)).toContain('Japan–Singapore partnership agreement -BUILDS_ON-> G7 Hiroshima AI Process');
  });
  it('BASED_IN from demonyms before a company or in an apposition', () => {
    const x = extractText('Chinese firm DeepSeek met Mistral AI, a French startup, in China and France.');
    expect(facts(x)).toEqual(expect.arrayContaining(['DeepSeek -BASED_IN-> China', 'Mistral AI -BASED_IN-> France']));
  });
});

describe('tables and document-level rules', () => {
  it('reads BASED_IN and PUBLISHED from glued table rows, SIGNED under a signatories heading', () => {
    const x = extractText(
      [
        'Companies signed the Frontier AI Safety Commitments in May.',
        'Signatory companies',
        'CompanyRegionFramework',
        'CohereCanadaNone',
        'AnthropicUSRSP (2023)',
      ].join('\n'),
    );
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'Cohere -BASED_IN-> Canada',
        'Anthropic -BASED_IN-> United States',
        'Anthropic -PUBLISHED-> Responsible Scaling Policy',
        'Cohere -SIGNED-> Frontier AI Safety Commitments',
        'Anthropic -SIGNED-> Frontier AI Safety Commitments',
      ]),
    );
  });
  it('a summit named after its city was held there and hosted by the country named beside it', () => {
    const x = extractText('The Paris AI Action Summit in Paris (France) drew 60 countries.');
    expect(facts(x)).toEqual(expect.arrayContaining(['AI Action Summit -HELD_IN-> Paris', 'AI Action Summit -HOSTED_BY-> France']));
  });
  it('a later summit follows an earlier one named with a word of sequence', () => {
    const x = extractText('The AI Action Summit followed the AI Seoul Summit.');
    expect(facts(x)).toContain('AI Action Summit -FOLLOWS-> AI Seoul Summit');
  });
  it('a document that is an agreement is signed by the parties its leaders represent', () => {
    const x = extractText(
      [
        'Lisbon Statement on AI Safety Science',
        'World leaders representing Portugal, Spain and Brazil affirm the importance of cooperation, building on the Bletchley Declaration.',
      ].join('\n'),
    );
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'Portugal -SIGNED-> Lisbon Statement on AI Safety Science',
        'Spain -SIGNED-> Lisbon Statement on AI Safety Science',
        'Brazil -SIGNED-> Lisbon Statement on AI Safety Science',
        'Lisbon Statement on AI Safety Science -BUILDS_ON-> Bletchley Declaration',
      ]),
    );
  });
  it('every relation carries its evidence sentence with offsets into the text', () => {
    const text = 'Intro line.\nCanada joined the International Network of AI Safety Institutes.';
    const x = extractText(text);
    const r = x.relations[0]!;
    expect(r.evidence.sentence).toBe('Canada joined the International Network of AI Safety Institutes.');
    expect(x.document.text.slice(r.evidence.start, r.evidence.end)).toBe(r.evidence.sentence);
    expect(r.evidence.confidence).toBeGreaterThan(0);
  });
});

describe('a scraped article (JSON Lines) about other instruments', () => {
  it('finds the signatories of a convention, also through "the convention", and where it was signed', async () => {
    const { extractPaths } = await import('../../src/pipeline/index.ts');
    const run = await extractPaths([new URL('../fixtures/scraped.jsonl', import.meta.url).pathname]);
    const x = run.extractions.find((e) => e.document.url === 'https://example.org/news/coe-convention')!;
    expect(x.document.publishedAt).toBe('2024-09-05');
    const f = facts(x);
    const convention = 'Council of Europe Framework Convention on Artificial Intelligence and Human Rights, Democracy and the Rule of Law';
    for (const party of ['United States', 'United Kingdom', 'European Union', 'Norway', 'Israel']) expect(f).toContain(`${party} -SIGNED-> ${convention}`);
    expect(f).toContain(`${convention} -HELD_IN-> Vilnius`);
    expect(f).not.toContain(`Council of Europe -SIGNED-> ${convention}`);
    expect(f).toContain('Marija Pejčinović Burić -WORKS_FOR-> Council of Europe');
    expect(x.entities.some((e) => e.name.startsWith('Secretary General'))).toBe(false);
  });
});

describe('timeline and membership tables', () => {
  it('a summit timeline: venues name known summits, each follows the previous, rows list what it produced', () => {
    const x = extractText(
      [
        'The series of summits so far:',
        'Summit | Date | Key outcomes | Signatories',
        'Bletchley Park (UK) | Nov 2023 | Bletchley Declaration | 28 countries + EU',
        'Paris (France) | Feb 2025 | Current AI; Paris Statement | 58 countries',
      ].join('\n'),
    );
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'Bletchley Park AI Safety Summit -PRODUCED-> Bletchley Declaration',
        'Bletchley Park AI Safety Summit -HOSTED_BY-> United Kingdom',
        'AI Action Summit -FOLLOWS-> Bletchley Park AI Safety Summit',
        'AI Action Summit -HELD_IN-> Paris',
        'AI Action Summit -PRODUCED-> Current AI',
      ]),
    );
    expect(facts(x)).not.toContain('Bletchley Park AI Safety Summit -PRODUCED-> European Union');
  });
  it('a member table after text about a network: members, and "Yes" under a meeting-attendance column', () => {
    const x = extractText(
      [
        'Ministers launched the Andean Safety Research Network last year.',
        'Country | Status | Second Meeting Attendance',
        'Peru | Operational | Yes',
        'Chile | Planned | No',
        'The second meeting of the Andean Safety Research Network took place in Lima.',
      ].join('\n'),
    );
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'Peru -MEMBER_OF-> Andean Safety Research Network',
        'Chile -MEMBER_OF-> Andean Safety Research Network',
        'Peru -ATTENDED-> Second meeting of the Andean Safety Research Network',
        'Second meeting of the Andean Safety Research Network -HELD_IN-> Lima',
      ]),
    );
    expect(facts(x)).not.toContain('Chile -ATTENDED-> Second meeting of the Andean Safety Research Network');
  });
});

describe('a government press release', () => {
  const x = extractText(readFileSync(new URL('../fixtures/press-release.txt', import.meta.url), 'utf8'));
  it('reads the date line and coordinates a possessed name with a plain one', () => {
    expect(x.document.publishedAt).toBe('2025-02-09');
    expect(facts(x)).toContain('French AI Safety Institute -PARTNERED_WITH-> UK AI Security Institute');
    expect(facts(x)).toContain('French AI Safety Institute -BASED_IN-> France');
  });
  it('a passive "was created ... and is coordinated by" creates nothing', () => {
    expect(facts(x).filter((f) => f.includes('-ESTABLISHED->'))).toEqual([]);
  });
  it('an apposition with a possessive office: "Clara Chappaz, France\'s Minister for ..."', () => {
    expect(facts(x)).toContain('Clara Chappaz -WORKS_FOR-> France');
  });
});

describe('where an agreement was signed', () => {
  it('"signed a memorandum of understanding in Tokyo"', () => {
    const x = extractText('OpenAI and the Japan AI Safety Institute signed a memorandum of understanding in Tokyo.');
    expect(facts(x)).toContain('OpenAI–Japan AI Safety Institute memorandum of understanding -HELD_IN-> Tokyo');
  });
});

describe('an agency announcement', () => {
  const x = extractText(readFileSync(new URL('../fixtures/agency-announcement.txt', import.meta.url), 'utf8'));
  it('reads dotted country names as the registry names them', () => {
    expect(entity(x, 'U.K. AI Safety Institute')?.registryId).toBe('institute/uk-aisi');
  });
  it('a headline "X Signs Agreements ... With A and B" makes both partners of X', () => {
    expect(facts(x)).toEqual(expect.arrayContaining(['Anthropic -PARTNERED_WITH-> US AI Safety Institute', 'OpenAI -PARTNERED_WITH-> US AI Safety Institute']));
  });
  it('"the institute at the Department\'s NIST": the head of the phrase is the subject, the rest are its parents', () => {
    const f = facts(x);
    expect(f).toEqual(
      expect.arrayContaining([
        'US AI Safety Institute -PART_OF-> National Institute of Standards and Technology',
        'National Institute of Standards and Technology -PART_OF-> U.S. Department of Commerce',
      ]),
    );
    expect(f.filter((r) => r.includes('National Institute of Standards and Technology -PARTNERED_WITH'))).toEqual([]);
    expect(f).not.toContain('Anthropic -PARTNERED_WITH-> OpenAI');
  });
});

describe('a scraped HTML record', () => {
  it('"joined the network at its first meeting in San Francisco": the meeting is the network\'s, held there, attended', async () => {
    const { extractPaths } = await import('../../src/pipeline/index.ts');
    const run = await extractPaths([new URL('../fixtures/scraped-html.jsonl', import.meta.url).pathname]);
    const x = run.extractions[0]!;
    expect(x.document.publishedAt).toBe('2024-11-21');
    expect(x.document.text).not.toContain('Subscribe');
    const meeting = 'First meeting of the International Network of AI Safety Institutes';
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'Kenya -MEMBER_OF-> International Network of AI Safety Institutes',
        `${meeting} -HELD_IN-> San Francisco`,
        `Kenya -ATTENDED-> ${meeting}`,
      ]),
    );
    expect(entity(x, meeting)?.registryId).toBe('summit/aisi-network-first-meeting-2024');
  });
});

describe('news phrasings', () => {
  const f = (t: string) => facts(extractText(t, '2025-01-10'));
  it('"its AI Safety Institute" is the sentence\'s country\'s', () => {
    expect(f('Japan launched its AI Safety Institute in February 2024 under the Cabinet Office.')).toContain('Japan -ESTABLISHED-> Japan AI Safety Institute');
  });
  it('"the Paris declaration" with its head in lower case', () => {
    expect(f('More than 60 countries, including China and India, endorsed the Paris declaration.')).toContain(
      'India -SIGNED-> Statement on Inclusive and Sustainable Artificial Intelligence for People and the Planet',
    );
  });
  it('"X, based in London, signed ..." keeps X as the subject', () => {
    expect(f('Google DeepMind, based in London, signed the Frontier AI Safety Commitments.')).toEqual([
      'Google DeepMind -BASED_IN-> London',
      'Google DeepMind -SIGNED-> Frontier AI Safety Commitments',
    ]);
  });
  it('"a partnership on AI safety" is not the Partnership on AI', () => {
    expect(extractText('The UK and Canada announced a partnership on AI safety research.').entities.map((e) => e.name)).not.toContain('Partnership on AI');
  });
  it('"would work with" makes partners', () => {
    expect(f('The US AI Safety Institute would work with the UK AI Safety Institute.')).toContain(
      'UK AI Security Institute -PARTNERED_WITH-> US AI Safety Institute',
    );
  });
});

describe('members, co-hosts and outcomes in other words', () => {
  const f = (t: string) => facts(extractText(t, '2025-01-10'));
  it('"the network\'s members — A, B and C —" and "members of X include ..."', () => {
    expect(f("Ministers launched the International Network of AI Safety Institutes. The network's members — Australia, Canada and Kenya — met.")).toContain(
      'Kenya -MEMBER_OF-> International Network of AI Safety Institutes',
    );
    expect(f('Members of the International Network of AI Safety Institutes include Australia, Canada and Japan.')).toContain(
      'Japan -MEMBER_OF-> International Network of AI Safety Institutes',
    );
  });
  it('"co-chaired" hosts, and "adopted by ... at the summit" was produced there', () => {
    expect(f('In February 2025, France and India co-chaired the AI Action Summit in Paris.')).toContain('AI Action Summit -HOSTED_BY-> India');
    expect(f('The Seoul Declaration was adopted by 10 countries and the EU at the AI Seoul Summit.')).toContain(
      'AI Seoul Summit -PRODUCED-> Seoul Declaration for Safe, Innovative and Inclusive AI',
    );
  });
});
