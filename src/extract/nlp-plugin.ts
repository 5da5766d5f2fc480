// The project's compromise plugin: the domain's vocabulary, so compromise's
// tagger (used for first names and for the verbs of title-case headlines)
// doesn't read "Summit" or "Compact" as verbs, or "foster" and "major" as people.
import type nlp from 'compromise';
import { AGREEMENT_HEADS, ORG_HEADS, PERSON_TITLES, POLICY_HEADS, SUMMIT_HEADS } from './lexicon.ts';

type Plugin = Parameters<typeof nlp.plugin>[0];

const words: Record<string, string> = {
  foster: 'Verb',
  major: 'Adjective',
  frontier: 'Noun',
  safety: 'Noun',
  will: 'Modal',
  mark: 'Verb',
  grant: 'Noun',
};
for (const head of [...SUMMIT_HEADS, ...AGREEMENT_HEADS, ...POLICY_HEADS, ...ORG_HEADS]) words[head.toLowerCase()] ??= 'Singular';
for (const title of PERSON_TITLES) if (!title.includes(' ') && !title.includes('.')) words[title.toLowerCase()] ??= 'Actor';

export const nlpPlugin: Plugin = { words };
