// Constructions that recur across news about AI governance, each on sentences
// made up for the test (no sentence of a real article).
import { describe, expect, it } from 'vitest';
import { registry } from '../../src/registry/index.ts';
import type { DocumentExtraction } from '../../src/model/schemas.ts';
import { entity, extractText, facts } from './helpers.ts';

/** PARTNERED_WITH is symmetric: either direction states it. */
function partnered(x: DocumentExtraction, a: string, b: string): boolean {
  const f = facts(x);
  return f.includes(`${a} -PARTNERED_WITH-> ${b}`) || f.includes(`${b} -PARTNERED_WITH-> ${a}`);
}

describe('names beyond the registry', () => {
  it('national institutes written in lower case are qualified by their country', () => {
    const x = extractText("Officials said Japan's AI safety institute will open a second office next year.");
    expect(entity(x, 'Japan AI Safety Institute')?.type).toBe('Institute');
  });
  it('a plural with its countries names one institute per country, each based in its own', () => {
    const x = extractText('The AI safety institutes of Singapore and Canada will run joint tests.');
    expect(entity(x, 'Singapore AI Safety Institute')).toBeDefined();
    expect(entity(x, 'Canadian AI Safety Institute')).toBeDefined();
    expect(facts(x)).not.toContain('Singapore AI Safety Institute -BASED_IN-> Canada');
  });
  it('legislatures and parties are typed by their heads', () => {
    const x = extractText('The bill passed the House of Lords with support from the Green Party and the Scottish Parliament.');
    expect(entity(x, 'House of Lords')?.type).toBe('GovernmentBody');
    expect(entity(x, 'Green Party')?.type).toBe('Organization');
    expect(entity(x, 'Scottish Parliament')?.type).toBe('GovernmentBody');
  });
  it('cities of the world are places, but not a city named like an English word', () => {
    const x = extractText('Ministers met in Trento and later in Kigali to discuss testing.');
    expect(entity(x, 'Trento')?.type).toBe('Location');
    expect(entity(x, 'Kigali')?.type).toBe('Location');
    expect(
      registry()
        .lookup('Reading')
        .some((e) => e.type === 'Location'),
    ).toBe(false);
  });
  it('a possessive registry form splits into its owner and the thing owned', () => {
    const x = extractText("Analysts compared Anthropic's Responsible Scaling Policy with other frameworks.");
    expect(facts(x)).toContain('Anthropic -PUBLISHED-> Responsible Scaling Policy');
  });
  it('a title after an organization ends its name', () => {
    const x = extractText('University of Lagos Professor Adaeze Okafor led the study.');
    expect(entity(x, 'University of Lagos')).toBeDefined();
    expect(x.entities.some((e) => e.name.endsWith('Professor'))).toBe(false);
  });
});

