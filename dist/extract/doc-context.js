export const PARTY_TYPES = new Set(['Institute', 'Company', 'GovernmentBody', 'Organization', 'Country', 'Person']);
export function mentionsIn(ctx, s) {
    return ctx.mentions.filter((m) => m.start >= s.start && m.end <= s.end);
}
export function firstSentenceWith(ctx, keys) {
    return ctx.sentences.find((s) => keys.every((k) => mentionsIn(ctx, s).some((m) => m.key === k)));
}
export function sentenceOf(ctx, pos) {
    return ctx.sentences.find((s) => pos >= s.start && pos < s.end) ?? ctx.sentences[0];
}
//# sourceMappingURL=doc-context.js.map