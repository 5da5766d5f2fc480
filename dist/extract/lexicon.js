/** Capitalized words that start sentences or headings but never start a name. */
export const NON_NAME_WORDS = new Set(('a an the this that these those its their his her our your my we they it he she you i in on at for by with from to and or but as after ' +
    'before during under among both each every some many several other such while when where since although though however meanwhile ' +
    'also then prior following building looking unlike like why what how which who whose according despite through if once only even ' +
    'notably additionally furthermore moreover today yesterday tomorrow here there all any no not new key about into over within without ' +
    'between across against toward towards via per upon onto off out up down near around beyond behind beside besides than so yet nor ' +
    'january february march april may june july august september october november december monday tuesday wednesday thursday friday ' +
    'saturday sunday jan feb mar apr jun jul aug sep sept oct nov dec is are was were be been has have had will would can could should ' +
    'must might shall do does did see read more click share subscribe follow sign log skip home menu search contents table overview ' +
    'background summary conclusion introduction section chapter part page quality importance status structure words type ' +
    'established launched signed announced created formed founded adopted approved published released unveiled opened hosted held ' +
    'ahead amid amidst despite inside outside beyond alongside throughout toward towards behind exclusive breaking update live watch ' +
    'analysis opinion explainer interview report reports says said representatives members officials leaders experts ' +
    'establishment creation implementation section title subtitle article chapter amendment amendments').split(' '));
export const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'on', 'the', 'de', 'du', 'des', 'la', 'le', 'toward', 'towards', '&', "d'"]);
export const SUMMIT_HEADS = new Set(['Summit', 'Dialogue', 'Conference', 'Convening', 'Meeting', 'Session', 'Symposium', 'Roundtable', 'Talks', 'Ministerial']);
export const AGREEMENT_HEADS = new Set([
    'Declaration', 'Statement', 'Commitments', 'Commitment', 'Accord', 'Accords', 'Agreement', 'Memorandum', 'Pact', 'Compact',
    'Charter', 'Convention', 'Treaty', 'Principles', 'Communiqué', 'Communique', 'Consensus', 'Partnership', 'MoU', 'MOU',
]);
export const POLICY_HEADS = new Set([
    'Act', 'Bill', 'Law', 'Regulation', 'Regulations', 'Framework', 'Policy', 'Strategy', 'Plan', 'Order', 'Guidelines', 'Guidance',
    'Standard', 'Standards', 'Report', 'Index', 'Process', 'Programme', 'Program', 'Roadmap', 'Blueprint', 'Directive', 'Code', 'Measures', 'Rules',
]);
export const ORG_HEADS = new Set([
    'Network', 'Alliance', 'Coalition', 'Council', 'Foundation', 'Association', 'Society', 'Center', 'Centre', 'Institute', 'Institution',
    'University', 'Laboratory', 'Initiative', 'Consortium', 'Committee', 'Organisation', 'Organization', 'Union', 'Forum', 'Endowment',
    'Board', 'Fund', 'Group', 'Panel', 'Taskforce', 'Task Force', 'Academy', 'Observatory', 'Hub', 'Secretariat', 'Federation',
    'Party', 'Body', 'Bank', 'College', 'School', 'Lab', 'Laboratories', 'Trust', 'Collective', 'Club', 'Caucus',
]);
export const GOVERNMENT_FIRST_WORDS = new Set(['Ministry', 'Department', 'Office', 'Agency', 'Bureau', 'Administration', 'Cabinet', 'Secretariat', 'Directorate', 'House', 'Chamber']);
/** Heads of state bodies: executive ("Ministry"), legislative ("Parliament", "Diet") and regulatory ("Commission"). */
export const GOVERNMENT_HEADS = new Set(['Ministry', 'Agency', 'Administration', 'Authority', 'Directorate', 'Department', 'Regulator',
    'Parliament', 'Congress', 'Senate', 'Diet', 'Assembly', 'Commission', 'Service', 'Office', 'Cabinet', 'Court', 'Command']);
export const COMPANY_SUFFIXES = new Set(['Inc', 'Inc.', 'Corp', 'Corp.', 'Corporation', 'Ltd', 'Ltd.', 'LLC', 'PLC', 'plc', 'GmbH', 'AG', 'SA', 'Co.', 'Technologies', 'Labs']);
/** Titles that introduce a person's name; the role they give is kept on WORKS_FOR. */
export const PERSON_TITLES = [
    'President', 'Vice President', 'Prime Minister', 'Deputy Prime Minister', 'Minister', 'Vice Minister', 'Deputy Minister', 'Secretary',
    'Secretary of State', 'Secretary-General', 'Secretary General', 'Under Secretary', 'Envoy', 'Special Envoy', 'Ambassador', 'Chancellor',
    'Premier', 'King', 'Queen', 'Senator', 'Representative', 'Governor', 'Mayor', 'Commissioner', 'Chair', 'Chairman', 'Chairwoman',
    'Chairperson', 'CEO', 'Chief Executive', 'Chief Executive Officer', 'CTO', 'Chief Scientist', 'Founder', 'Co-founder', 'Cofounder',
    'Director', 'Director-General', 'Director General', 'Executive Director', 'Head', 'Professor', 'Prof.', 'Dr.', 'Dr', 'Spokesperson',
    'Spokesman', 'Spokeswoman', 'Researcher', 'Senior Researcher', 'Scientist', 'Advisor', 'Adviser', 'Lead', 'Officer', 'Administrator',
];
export const POLITICAL_TITLES = /\b(President|Prime Minister|Premier|Chancellor|Minister|Secretary|Envoy|Ambassador|King|Queen|Senator|Governor|Mayor)\b/;
export const PARTY_TYPES = ['Institute', 'Company', 'GovernmentBody', 'Organization', 'Country', 'Person'];
//# sourceMappingURL=lexicon.js.map