describe('agreements described without a name', () => {
  it('a capitalized Memorandum of Understanding with a described counterpart', () => {
    const x = extractText('The Ministry of Digital Affairs has signed a Memorandum of Understanding (MoU) with AI start-up Cohere to test public services.');
    const mou = x.entities.find((e) => e.type === 'Agreement')!;
    expect(mou.name).toBe('Ministry of Digital Affairs–Cohere memorandum of understanding');
    expect(facts(x)).toEqual(expect.arrayContaining([`Cohere -SIGNED-> ${mou.name}`]));
    expect(partnered(x, 'Cohere', 'Ministry of Digital Affairs')).toBe(true);
  });
  it('an award makes both sides parties', () => {
    const x = extractText('The Ministry of Defence awarded a framework agreement to data company Palantir on Monday.');
    const agreement = x.entities.find((e) => e.type === 'Agreement')!;
    expect(agreement.aliases).toContain('framework agreement');
    expect(facts(x)).toEqual(expect.arrayContaining([`Palantir -SIGNED-> ${agreement.name}`, `Ministry of Defence -SIGNED-> ${agreement.name}`]));
  });
  it('a definite deal with nothing before it is introduced by its parties', () => {
    const x = extractText('The deal between Nvidia and the Saudi company Humain was announced on Tuesday.');
    expect(partnered(x, 'Humain', 'Nvidia')).toBe(true);
    expect(facts(x)).toContain('Humain -BASED_IN-> Saudi Arabia');
  });
  it('plural agreements with several counterparts are one agreement per pair', () => {
    const x = extractText('The Singapore AI Safety Institute reached agreements with Cohere and Mistral AI to evaluate models.');
    const names = x.entities
      .filter((e) => e.type === 'Agreement')
      .map((e) => e.name)
      .sort();
    expect(names).toEqual(['Singapore AI Safety Institute–Cohere agreement', 'Singapore AI Safety Institute–Mistral AI agreement']);
    expect(facts(x)).not.toContain('Cohere -SIGNED-> Singapore AI Safety Institute–Mistral AI agreement');
  });
  it('people who sign for their state make the state a party too, and the agreement is named after the states', () => {
    const x = extractText("The memorandum was signed on Friday by France's Digital Minister Clara Chappaz and India's IT Minister Ashwini Vaishnaw.");
    const f = facts(x);
    const mou = x.entities.find((e) => e.type === 'Agreement')?.name;
    expect(mou).toBe('France–India memorandum of understanding');
    expect(f).toEqual(expect.arrayContaining([`France -SIGNED-> ${mou}`, `Clara Chappaz -SIGNED-> ${mou}`]));
    expect(partnered(x, 'France', 'India')).toBe(true);
  });
  it('two sides signing plural MoUs with someone unnamed make no agreement between them', () => {
    const x = extractText('Cohere and Mistral AI sign MoUs on safety testing.');
    expect(partnered(x, 'Cohere', 'Mistral AI')).toBe(false);
  });
});

