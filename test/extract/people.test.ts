// People and their offices: names in every region's order, the cues that
// vouch for them, and WORKS_FOR with its role. Sentences made up for the tests.
import { describe, expect, it } from 'vitest';
import { recognize } from '../../src/extract/recognize.ts';
import { entity, extractText } from './helpers.ts';

const people = (text: string) =>
  recognize(text)
    .filter((c) => c.type === 'Person')
    .map((c) => c.text);
const offices = (text: string, publishedAt: string | null = null) => {
  const x = extractText(text, publishedAt);
  const name = (k: string) => x.entities.find((e) => e.key === k)?.name ?? k;
  return x.relations.filter((r) => r.type === 'WORKS_FOR').map((r) => `${name(r.source)} -> ${name(r.target)} (${r.role})`);
};

describe('person names', () => {
  it('reads family names written first, with hyphenated or two-word given names', () => {
    expect(people('The board chose Park Ji-hoon to lead the review.')).toEqual(['Park Ji-hoon']);
    expect(people('The lab thanked Moon Tae Sik for the report.')).toEqual(['Moon Tae Sik']);
    expect(people('Officials met Zhang Wei and Xu Jinlong in the capital.')).toEqual(['Zhang Wei', 'Xu Jinlong']);
  });
  it('does not take a place or a common word after a family name for a person', () => {
    expect(people('The meeting was held at Bletchley Park Hall near the Song Dynasty Museum.')).toEqual([]);
  });
  it('links a family-first name to the family name alone later in the text', () => {
    const x = extractText('Kang Min-seo, a professor at the Alan Turing Institute, spoke first. Kang said the tests were ready.');
    const e = entity(x, 'Kang Min-seo')!;
    expect(e.type).toBe('Person');
    expect(e.mentions.map((m) => m.text)).toEqual(['Kang Min-seo', 'Kang']);
  });
  it('reads Arabic names with their particles and the honorific form the text repeats', () => {
    const x = extractText("Sheikh Hamad bin Rashid Al Mansouri, the UAE's minister of industry, opened the forum. Sheikh Hamad thanked the guests.");
    const e = x.entities.find((y) => y.type === 'Person')!;
    expect(e.name).toBe('Hamad bin Rashid Al Mansouri');
    expect(e.mentions.map((m) => m.text)).toContain('Sheikh Hamad');
  });
  it('takes a name vouched for by a verb of saying even with a first name no list knows', () => {
    expect(people('"We are ready," said Nkechi Adeyemi.')).toEqual(['Nkechi Adeyemi']);
    expect(people('Oyelaran Balogun told reporters the plan was sound.')).toEqual(['Oyelaran Balogun']);
  });
  it('does not take an organization that speaks for a person', () => {
    expect(people('Halcyon Futures said the grants would continue.')).toEqual([]);
  });
  it('takes a known first name with a surname no dictionary knows, not with a common noun', () => {
    expect(people('The panel included Martha Quillfeather and Robert Government.')).toEqual(['Martha Quillfeather']);
  });
  it('treats accented and unaccented spellings as one person', () => {
    const x = extractText('José Ibáñez opened the session. Later Jose Ibanez closed it.');
    expect(x.entities.filter((e) => e.type === 'Person').length).toBe(1);
  });
  it('reads names after lower-case role words and titles', () => {
    expect(people('Figures such as Cohere chief Ravi Menon and fund boss Lydia Kross attended.')).toEqual(['Ravi Menon', 'Lydia Kross']);
    expect(people('In a statement, spokesperson Dana Whitcombe declined to comment.')).toEqual(['Dana Whitcombe']);
  });
  it('reads initials written without points and a name after an office that lists its portfolio', () => {
    expect(people('Vice President KD Marlow and Secretary S Raghunathan spoke.')).toEqual(['KD Marlow', 'S Raghunathan']);
    expect(people("Ghana's Minister of Communications, Innovation and Digital Economy, Kwesi Boateng, opened it.")).toEqual(['Kwesi Boateng']);
  });
  it('leaves out a word before a first name, a title read as initials, and a head noun after a first name with no title', () => {
    expect(people('Composer Marcello Bianchi, director of the festival, spoke.')).toEqual(['Marcello Bianchi']);
    expect(people('Backbench MP Tobias Renfrew said the vote was close.')).toEqual(['Tobias Renfrew']);
    expect(people('Students from Clare College said the vote was close.')).toEqual([]);
  });
  it('keeps the title out of the body before it', () => {
    const found = recognize('The council is chaired by Alan Turing Institute Prof. Helen Marsh.').map((c) => `${c.text}:${c.type}`);
    expect(found).toEqual(['Alan Turing Institute:Organization', 'Helen Marsh:Person']);
  });
});

