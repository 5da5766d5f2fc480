// The project's compromise plugin: words of this domain that compromise's
// default lexicon gets wrong ("foster" and "major" are not people).
import type nlp from 'compromise';

type Plugin = Parameters<typeof nlp.plugin>[0];

export const nlpPlugin: Plugin = {
  words: {
    foster: 'Verb',
    major: 'Adjective',
    frontier: 'Noun',
    safety: 'Noun',
    summit: 'Noun',
    center: 'Noun',
    will: 'Modal',
    mark: 'Verb',
    grant: 'Noun',
  },
};