describe('enumerations and membership', () => {
  it('a bulleted list after an introduction applies the relation to every item', () => {
    const x = extractText('The Andean Safety Network was formed this year. Its founding members are:\n- Peru\n- Bolivia\n- Ecuador\n');
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'Peru -MEMBER_OF-> Andean Safety Network',
        'Bolivia -MEMBER_OF-> Andean Safety Network',
        'Ecuador -MEMBER_OF-> Andean Safety Network',
      ]),
    );
  });
  it('a signatories list that runs past the sentence naming the agreement', () => {
    const x = extractText('The Quito Accord on Model Testing was agreed in March. Signatories include:\n• Colombia\n• Chile\n');
    expect(facts(x)).toEqual(expect.arrayContaining(['Colombia -SIGNED-> Quito Accord on Model Testing', 'Chile -SIGNED-> Quito Accord on Model Testing']));
  });
  it('membership stated as being among the members', () => {
    const x = extractText('Brazil and India were among the G20 members that backed the text.');
    expect(facts(x)).toEqual(expect.arrayContaining(['Brazil -MEMBER_OF-> G20', 'India -MEMBER_OF-> G20']));
  });
  it('attendance by delegations and by leaders from a state', () => {
    const x = extractText('The Kenyan delegation at the AI Action Summit presented a plan. Leaders from Ghana and Chile gathered at the AI Action Summit.');
    expect(facts(x)).toEqual(
      expect.arrayContaining(['Kenya -ATTENDED-> AI Action Summit', 'Ghana -ATTENDED-> AI Action Summit', 'Chile -ATTENDED-> AI Action Summit']),
    );
  });
  it('attendance told by a participle, a speech, an envoy sent or a list of delegations', () => {
    const x = extractText(
      'Speaking at the Lusaka AI Summit, Kenyan President William Ruto called for shared testing. ' +
        'Ghana sent its deputy minister to the Lusaka AI Summit. ' +
        'Ursula von der Leyen told the Lusaka AI Summit that Europe would invest. ' +
        'The Lusaka AI Summit drew delegates from 40 countries, including Chile and Peru.',
    );
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'William Ruto -ATTENDED-> Lusaka AI Summit',
        'Ghana -ATTENDED-> Lusaka AI Summit',
        'Ursula von der Leyen -ATTENDED-> Lusaka AI Summit',
        'Chile -ATTENDED-> Lusaka AI Summit',
        'Peru -ATTENDED-> Lusaka AI Summit',
      ]),
    );
  });
  it('"the two-day meeting" and "the gathering" are the summit the text is about; "the meeting between" is not', () => {
    const x = extractText(
      'The Lusaka AI Summit opened on Monday. Leaders from Ghana and Chile attended the two-day meeting. ' +
        'Kenyan President William Ruto co-chaired the gathering.',
    );
    expect(facts(x)).toEqual(
      expect.arrayContaining(['Ghana -ATTENDED-> Lusaka AI Summit', 'Chile -ATTENDED-> Lusaka AI Summit', 'William Ruto -ATTENDED-> Lusaka AI Summit']),
    );
    const y = extractText('The Lusaka AI Summit opened on Monday. Peru attended the meeting between Chile and Bolivia.');
    expect(facts(y)).not.toContain('Peru -ATTENDED-> Lusaka AI Summit');
  });
  it("those who gather in the summit's city attended it; those who live there did not", () => {
    const x = extractText(
      'The Lusaka AI Summit was held in Lusaka on Monday. Leaders from Ghana and Chile gathered in Lusaka for two days. Officials from Peru live in Lusaka.',
    );
    expect(facts(x)).toEqual(expect.arrayContaining(['Ghana -ATTENDED-> Lusaka AI Summit', 'Chile -ATTENDED-> Lusaka AI Summit']));
    expect(facts(x)).not.toContain('Peru -ATTENDED-> Lusaka AI Summit');
  });
  it('attendance said without its summit is of the one summit named just before', () => {
    const lead = 'The Lusaka AI Summit opened on Monday. ';
    for (const said of ['Attendees included Ghana and Chile.', 'Ghana and Chile also attended.', 'Ghana and Chile sent delegations.']) {
      expect(facts(extractText(lead + said))).toEqual(expect.arrayContaining(['Ghana -ATTENDED-> Lusaka AI Summit', 'Chile -ATTENDED-> Lusaka AI Summit']));
    }
    expect(facts(extractText(`${lead}Ghana attended the launch of a chip plant.`))).not.toContain('Ghana -ATTENDED-> Lusaka AI Summit');
    expect(facts(extractText(`${lead}Ghana sent a letter to Chile.`))).not.toContain('Ghana -ATTENDED-> Lusaka AI Summit');
    const two = extractText('The Lusaka AI Summit and the Quito AI Summit were planned. Ghana and Chile also attended.');
    expect(two.relations.filter((r) => r.type === 'ATTENDED')).toEqual([]);
  });
  it('a speaker writing before a summit did not attend it', () => {
    const x = extractText('Writing before the Lusaka AI Summit, Cohere said it supported shared testing.');
    expect(facts(x)).not.toContain('Cohere -ATTENDED-> Lusaka AI Summit');
  });
  it('a summit in "City, Country" is held in the city and hosted by the country', () => {
    const x = extractText('The three-day Lusaka Digital Summit in Lusaka, Zambia, drew ministers from the region.');
    expect(facts(x)).toEqual(expect.arrayContaining(['Lusaka Digital Summit -HELD_IN-> Lusaka', 'Lusaka Digital Summit -HOSTED_BY-> Zambia']));
  });
});

