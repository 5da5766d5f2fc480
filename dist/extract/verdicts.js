export const noVerdicts = () => ({ verbs: [], commonNouns: [] });
export const verdictCount = (v) => v.verbs.length + v.commonNouns.length;
//# sourceMappingURL=verdicts.js.map