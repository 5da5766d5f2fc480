import { normalizeName } from "./normalize.js";
/** Words before a person's name that do not make a surname any more specific. */
const HONORIFICS = new Set([
    'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady',
]);
/** How many words of a person's name identify them (honorifics do not count). */
function personWords(normalized) {
    return normalized.split(' ').filter((w) => w && !HONORIFICS.has(w)).length;
}
/**
 * Whether the shared name `form` may merge the new entity into the resolved
 * one. Always when it is both entities' own name (the same name is the same
 * entity, as ids derived from names already say). Otherwise only when it is
 * one of them's own name, stands for no other entity, and is not a one-word
 * name of a person.
 */
export function mayMergeByAlias(m) {
    const entityOwn = normalizeName(m.entityName) === m.form;
    const clusterOwn = normalizeName(m.clusterName) === m.form;
    if (entityOwn && clusterOwn)
        return true;
    // Two entities with names of their own sharing only another name (the
    // "Orinoco Climate Council (OCC)" and the "Orinoco Compute Consortium
    // (OCC)"): nothing says they are one; spelling variants of one name are
    // the fuzzy match's to join.
    if (!entityOwn && !clusterOwn)
        return false;
    if (m.holders > 1)
        return false;
    if (m.type === 'Person' && personWords(m.form) < 2)
        return false;
    return true;
}
//# sourceMappingURL=alias-merge.js.map