describe('facts a name states and references back', () => {
  it('a body named after its country is based there; one named after the UN is part of it', () => {
    const x = extractText('Canada welcomed the work of the Canadian Institute for Robotics. The UN Scientific Advisory Board met at the United Nations.');
    expect(facts(x)).toEqual(
      expect.arrayContaining(['Canadian Institute for Robotics -BASED_IN-> Canada', 'UN Scientific Advisory Board -PART_OF-> United Nations']),
    );
  });
  it('"both countries" stands for the last two countries named', () => {
    const x = extractText('Ghana and Kenya met in Accra on Monday. Both countries signed a memorandum of understanding on AI testing.');
    expect(partnered(x, 'Ghana', 'Kenya')).toBe(true);
  });
  it('"the company" stands for the last company named', () => {
    const x = extractText('Officials met Cohere on Monday. The company signed a memorandum of understanding with the Ministry of Digital Affairs.');
    expect(partnered(x, 'Cohere', 'Ministry of Digital Affairs')).toBe(true);
  });
  it('"signed it" refers to the last agreement named', () => {
    const x = extractText('The Quito Accord on Model Testing opened for signature in May. Peru, Chile and the European Union signed it.');
    expect(facts(x)).toEqual(
      expect.arrayContaining(['Peru -SIGNED-> Quito Accord on Model Testing', 'European Union -SIGNED-> Quito Accord on Model Testing']),
    );
  });
  it('"The founding members comprise ..." are members of the network named before', () => {
    const x = extractText('Ministers launched the Andean Safety Network in Lima. The founding members comprise Peru, Bolivia and Ecuador.');
    expect(facts(x)).toEqual(expect.arrayContaining(['Peru -MEMBER_OF-> Andean Safety Network', 'Ecuador -MEMBER_OF-> Andean Safety Network']));
  });
  it('whoever acts at a summit attended it', () => {
    const x = extractText('Kenyan President William Ruto stressed inclusion at the AI Action Summit.');
    expect(facts(x)).toEqual(expect.arrayContaining(['William Ruto -ATTENDED-> AI Action Summit', 'Kenya -ATTENDED-> AI Action Summit']));
  });
  it('"G-7" is the G7', () => {
    const x = extractText('The G-7 ministers met in Turin.');
    expect(entity(x, 'G7')?.type).toBe('Organization');
  });
  it("an instrument carrying a summit's distinctive name was produced by it", () => {
    const x = extractText('Leaders met at the Lusaka AI Summit in March. The Lusaka Declaration on Trustworthy AI was welcomed by observers.');
    expect(facts(x)).toContain('Lusaka AI Summit -PRODUCED-> Lusaka Declaration on Trustworthy AI');
  });
  it('"located within" a body is part of it; taking part in a network is membership', () => {
    const x = extractText(
      'The Andean AI Safety Institute is located within the Ministry of Digital Affairs. It will take part in the International Network of AI Safety Institutes.',
    );
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'Andean AI Safety Institute -PART_OF-> Ministry of Digital Affairs',
        'Andean AI Safety Institute -MEMBER_OF-> International Network of AI Safety Institutes',
      ]),
    );
  });
  it('names with a plural possessive, a campus, a place head, a legal suffix or a "-led" tail', () => {
    const x = extractText(
      "Researchers at Seoul Women's University and the University of California, Berkeley met officials of Gyeonggi Province. " +
        'The Green Party-led coalition thanked Nvidia Corp for its support.',
    );
    expect(entity(x, "Seoul Women's University")?.type).toBe('Organization');
    expect(entity(x, 'University of California, Berkeley')).toBeDefined();
    expect(entity(x, 'Gyeonggi Province')?.type).toBe('Location');
    expect(entity(x, 'Green Party')).toBeDefined();
    expect(entity(x, 'Nvidia')?.aliases).toContain('Nvidia Corp');
  });
  it('a pledge joined by a list of companies written with their legal suffixes', () => {
    const x = extractText(
      'Regulators praised the scheme. Firms that have now joined this pledge include Cohere Inc., Mistral AI SA, Nvidia Corp. and Aleph Alpha.',
    );
    const pledge = x.entities.find((e) => e.type === 'Agreement')!;
    expect(pledge.aliases).toContain('pledge');
    for (const party of ['Cohere', 'Mistral AI', 'Nvidia', 'Aleph Alpha']) expect(facts(x)).toContain(`${party} -SIGNED-> ${pledge.name}`);
  });
});

