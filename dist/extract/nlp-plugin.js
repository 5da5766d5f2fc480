import { AGREEMENT_HEADS, ORG_HEADS, PERSON_TITLES, POLICY_HEADS, SUMMIT_HEADS } from "./lexicon.js";
const words = {
    foster: 'Verb',
    major: 'Adjective',
    frontier: 'Noun',
    safety: 'Noun',
    will: 'Modal',
    mark: 'Verb',
    grant: 'Noun',
};
for (const head of [...SUMMIT_HEADS, ...AGREEMENT_HEADS, ...POLICY_HEADS, ...ORG_HEADS])
    words[head.toLowerCase()] ??= 'Singular';
for (const title of PERSON_TITLES)
    if (!title.includes(' ') && !title.includes('.'))
        words[title.toLowerCase()] ??= 'Actor';
export const nlpPlugin = { words };
//# sourceMappingURL=nlp-plugin.js.map