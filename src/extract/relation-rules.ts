// The relation rules as data: per relationship type, the templates over a sentence's typed slots that state it,
// and which entity types each relationship joins. The matcher that reads them is relations.ts. A rule's cue words
// (verbs, nouns, prepositions, passive and nominalised forms) are alternations inside its template; the ones several
// rules share are named here (VERB_SIGN, ASIDE, DESC).
import type { EntityType, RelationType } from '../model/schemas.ts';
export const PARTY = 'Institute|Company|GovernmentBody|Organization|Country|Person';
export const CLASSES: Record<string, EntityType[]> = {
  party: ['Institute', 'Company', 'GovernmentBody', 'Organization', 'Country', 'Person'],
  place: ['Location', 'Country'],
  instrument: ['Agreement', 'Policy'],
  summit: ['Summit'],
  model: ['AIModel'],
};

export interface Rule {
  type: RelationType;
  /** Regex over the template: {s:Types} and {o:Types} capture the two ends; {_} a short gap with no mention; {__} any gap. */
  pattern: string;
  confidence: number;
  /** The capture that is the relationship's source; the other is its target. */
  reverse?: boolean;
  role?: string;
  counterpart?: boolean;
  /** The verb of saying is the fact itself ("X told the summit"), not a report of one. */
  speech?: boolean;
}