describe('known summits described instead of named', () => {
  it('a series, a place and a relative year pick one summit', () => {
    const x = extractText("Delegates recalled commitments made at last year's G-7 summit in Japan.", '2024-03-01');
    expect(entity(x, 'G7 Hiroshima Summit')?.registryId).toBe('summit/g7-hiroshima-summit-2023');
  });
  it('a month and a city pick one summit where two were held in that city', () => {
    const x = extractText('The plan grew out of a May meeting in Seoul attended by ministers.', '2024-12-01');
    expect(entity(x, 'AI Seoul Summit')).toBeDefined();
    expect(entity(x, 'REAIM Summit 2024')).toBeUndefined();
  });
  it('"the first AI safety summit" is the series opener; a "prior" summit must lie before the article', () => {
    const x = extractText('Researchers have studied frontier risks since the first AI safety summit.', '2025-06-01');
    expect(entity(x, 'Bletchley Park AI Safety Summit')).toBeDefined();
    const before = extractText('Officials looked back on the prior summit in France.', '2024-06-01');
    expect(before.entities.some((e) => e.type === 'Summit')).toBe(false);
  });
  it('"a summit on AI opens in Paris" is the Paris summit, held in Paris; its name stops before the verb', () => {
    const x = extractText('The fund was announced as a two-day global summit on AI opens in Paris today.', '2025-02-10');
    const summit = entity(x, 'AI Action Summit');
    expect(summit?.aliases).toContain('two-day global summit on AI');
    expect(facts(x)).toContain('AI Action Summit -HELD_IN-> Paris');
  });
  it('a described meeting in two cities is held in both', () => {
    const x = extractText('The G-7 ministers spoke after a two-day meeting in Verona and Trento, Italy.', '2024-03-16');
    expect(facts(x)).toEqual(
      expect.arrayContaining([
        'G7 Industry, Technology and Digital Ministerial Meeting -HELD_IN-> Verona',
        'G7 Industry, Technology and Digital Ministerial Meeting -HELD_IN-> Trento',
      ]),
    );
  });
  it('a city must be the summit city, not another city of its country', () => {
    const x = extractText('Experts held their first gathering in San Francisco this week.', '2024-11-21');
    expect(x.entities.some((e) => e.name === 'Summit of the Future')).toBe(false);
  });
});

describe('instruments without a name', () => {
  it('the one awarded a contract is a party to it', () => {
    const x = extractText('Cohere was awarded a $40 million contract last year to build translation tools.', '2025-03-01');
    expect(facts(x)).toContain('Cohere -SIGNED-> Cohere contract');
  });
  it('a joint statement issued by several states is signed by each', () => {
    const x = extractText('Spain, Portugal and Greece issued a joint statement on AI testing on Monday.', '2025-03-05');
    const statement = x.entities.find((e) => e.type === 'Agreement');
    expect(statement?.aliases).toContain('joint statement');
    for (const c of ['Spain', 'Portugal', 'Greece']) expect(facts(x)).toContain(`${c} -SIGNED-> ${statement!.name}`);
  });
  it('a declaration adopted at a known summit is the declaration that summit produced', () => {
    const x = extractText('At the AI Seoul Summit, leaders from Germany and Italy adopted a joint declaration on safe AI.', '2024-06-01');
    expect(entity(x, 'Seoul Declaration for Safe, Innovative and Inclusive AI')?.registryId).toBe('agreement/seoul-declaration');
    expect(facts(x)).toContain('Germany -SIGNED-> Seoul Declaration for Safe, Innovative and Inclusive AI');
  });
});