describe('WORKS_FOR with the role', () => {
  it('from a title that names the body or the country', () => {
    expect(offices('Cohere chief Ravi Menon met Anthropic CEO Lena Park.')).toEqual(
      expect.arrayContaining(['Ravi Menon -> Cohere (chief)', 'Lena Park -> Anthropic (CEO)']),
    );
    expect(offices('The pact was signed by British Digital Secretary Amelia Hartley.')).toEqual(['Amelia Hartley -> United Kingdom (Digital Secretary)']);
  });
  it('from an office that lists its portfolio, after the country that holds it', () => {
    expect(offices("Ghana's Minister of Communications, Innovation and Digital Economy, Kwesi Boateng, opened it.")).toEqual([
      'Kwesi Boateng -> Ghana (Minister of Communications, Innovation and Digital Economy)',
    ]);
  });
  it('from a country title, with the department the title names when the text names it', () => {
    const f = offices('U.S. Energy Secretary Marcus Bell visited Seoul. The U.S. Department of Energy will fund the work.');
    expect(f).toEqual(
      expect.arrayContaining(['Marcus Bell -> United States (Energy Secretary)', 'Marcus Bell -> U.S. Department of Energy (Energy Secretary)']),
    );
  });
  it('from appositions: "X, director of Y", "X, the Y\'s role", "X, Role, Y", "X, who heads Y"', () => {
    expect(offices('"It works," said Tomas Reyes, director of the Alan Turing Institute.')).toEqual(['Tomas Reyes -> Alan Turing Institute (director)']);
    expect(offices("Omar Haddad, the UAE's national security adviser, chairs the board.")).toEqual([
      'Omar Haddad -> United Arab Emirates (national security adviser)',
    ]);
    expect(offices('The remarks came from Ines Wolff, Senior Vice President, Hugging Face.')).toEqual(['Ines Wolff -> Hugging Face (Senior Vice President)']);
    expect(offices('Priya Raman, who heads the UK AI Security Institute, spoke.')).toEqual(['Priya Raman -> UK AI Security Institute (head)']);
  });
  it('from a copula, also after an apposition', () => {
    expect(offices('Priya Raman is head of evaluations at the UK AI Security Institute.')).toEqual([
      'Priya Raman -> UK AI Security Institute (head of evaluations)',
    ]);
    expect(offices("Omar Haddad, the UAE's national security adviser, serves as the chairman of G42.")).toEqual(
      expect.arrayContaining(['Omar Haddad -> G42 (chairman)']),
    );
  });
  it('from "its" before a title, a parenthesis after the name and "who was appointed"', () => {
    expect(offices('Anthropic released a report. Its chief executive, Dario Ruiz, said more.')).toEqual(['Dario Ruiz -> Anthropic (chief executive)']);
    expect(offices('The panel heard Lena Okafor (head of policy, Cohere) and Omar Sayed (Hugging Face).')).toEqual([
      'Lena Okafor -> Cohere (head of policy)',
      'Omar Sayed -> Hugging Face (null)',
    ]);
    expect(offices('Mara Lind, who was appointed director of the Alan Turing Institute in 2023, spoke.')).toEqual([
      'Mara Lind -> Alan Turing Institute (director)',
    ]);
  });
  it('"She"/"He" opening a sentence about the one person named before, with office verbs ("led the X team at Y")', () => {
    expect(
      offices(
        'The institute named Lena Okafor as its new chief. She previously led the evaluations team at Anthropic. She is also a fellow of the Alan Turing Institute.',
      ),
    ).toEqual(['Lena Okafor -> Anthropic (head of the evaluations team)', 'Lena Okafor -> Alan Turing Institute (fellow)']);
    // Two people before: the pronoun is nobody's.
    expect(offices('Lena Okafor met Omar Sayed. She is a fellow of the Alan Turing Institute.')).toEqual([]);
  });
  it('an office in an organization with none named with it belongs to the one organization of the sentence', () => {
    expect(offices('Researchers from Mila will help, with Executive Director Anneke Vos leading them.')).toEqual(['Anneke Vos -> Mila (Executive Director)']);
    // Not a word that names no office.
    expect(offices('Researchers from Mila will help, with billionaire Anneke Vos paying.')).toEqual([]);
  });
  it('an unqualified office of state belongs to the country the document is about', () => {
    const text =
      "Japan Moves on AI Safety\nPrime Minister Haruto Sato said the government would act soon. Japan will publish its guidelines in March, Japan's cabinet said.";
    expect(offices(text)).toEqual(['Haruto Sato -> Japan (Prime Minister)']);
  });
  it('no office of state for a country the sentence names for another reason', () => {
    expect(offices('The United States and China, Trade Secretary Amelia Hartley said, must talk.')).toEqual([]);
    expect(offices('Chancellor Erik Lund spoke in Norway and Sweden about the plan.')).toEqual([]);
  });
});