const VERB_SIGN = String.raw`(?:signed|signs|sign|signing|issued|issues|issuing|inked|inks|inking|reaching|reaches|striking|concluding|concluded|concludes|endorsed|endorses|adopted|adopts|formali[sz]ed|formali[sz]es|entered into|enters into|agreed to|agreed on|struck|strikes|reached|ratified|ratifies|joined|joins|committed to|signed on to|have signed|has signed|will sign)`;
/** A parenthetical after a name ("(MoU)", "(2024)"). */
const ASIDE = String.raw`(?:\s*\([^()⟦⟧]{0,40}\))?`;
/** A short lower-case description before a name: "with AI research company Anthropic". */
const DESC = String.raw`(?:[a-z][\w-]*\s+){0,5}?`;
export const RULES: Rule[] = [
  // SIGNED
  { type: 'SIGNED', pattern: String.raw`{s:${PARTY}}{_}{ACTIVE}\b${VERB_SIGN}\b{_}{o:Agreement}`, confidence: 0.85 },
  {
    type: 'SIGNED',
    pattern: String.raw`{o:Agreement}{_}\b(?:signed|endorsed|agreed|ratified|concluded|backed|joined|supported|approved)(?:\s+(?:on|in|last|this|at)\s+[\w,]+(?:\s+\d{1,2},?)?(?:\s+\d{4})?)?\s+(?:by|between)\s+(?:the\s+)?(?:leaders\s+of\s+|representatives\s+of\s+|governments\s+of\s+)?(?:\d+\s+(?:other\s+)?(?:countries|nations|states|governments|companies|firms)\s*,?\s*(?:and|as well as|plus|including)\s+(?:the\s+)?)?{s:${PARTY}}`,
    confidence: 0.85,
  },
  // "The UK government, through DSIT, has signed ...": the state acts through its department.
  {
    type: 'SIGNED',
    pattern: String.raw`{s:Country}(?:\s+government)?,\s+(?:through|via|acting through)\s+(?:the\s+|its\s+)?⟦\d+:GovernmentBody⟧[^⟦⟧]{0,20}?,\s+{ACTIVE}(?:has\s+|have\s+|had\s+)?${VERB_SIGN}\b{_}{o:Agreement}`,
    confidence: 0.75,
  },
  // "the 28 countries that signed the declaration, including A and B", "signatories to X such as A".
  {
    type: 'SIGNED',
    pattern: String.raw`\b(?:countries|nations|states|governments|companies|firms|signatories|parties)\s+(?:that|which|who)?\s*(?:have\s+|had\s+)?(?:now\s+|already\s+|since\s+|also\s+)?(?:signed|endorsed|joined|backed|adopted)\s+(?:the\s+|this\s+|that\s+|these\s+)?{o:Agreement}{_}\b(?:including|include|included|such as|like|among them|notably)\s+(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.8,
  },
  {
    type: 'SIGNED',
    pattern: String.raw`\bsignator(?:y|ies)\s+(?:to|of)\s+(?:the\s+)?{o:Agreement}{_}\b(?:including|include|included|such as|like|are|were)\s*:?\s+(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.8,
  },
  {
    type: 'SIGNED',
    pattern: String.raw`{s:${PARTY}}{_}{ACTIVE}\b(?:backed|backs|supported|supports|approved|approves|put (?:their|its) names? to|agreed to abide by|pledged to uphold|is party to|are parties to|became (?:a )?part(?:y|ies) to)\b{_}{o:Agreement}`,
    confidence: 0.75,
  },
  { type: 'SIGNED', pattern: String.raw`{o:Agreement}${ASIDE}\s+(?:between|among)\s+(?:the\s+)?${DESC}{s:${PARTY}}`, confidence: 0.75 },
  { type: 'SIGNED', pattern: String.raw`{o:Agreement}${ASIDE}\s+with\s+(?:the\s+)?${DESC}{s:${PARTY}}`, confidence: 0.75, counterpart: true },
  // "X awarded a framework agreement to Y": both sides of the award are parties to it.
  { type: 'SIGNED', pattern: String.raw`{s:${PARTY}}{_}{ACTIVE}\b(?:awarded|awards|granted|grants|gave|offered)\b{_}{o:Agreement}`, confidence: 0.75 },
  { type: 'SIGNED', pattern: String.raw`{o:Agreement}${ASIDE}\s+(?:to|for)\s+(?:the\s+)?${DESC}{s:${PARTY}}`, confidence: 0.7, counterpart: true },
  // "X, which sits under Y, has agreements with A and B": who has an agreement is a party to it.
  { type: 'SIGNED', pattern: String.raw`{s:${PARTY}}{_}\b(?:has|have|had|holds|hold)\s+(?:already\s+|also\s+|since\s+)?{o:Agreement}`, confidence: 0.7 },
  // "X was awarded a contract": the one awarded is a party, as much as the one awarding.
  {
    type: 'SIGNED',
    pattern: String.raw`{s:${PARTY}}{_}\b(?:was|were|has been|have been|had been|is|are)\s+(?:also\s+|recently\s+)?(?:awarded|granted|handed)\b{_}{o:Agreement}`,
    confidence: 0.75,
  },
  {
    type: 'SIGNED',
    pattern: String.raw`\b(?:signing|conclusion|signature)\s+of\s+(?:the\s+|an?\s+)?{o:Agreement}{_}\bby\s+(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.8,
  },
  { type: 'SIGNED', pattern: String.raw`{s:${PARTY}}{_}\bsignator(?:y|ies)\s+(?:to|of)\s+(?:the\s+)?{o:Agreement}`, confidence: 0.85 },
  { type: 'SIGNED', pattern: String.raw`{o:Agreement}{_}\bsignator(?:y|ies)\s+(?:include|included|are|were)\s+(?:the\s+)?{s:${PARTY}}`, confidence: 0.8 },
  // PARTNERED_WITH
  {
    type: 'PARTNERED_WITH',
    pattern: String.raw`{s:${PARTY}}{_}\b(?:partner(?:s|ed|ing)?|teamed up|teams up|team up|collaborat\w+|cooperat\w+|work(?:s|ed|ing)?(?:\s+(?:closely|together|jointly))?|signed \w+ (?:\w+ )?(?:agreement|MoU|memorandum|partnership)|(?:formal |new )?partnership)\s+with\s+(?:the\s+|its\s+)?{o:${PARTY}}`,
    confidence: 0.8,
  },
  // "A and B pledged new funding to C": who funds a body's work is its partner.
  {
    type: 'PARTNERED_WITH',
    pattern: String.raw`{s:${PARTY}}{_}{ACTIVE}\b(?:provide|provides|provided|providing|pledged|pledge|pledges|committed|commits|give|gives|gave|contributed|contributes)\b[^⟦⟧.;]{0,40}?\b(?:funding|grants?|financial support)\s+(?:to|for)\s+(?:the\s+)?(?:⟦\d+:Country⟧(?:\s+government)?['’]s\s+)?{o:Institute|Organization|GovernmentBody}`,
    confidence: 0.65,
  },
  // "DSIT and Anthropic, in collaboration with the AI Safety Institute, will ...": the subject works with the other.
  {
    type: 'PARTNERED_WITH',
    pattern: String.raw`{s:${PARTY}},?\s+(?:in (?:close )?(?:collaboration|cooperation|partnership|conjunction) with|together with|jointly with|alongside)\s+(?:the\s+|its\s+)?${DESC}{o:${PARTY}}`,
    confidence: 0.7,
  },
  {
    type: 'PARTNERED_WITH',
    pattern: String.raw`\b(?:partnership|collaboration|cooperation|alliance)\s+between\s+(?:the\s+)?{s:${PARTY}}\s+and\s+(?:the\s+)?{o:${PARTY}}`,
    confidence: 0.8,
  },
  {
    type: 'PARTNERED_WITH',
    pattern: String.raw`{s:${PARTY}}{_}\b(?:partnerships?|agreements?|MoUs?)\s+with\s+(?:the\s+)?{o:Country|Institute|Company|Organization|GovernmentBody}`,
    confidence: 0.65,
  },
  {
    type: 'PARTNERED_WITH',
    pattern: String.raw`{s:${PARTY}}\s+(?:signs?|signed|announced|announces|reached|reaches|concluded|concludes|struck|strikes)\s+(?:\w+\s+){0,2}?(?:agreements?|MoUs?|memorand\w+|partnerships?|deals?)\b[^⟦⟧.;]{0,80}?\bwith\s+(?:both\s+)?(?:the\s+)?{o:${PARTY}}`,
    confidence: 0.7,
  },
  // HELD_IN, HOSTED_BY
  {
    type: 'HELD_IN',
    pattern: String.raw`{s:Summit|Agreement}{_}\b(?:held|hosted|took place|taking place|takes place|take place|convened|convenes|signed|occurred|occurring|happened|scheduled|opened|opens|kicked off|kicks off|began|begins|underway)\b[^⟦⟧]{0,40}?\b(?:in|at)\s+(?:the\s+)?{o:Location|Country}`,
    confidence: 0.85,
  },
  { type: 'HELD_IN', pattern: String.raw`{s:Summit}\s+(?:in|at)\s+{o:Location}`, confidence: 0.8 },
  {
    type: 'HELD_IN',
    pattern: String.raw`\b(?:signed|adopted|concluded|formali[sz]ed)\s+(?:the\s+|an?\s+)?{s:Agreement}[^⟦⟧]{0,40}?\bin\s+{o:Location}`,
    confidence: 0.7,
  },
  { type: 'HELD_IN', pattern: String.raw`{s:Summit}\s*\(\s*{o:Location}`, confidence: 0.6 },
  {
    type: 'HOSTED_BY',
    pattern: String.raw`{o:Country|Organization}{_}\b(?:hosted|hosts|will host|is hosting|to host|co-hosted|co-hosts|co-host|chaired|co-chaired|co-chair|co-chairs|organi[sz]ed|co-organi[sz]ed|convened)\b{_}{s:Summit}`,
    confidence: 0.85,
  },
  {
    type: 'HOSTED_BY',
    pattern: String.raw`{s:Summit}{_}\b(?:hosted|co-hosted|organi[sz]ed|convened)\s+by\s+(?:the\s+)?{o:Country|Organization}`,
    confidence: 0.85,
  },
  // "the summit in Seoul, South Korea": the country of the city it was held in.
  { type: 'HOSTED_BY', pattern: String.raw`{s:Summit}{_}\b(?:in|at)\s+⟦\d+:Location⟧,\s+{o:Country}`, confidence: 0.75 },
  // "the first summit in the Netherlands": a summit in a country is hosted by it (the city, when named, is where it was held).
  { type: 'HOSTED_BY', pattern: String.raw`{s:Summit}\s+(?:(?:was\s+|is\s+|will be\s+)?held\s+)?in\s+(?:the\s+)?{o:Country}(?!['’])`, confidence: 0.7 },
  // ATTENDED
  {
    type: 'ATTENDED',
    pattern: String.raw`{s:${PARTY}}{_}\b(?:attended|attend|attends|participated in|participate in|took part in|take part in|joined|were represented at|was represented at|gathered (?:at|in|for)|met at|convened at|chaired|co-chaired|co-chairs|chairs|presided over|headlined|opened|closed)\s+(?:the\s+)?{o:Summit}`,
    confidence: 0.8,
  },
  {
    type: 'ATTENDED',
    pattern: String.raw`\b(?:gathered|meeting|met|convened|assembled)\s+(?:at|in|for)\s+(?:the\s+)?{o:Summit}[^]{0,600}?\b(?:representing|from|of)\s+(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.7,
  },
  {
    type: 'ATTENDED',
    pattern: String.raw`\b(?:attendees|participants|delegates|delegations|representatives|officials)\s+(?:at|of|to|in)\s+(?:the\s+)?{o:Summit}\s+(?:were|included|include|came from)\s+[^⟦⟧]{0,40}?{s:${PARTY}}`,
    confidence: 0.75,
  },
  // "the UK delegation at the summit", "ministers from A and B at the summit": a group named for its state was there.
  {
    type: 'ATTENDED',
    pattern: String.raw`{s:${PARTY}}\s+(?:delegation|delegates|delegations|leaders?|officials|ministers|representatives|negotiators|team)\b{_}\b(?:at|to|in|for)\s+(?:the\s+)?{o:Summit}`,
    confidence: 0.75,
  },
  {
    type: 'ATTENDED',
    pattern: String.raw`\b(?:leaders|officials|delegates|delegations|ministers|representatives|heads of state|participants)\s+(?:from|of)\s+(?:the\s+)?{s:${PARTY}}{_}\b(?:at|to|in|attended|attend)\s+(?:the\s+)?{o:Summit}`,
    confidence: 0.75,
  },
  {
    type: 'ATTENDED',
    pattern: String.raw`{o:Summit}{_}\bwhere\s+(?:world\s+)?(?:leaders|officials|delegates|delegations|ministers|representatives|heads of state)\s+(?:from|of)\s+(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.75,
  },
  {
    type: 'ATTENDED',
    pattern: String.raw`{o:Summit}{_}\b(?:(?:was\s+)?attended by|brought together|brings together|bringing together|gathered|gathering|drew|drawing|welcomed|convened|convening|hosted delegations from|saw delegations from)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:from\s+|of\s+)?(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.7,
  },
  {
    type: 'ATTENDED',
    pattern: String.raw`^\W*(?:At|During|On the sidelines of)\s+(?:the\s+)?{o:Summit}(?:\s+in\s+⟦\d+:(?:Location|Country)⟧)?\s*,\s*(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.7,
  },
  // "X emphasised trust at the summit": whoever does something at a summit was there.
  {
    type: 'ATTENDED',
    pattern: String.raw`^(?:[^⟦⟧]{0,30})?{s:Person|Country}{_}{ACTIVE}\b[a-z]+(?:ed|s)\b[^.;⟦⟧]{0,80}?\b(?:at|during|on the sidelines of)\s+(?:the\s+|this\s+|its\s+)?{o:Summit}`,
    confidence: 0.65,
  },
  // "Kenya joined the network at its first meeting": who acts at a summit was there.
  {
    type: 'ATTENDED',
    pattern: String.raw`{s:${PARTY}}{_}{ACTIVE}\b(?:signed|joined|endorsed|announced|launched|unveiled|presented|spoke|speaking|agreed|pledged|committed|addressed|told delegates|delivered|represented|met)\b[^.;]{0,80}?\b(?:at|during)\s+(?:the\s+|its\s+|their\s+)?{o:Summit}`,
    confidence: 0.6,
  },
  // "Speaking at the summit, X warned ...": the participle's subject is the clause's.
  {
    type: 'ATTENDED',
    pattern: String.raw`^\W*(?:Speaking|Addressing|Talking|Appearing|Presenting)\s+(?:at|to|during|on the sidelines of)?\s*(?:the\s+)?{o:Summit}[^⟦⟧.;]{0,40}?,\s*[^⟦⟧.;,]{0,40}?{s:${PARTY}}`,
    confidence: 0.7,
  },
  // "X told the summit", "X addressed delegates at the summit".
  {
    type: 'ATTENDED',
    pattern: String.raw`{s:${PARTY}}{_}{ACTIVE}\b(?:told|addressed|warned|urged|assured|reminded)\s+(?:the\s+)?(?:(?:delegates|participants|leaders|audience|attendees|crowd)\s+(?:at|of)\s+(?:the\s+)?)?{o:Summit}`,
    confidence: 0.7,
    speech: true,
  },
  // "X sent its vice minister to the summit".
  {
    type: 'ATTENDED',
    pattern: String.raw`{s:Country|GovernmentBody|Organization|Company|Institute}{_}{ACTIVE}\b(?:sent|sends|dispatched|will send|is sending|was sending)\b[^⟦⟧.;]{0,50}?\bto\s+(?:the\s+|this\s+)?{o:Summit}`,
    confidence: 0.7,
  },
  // "the summit drew delegates from 100 countries, including A and B".
  {
    type: 'ATTENDED',
    pattern: String.raw`{o:Summit}{_}\b(?:(?:was\s+)?attended by|brought together|brings together|drew|draws|welcomed|gathered|convened|hosted)\b[^⟦⟧.;]{0,60}?\b(?:including|such as|among them|notably)\s+(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.7,
  },
  // PRODUCED, ESTABLISHED
  {
    type: 'PRODUCED',
    pattern: String.raw`{s:Summit}{_}{ACTIVE}\b(?:produced|yielded|resulted in|adopted|launched|unveiled|delivered|issued|agreed|formali[sz]ed|established|created|saw the (?:launch|adoption|signing) of|led to|gave rise to)\b{_}{o:Agreement|Policy|Organization}`,
    confidence: 0.8,
  },
  {
    type: 'PRODUCED',
    pattern: String.raw`{o:Agreement|Policy|Organization}{_}\b(?:adopted|agreed|signed|launched|announced|issued|unveiled|endorsed|released|established|created|agreed upon|outlined|presented|drawn up|negotiated)\b[^.;]{0,60}?\b(?:at|during|in)\s+(?:the\s+|this\s+|that\s+)?{s:Summit}`,
    confidence: 0.75,
  },
  { type: 'PRODUCED', pattern: String.raw`{o:Agreement|Policy},\s+(?:the\s+)?{s:Summit}`, confidence: 0.6 },
  // "the summit held in May, where leaders ... adopted a joint declaration".
  {
    type: 'PRODUCED',
    pattern: String.raw`{s:Summit}[^⟦⟧.;]{0,60}?,?\s+(?:where|at which|during which)\b[^.;]{0,120}?\b(?:adopted|signed|endorsed|agreed (?:on|to)|issued|launched|unveiled)\s+(?:the\s+|a\s+|an\s+)?{o:Agreement|Policy|Organization}`,
    confidence: 0.7,
  },
  {
    type: 'PRODUCED',
    pattern: String.raw`{s:Summit}{_}\b(?:outcomes?|results?|deliverables?)\b[^⟦⟧]{0,30}?\b(?:include|included|were|was|are|is)\b\s*(?:the\s+)?{o:Agreement|Policy|Organization}`,
    confidence: 0.7,
  },
  {
    type: 'ESTABLISHED',
    pattern: String.raw`{s:Country|GovernmentBody|Summit|Agreement|Person|Organization|Institute}{_}{ACTIVE}\b(?:establish|established|establishes|create|created|creates|set up|sets up|found|founded|founds|launch|launched|launches|form|formed|forms|formali[sz]ed|inaugurated|stood up)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?{o:Institute|Organization}`,
    confidence: 0.8,
  },
  {
    type: 'ESTABLISHED',
    pattern: String.raw`{o:Institute|Organization}{_}\b(?:was|were|has been|had been)?\s*(?:established|created|set up|founded|launched|formed|formali[sz]ed)\s+(?:by|under|at|during|through|following)\s+(?:the\s+)?{s:Country|GovernmentBody|Summit|Agreement|Person}`,
    confidence: 0.75,
  },
  {
    type: 'ESTABLISHED',
    pattern: String.raw`\b(?:establishment|creation|launch|founding) of (?:the\s+)?{o:Institute|Organization}{_}\b(?:at|during|by|under|through)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?{s:Summit|Agreement|Country|GovernmentBody}`,
    confidence: 0.7,
  },
  // FOLLOWS, BUILDS_ON
  {
    type: 'FOLLOWS',
    pattern: String.raw`{s:Summit}{_}\b(?:follows|followed|following(?: on from| up on)?|succeeded|successor to|after|builds on|built on|building on)\s+(?:the\s+|on from the\s+)?(?:[\w-]+\s+){0,2}?{o:Summit}`,
    confidence: 0.75,
  },
  {
    type: 'BUILDS_ON',
    pattern: String.raw`{s:Agreement|Policy}{_}\b(?:builds?|built|building)\s+(?:on|upon)\s+(?:the\s+)?(?:momentum\s+(?:from|of|generated by)\s+(?:the\s+)?|an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?{o:Agreement|Policy|Summit}`,
    confidence: 0.8,
  },
  {
    type: 'BUILDS_ON',
    pattern: String.raw`{s:Agreement|Policy}{_}\b(?:follows|extends|expands on|expands upon|complements|implements|succeeds|replaces|updates|(?:is\s+|are\s+|was\s+|were\s+)?(?:based|modell?ed|grounded|built)\s+on|draws on|drew on|in line with)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}?{o:Agreement|Policy}`,
    confidence: 0.7,
  },
  // PART_OF, MEMBER_OF, BASED_IN
  // "the Center under the Department of Commerce": a body under a ministry is part of it.
  { type: 'PART_OF', pattern: String.raw`{s:Institute|GovernmentBody}\s+(?:at|within|under)\s+(?:the\s+)?{o:GovernmentBody}`, confidence: 0.6 },
  {
    type: 'PART_OF',
    pattern: String.raw`{s:Institute|GovernmentBody|Organization}\s*\(\s*(?:housed|based|located|sitting|placed)?\s*(?:within|under|in|inside|at|part of)\s+(?:the\s+)?{o:GovernmentBody|Organization|Institute}`,
    confidence: 0.8,
  },
  {
    type: 'PART_OF',
    pattern: String.raw`{s:Institute|GovernmentBody|Organization}{_}\b(?:operates|operating|housed|sits|sitting|placed|(?:located|situated|based|nested|embedded)(?=\s+(?:within|inside|under))|is part of|part of|a unit of|an arm of|a division of|a department of|an agency of|reports to)\s*(?:under|within|in|inside)?\s+(?:the\s+)?(?:⟦\d+:Country⟧['’]s\s+)?{o:GovernmentBody|Organization|Institute}`,
    confidence: 0.8,
  },
  {
    type: 'MEMBER_OF',
    pattern: String.raw`{s:${PARTY}}{_}\b(?:joined|joins|is a member of|are members of|became a member of|becomes a member of|member of|members of)\s+(?:the\s+)?{o:Organization}`,
    confidence: 0.8,
  },
  // "A and B were among the U.N. members", "X is a founding member of Y", "are initial members of the network".
  {
    type: 'MEMBER_OF',
    pattern: String.raw`{s:${PARTY}}\s+(?:were|was|are|is|became|become|as)\s+(?:among\s+)?(?:the\s+|an?\s+)?{o:Organization}(?:['’]s)?\s+(?:\d+\s+)?(?:founding\s+|initial\s+|new\s+|full\s+)?(?:members|member states|member countries|member nations|member companies)\b`,
    confidence: 0.8,
  },
  {
    type: 'MEMBER_OF',
    pattern: String.raw`{s:${PARTY}}{_}\b(?:were|was|are|is|became|become|as)\s+(?:among\s+)?(?:the\s+|an?\s+)?(?:founding|initial|new|full|first|permanent)\s+members?\s+of\s+(?:the\s+)?{o:Organization}`,
    confidence: 0.8,
  },
  {
    type: 'MEMBER_OF',
    pattern: String.raw`{o:Organization}(?:['’]s?)?,?\s+(?:which|that|whose members)?\s*(?:includes|included|include|comprises|comprised|comprise|brings together|brought together|unites|united|is made up of|consists of|gathers|groups)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:such as\s+|like\s+)?{s:${PARTY}}`,
    confidence: 0.7,
  },
  // "G7 member Japan", "the G20 countries (A, B and C)", "fellow G7 members A and B".
  {
    type: 'MEMBER_OF',
    pattern: String.raw`{o:Organization}\s+(?:member|members|member states?|member countries|member nations|countries|nations|economies|partners)\s*(?:[(:—–,]\s*|\s+(?:such as|like|including|namely)\s+)?(?:the\s+)?{s:Country|Organization|Institute}`,
    confidence: 0.7,
  },
  {
    type: 'MEMBER_OF',
    pattern: String.raw`{s:${PARTY}},\s+(?:a|an|one of the|both|all|the)\s+(?:[\w-]+\s+){0,2}?members?\s+of\s+(?:the\s+)?{o:Organization}`,
    confidence: 0.75,
  },
  // "It will take part in the international network": taking part in an organization (not an event) is membership.
  { type: 'MEMBER_OF', pattern: String.raw`{s:${PARTY}}{_}\b(?:take|takes|took|taking)\s+part\s+in\s+(?:the\s+)?{o:Organization}`, confidence: 0.7 },
  {
    type: 'MEMBER_OF',
    pattern: String.raw`\b(?:members|member countries|member states|participants|member companies|member organi[sz]ations)\b[^⟦⟧.;]{0,60}?\b(?:of|in|to)\s+(?:the\s+)?{o:Organization}\s+(?:include|included|includes|are|were|comprise|comprised)\s*:?\s+(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.8,
  },
  {
    type: 'MEMBER_OF',
    pattern: String.raw`{o:Organization}(?:['’]s?)?\s+(?:founding\s+|initial\s+|current\s+|new\s+)?(?:members|member countries|member states|member nations)\s*(?:[—–:(]|\s(?:include|includes|included|are|were|comprise))\s*(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.8,
  },
  {
    type: 'MEMBER_OF',
    pattern: String.raw`{o:Organization}{_}\b(?:(?:members|member countries|member states)\s+(?:include|included|including|are|were|such as|like)|comprising|comprises|consists of|made up of)\s+(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.7,
  },
  {
    type: 'BASED_IN',
    pattern: String.raw`{s:Institute|GovernmentBody|Company|Organization},?\s+(?:(?:which|that) is\s+)?(?:based|headquartered|located)\s+in\s+(?:the\s+)?{o:Country|Location}`,
    confidence: 0.85,
  },
  { type: 'BASED_IN', pattern: String.raw`{s:GovernmentBody|Institute}\s+(?:from|of)\s+(?:the\s+)?{o:Country}`, confidence: 0.75 },
  { type: 'BASED_IN', pattern: String.raw`^(?:From|In)\s+(?:the\s+)?{o:Country},{__}{s:GovernmentBody|Institute}`, confidence: 0.65 },
  {
    type: 'BASED_IN',
    pattern: String.raw`{o:Country}{__}\b(?:home to|headquarters of|home of)\s+(?:the\s+)?(?:companies\s+(?:like|such as)\s+)?{s:Company|Organization|Institute}`,
    confidence: 0.75,
  },
  // WORKS_FOR: offices.ts reads titles, appositions and copulas around a person's name.
  // EVALUATED, DEVELOPED, PUBLISHED
  {
    type: 'EVALUATED',
    pattern: String.raw`{s:Institute|Organization}{__}\b(?:evaluat\w+|test\w*|assess\w*|red-team\w*|audit\w*)\b{__}{o:AIModel}`,
    confidence: 0.7,
  },
  {
    type: 'DEVELOPED',
    pattern: String.raw`{o:AIModel}{_}\b(?:developed|built|made|created|released|trained|launched)\s+by\s+(?:the\s+)?{s:Company}`,
    confidence: 0.85,
  },
  {
    type: 'DEVELOPED',
    pattern: String.raw`{s:Company}{_}{ACTIVE}\b(?:developed|develops|released|releases|launched|launches|unveiled|unveils|introduced|introduces|trained|built)\b{_}{o:AIModel}`,
    confidence: 0.8,
  },
  {
    type: 'PUBLISHED',
    pattern: String.raw`{s:${PARTY}}{_}{ACTIVE}\b(?:published|publishes|released|releases|issued|issues|introduced|introduces|unveiled|unveils|adopted|adopts|enacted|enacts|passed|passes|announced|announces|updated|updates)\b{_}{o:Policy}`,
    confidence: 0.8,
  },
  {
    type: 'PUBLISHED',
    pattern: String.raw`{o:Policy}{_}\b(?:published|released|issued|introduced|adopted|enacted|passed|developed|produced)?\s*by\s+(?:the\s+)?{s:${PARTY}}`,
    confidence: 0.7,
  },
];

export const ALLOWED: Partial<Record<RelationType, [EntityType[], EntityType[]]>> = {
  SIGNED: [CLASSES.party!, ['Agreement']],
  // People don't partner in this graph; their organizations do.
  PARTNERED_WITH: [CLASSES.party!.filter((t) => t !== 'Person'), CLASSES.party!.filter((t) => t !== 'Person')],
  HELD_IN: [
    ['Summit', 'Agreement'],
    ['Location', 'Country'],
  ],
  HOSTED_BY: [['Summit'], ['Country', 'Organization']],
  ATTENDED: [CLASSES.party!, ['Summit']],
  PRODUCED: [['Summit'], ['Agreement', 'Policy', 'Organization']],
  FOLLOWS: [['Summit'], ['Summit']],
  BUILDS_ON: [
    ['Agreement', 'Policy'],
    ['Agreement', 'Policy', 'Summit'],
  ],
  ESTABLISHED: [
    ['Country', 'GovernmentBody', 'Summit', 'Agreement', 'Person', 'Organization', 'Institute'],
    ['Institute', 'Organization'],
  ],
  PART_OF: [
    ['Institute', 'GovernmentBody', 'Organization'],
    ['Institute', 'GovernmentBody', 'Organization'],
  ],
  MEMBER_OF: [CLASSES.party!, ['Organization']],
  BASED_IN: [
    ['Institute', 'Company', 'GovernmentBody', 'Organization'],
    ['Country', 'Location'],
  ],
  WORKS_FOR: [['Person'], ['Institute', 'Company', 'GovernmentBody', 'Organization', 'Country']],
  EVALUATED: [['Institute', 'Organization'], ['AIModel']],
  DEVELOPED: [['Company'], ['AIModel']],
  PUBLISHED: [CLASSES.party!, ['Policy']],
};