describe('people and their offices, more shapes', () => {
  it('a surname ending in -ing is a name unless it is a verb form', () => {
    const x = extractText('Clara Doering said the tests were ready. Mary Shipping was not a name.');
    expect(entity(x, 'Clara Doering')?.type).toBe('Person');
    expect(entity(x, 'Mary Shipping')).toBeUndefined();
  });
  it('words glued by a lost line break make no surname', () => {
    const x = extractText('Reporting by Tom BakerEditing by Sue Lee');
    expect(x.entities.some((e) => e.name.includes('BakerEditing'))).toBe(false);
  });
  it("a stock ticker between a company and a title still makes the office the company's", () => {
    const x = extractText('Nvidia (NVDA.O) Chief Scientist Ruth Hansen spoke first.');
    expect(facts(x)).toContain('Ruth Hansen -WORKS_FOR-> Nvidia');
  });
  it('"Name, Role, Organization (ACRONYM)" in a signature line', () => {
    const x = extractText('Comments were filed.\n- Maria Lopez, Policy Director, Electronic Frontier Foundation (EFF)');
    expect(facts(x)).toContain('Maria Lopez -WORKS_FOR-> Electronic Frontier Foundation');
  });
});

describe('where summits were held and who hosted them', () => {
  it('a summit in a country, described or named, is hosted by that country', () => {
    const x = extractText('Leaders met at the first summit in the Netherlands. A later summit in Kenya drew fewer.', '2024-09-12');
    expect(facts(x)).toContain('REAIM Summit 2023 -HOSTED_BY-> Netherlands');
  });
  it("the countries of a bilateral dialogue's name do not host it", () => {
    const x = extractText('The Spain-Portugal Digital Dialogue met again on Tuesday.');
    expect(facts(x).some((f) => f.includes('HOSTED_BY'))).toBe(false);
  });
});

describe('names that run together', () => {
  it('"and the" joins two names, and so does "and" after a name that ends in a country', () => {
    const x = extractText('The route crosses the Arctic and the Pacific Ocean. The Labour Party of Norway and Green Alliance disagreed.');
    expect(entity(x, 'Pacific Ocean')?.type).toBe('Location');
    expect(entity(x, 'Labour Party of Norway')?.type).toBe('Organization');
    expect(x.entities.some((e) => /and the Pacific|Norway and/.test(e.name))).toBe(false);
  });
  it('a name\'s own "and" stays inside it', () => {
    const x = extractText('The Ministry of Science and ICT signed the plan.');
    expect(entity(x, 'Ministry of Science and ICT')?.type).toBe('GovernmentBody');
  });
  it('"AI Safety Institute of <country>" is that country\'s institute', () => {
    const x = extractText('The AI Safety Institute of Australia opened in Canberra.');
    expect(x.entities.find((e) => e.type === 'Institute')?.registryId).toBe('institute/australia-aisi');
  });
});

describe('states and provinces', () => {
  it("first-level regions from compromise's lexicon are places", () => {
    const x = extractText('Lawmakers in Colorado and Ontario studied the bill passed in Tamil Nadu.');
    for (const r of ['Colorado', 'Ontario', 'Tamil Nadu']) expect(entity(x, r)?.type).toBe('Location');
  });
});

describe('short forms inside one text', () => {
  it('a pattern name whose words run inside exactly one longer name of its type is that entity', () => {
    const x = extractText('The Nordic Council Framework Convention on Data Trusts was signed in May. The Framework Convention takes effect next year.');
    const conventions = x.entities.filter((e) => e.type === 'Agreement');
    expect(conventions).toHaveLength(1);
    expect(conventions[0]!.aliases).toContain('Framework Convention');
  });
  it('a short form two longer names share stays apart from both', () => {
    const x = extractText('The Andean Data Council and the Baltic Data Council met. The Data Council said little.');
    expect(x.entities.some((e) => e.name === 'Andean Data Council' && e.aliases.includes('Data Council'))).toBe(false);
  });
});

describe('members named after the group', () => {
  it('"participants ... in the consortium are A, B and C"', () => {
    const x = extractText('The Andes AI Consortium was launched. Notable participants from industry in the consortium are Adobe, Intel and Qualcomm.');
    for (const c of ['Adobe', 'Intel', 'Qualcomm']) expect(facts(x)).toContain(`${c} -MEMBER_OF-> Andes AI Consortium`);
  });
  it('"plus" coordinates the last member', () => {
    const x = extractText('The G20 groups Brazil, India and Japan plus the African Union.');
    expect(facts(x)).toContain('African Union -MEMBER_OF-> G20');
  });
});

describe('partners after a time phrase', () => {
  it('"Last year, A and B agreed to cooperate" makes them partners', () => {
    const x = extractText('Last year, Chile and Uruguay agreed to cooperate on model evaluations.');
    expect(partnered(x, 'Chile', 'Uruguay')).toBe(true);
  });
});

describe('who has agreements with whom', () => {
  it('"X, which ..., has agreements with A and B" is one agreement per pair, X a party to each', () => {
    const x = extractText('The Singapore AI Safety Institute, which reports to the ministry, has agreements with Cohere and Mistral AI to test models.');
    expect(partnered(x, 'Singapore AI Safety Institute', 'Cohere')).toBe(true);
    expect(partnered(x, 'Singapore AI Safety Institute', 'Mistral AI')).toBe(true);
    expect(partnered(x, 'Cohere', 'Mistral AI')).toBe(false);
  });
  it('a name inside a ", which ..., " clause is not the subject of the verb after it', () => {
    const x = extractText("The Singapore AI Safety Institute, which answers to Josephine Teo's ministry, has agreements with Cohere and Mistral AI.");
    expect(partnered(x, 'Singapore AI Safety Institute', 'Cohere')).toBe(true);
    expect(facts(x).filter((f) => f.startsWith('Josephine Teo -SIGNED->'))).toEqual([]);
    const y = extractText('The institute, which Cohere founded with Mistral AI, signed an agreement with Samsung.');
    expect(partnered(y, 'Mistral AI', 'Samsung')).toBe(false);
  });
  it('agreements with several parties and nobody named on the other side make no partners of them', () => {
    const x = extractText('New agreements were signed with Cohere and Mistral AI last week.');
    expect(partnered(x, 'Cohere', 'Mistral AI')).toBe(false);
  });
});

describe('partners and parents stated in passing', () => {
  it('"the X under the Ministry" is part of the ministry', () => {
    const x = extractText('The Korea AI Safety Institute under the Ministry of Science and ICT signed an agreement with Naver.');
    expect(facts(x)).toContain('Korea AI Safety Institute -PART_OF-> Ministry of Science and ICT');
  });
  it('who pledges funding to a body is its partner', () => {
    const x = extractText("Cohere and Mistral AI pledged new funding to the Canadian AI Safety Institute's research programme.");
    expect(partnered(x, 'Cohere', 'Canadian AI Safety Institute')).toBe(true);
    expect(partnered(x, 'Mistral AI', 'Canadian AI Safety Institute')).toBe(true);
  });
  it('"X said it is collaborating with Y": the pronoun is X', () => {
    const x = extractText('The Ministry of Science and ICT said it is collaborating with Singapore on model testing.');
    expect(partnered(x, 'Ministry of Science and ICT', 'Singapore')).toBe(true);
  });
  it('a currency written with a country code names no country', () => {
    const x = extractText('The fund raised US$400m and HK$2bn for safety research.');
    expect(entity(x, 'United States')).toBeUndefined();
  });
});

describe('known instruments described instead of named', () => {
  it('a paraphrase of a registry title, with a head noun of its kind, names the instrument', () => {
    const x = extractText('Regulators in Beijing released an interim regulation on managing generative AI services last summer.', '2024-02-01');
    expect(entity(x, 'Interim Measures for the Management of Generative Artificial Intelligence Services')?.aliases).toContain('interim regulation');
  });
  it('the bodies named in the sentence count, and a month picks between two resolutions', () => {
    const x = extractText(
      'In July the UN General Assembly passed a resolution to boost international cooperation on building capacity in artificial intelligence.',
      '2024-09-01',
    );
    expect(entity(x, 'UN General Assembly resolution on enhancing international cooperation on capacity-building of artificial intelligence')).toBeDefined();
    const december = extractText('The UN General Assembly adopted a resolution in December on safe and trustworthy artificial intelligence.', '2024-09-01');
    expect(december.entities.some((e) => e.registryId?.startsWith('agreement/unga-'))).toBe(false);
  });
  it('a law on something else, or an instrument adopted after the article, is not named', () => {
    const x = extractText('Parliament passed a law on the management of public services and generative art.', '2024-02-01');
    expect(x.entities.filter((e) => e.type === 'Policy')).toEqual([]);
    const early = extractText('Regulators released an interim regulation on the management of generative AI services.', '2022-01-01');
    expect(early.entities.filter((e) => e.type === 'Policy')).toEqual([]);
  });
});

describe('known office holders', () => {
  const text = 'Prime Minister Mark Carney opened the testing centre, which Canada will fund for five years.';
  it('a known holder given a title while in office works for the state the office belongs to', () => {
    const x = extractText(text, '2025-06-01');
    expect(x.relations.find((r) => r.type === 'WORKS_FOR')?.role).toBe('Prime Minister');
    expect(facts(x)).toContain('Mark Carney -WORKS_FOR-> Canada');
  });
  it('not before the term began, and not without a title in the text', () => {
    expect(facts(extractText(text, '2024-06-01'))).not.toContain('Mark Carney -WORKS_FOR-> Canada');
    expect(facts(extractText('Mark Carney opened the testing centre, which Canada will fund.', '2025-06-01'))).not.toContain('Mark Carney -WORKS_FOR-> Canada');
  });
});

describe('people and places by their shape', () => {
  it('a name that owns a known company is a person', () => {
    const x = extractText("Analysts said Jensen Huang's Nvidia would supply the chips.");
    expect(entity(x, 'Jensen Huang')?.type).toBe('Person');
  });
  it('a county or province before a verb of saying is a place, not a speaker', () => {
    const x = extractText('Officials in Kent County said the plan works.');
    expect(entity(x, 'Kent County')?.type).toBe('Location');
  });
});

describe('headlines in title case', () => {
  it("a headline's verb is no part of a name: what follows it keeps its type when it is more than a bare head", () => {
    const x = extractText('Ghana Adopts National AI Strategy\n\nThe cabinet met on Monday.');
    expect(x.entities.some((e) => /Adopts/.test(e.name))).toBe(false);
    const y = extractText('Kenya Signs Executive Order on Model Testing\n\nThe cabinet met on Monday.');
    expect(entity(y, 'Executive Order on Model Testing')?.type).toBe('Policy');
  });
});

describe('a state acting through its ministry', () => {
  it('a registry name written with the serial comma is the same body', () => {
    const x = extractText('The Department for Science, Innovation, and Technology (DSIT) opened a call.');
    expect(entity(x, 'Department for Science, Innovation and Technology')?.registryId).toBe('gov/uk-dsit');
    expect(x.entities.filter((e) => e.type === 'GovernmentBody')).toHaveLength(1);
  });
  it('"the UK government, through DSIT, has signed an MoU with X": both sign; the MoU is named after the ministry and X, who partner', () => {
    const x = extractText(
      'The UK government, through the Department for Science, Innovation and Technology, has signed a memorandum of understanding with Cohere.',
    );
    const mou = x.entities.find((e) => e.type === 'Agreement');
    expect(mou?.name).toBe('Department for Science, Innovation and Technology–Cohere memorandum of understanding');
    expect(facts(x)).toContain(`United Kingdom -SIGNED-> ${mou?.name}`);
    expect(partnered(x, 'Department for Science, Innovation and Technology', 'Cohere')).toBe(true);
  });
});

describe('instruments that build on others', () => {
  it('"is based on", "draws on", "in line with" between two instruments is BUILDS_ON', () => {
    const x = extractText('The Quito Accord on Model Testing is based on the Lima Declaration on Safe AI.');
    expect(facts(x)).toContain('Quito Accord on Model Testing -BUILDS_ON-> Lima Declaration on Safe AI');
    const y = extractText('The Quito Accord on Model Testing draws on the Lima Declaration on Safe AI.');
    expect(facts(y)).toContain('Quito Accord on Model Testing -BUILDS_ON-> Lima Declaration on Safe AI');
  });
});
