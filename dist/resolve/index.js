// Resolution: per-document entities in, one node per real-world thing out.
// Ids are stable across runs (registry id, else type + normalized name), so
// loading the same documents twice MERGEs onto the same nodes.
import { distance } from 'fastest-levenshtein';
import { Graph } from "../model/schemas.js";
import { registry } from "../registry/index.js";
import { GENERIC_AGREEMENT } from "../extract/recognize.js";
import { mayMergeByAlias } from "./alias-merge.js";
import { normalizeName } from "./normalize.js";
/**
 * Similarity (1 - edit distance / length) above which two names of the same
 * type are one entity. Measured with `node --import tsx bench/fuzzy-threshold.ts`
 * on every pair of multi-word names in the registry (465 pairs naming one
 * entity, 7,634 naming two of the same type): from 0.85 up no two different
 * entities merge once the qualifier and number guards apply, and below it
 * "Canadian AI Safety Institute" / "IndiaAI Safety Institute" (0.82) would.
 * Distinct bodies differing in one word ("US AI Safety Institute" / "UK AI
 * Safety Institute", 0.95) are kept apart by the qualifier guard, not by the
 * threshold. Edit distance only catches spelling variants; other names of
 * one thing come from the registry and from acronym and alias links.
 */
export const FUZZY_THRESHOLD = 0.88;
let qualifierIndex;
/** Whose a name says it is: every country name, alias and demonym in the registry, mapped to the country. */
const qualifierCache = new Map();
function qualifiers(name) {
    // Pure in the name; resolution asks again for every pair it compares.
    let cached = qualifierCache.get(name);
    if (!cached)
        qualifierCache.set(name, (cached = computeQualifiers(name)));
    return cached;
}
function computeQualifiers(name) {
    if (!qualifierIndex) {
        qualifierIndex = new Map([['eu', 'eu'], ['european', 'eu'], ['europe', 'eu']]);
        for (const c of registry().entries) {
            if (c.type !== 'Country')
                continue;
            for (const f of [c.name, ...c.aliases, ...c.demonyms])
                qualifierIndex.set(normalizeName(f), c.id);
        }
    }
    const words = normalizeName(name).split(' ');
    const out = new Set();
    for (let i = 0; i < words.length; i++) {
        for (let n = 4; n >= 1; n--) {
            const q = qualifierIndex.get(words.slice(i, i + n).join(' '));
            if (q) {
                out.add(q);
                i += n - 1;
                break;
            }
        }
    }
    return [...out];
}
const normalCache = new Map();
function normalized(s) {
    let n = normalCache.get(s);
    if (n === undefined)
        normalCache.set(s, (n = normalizeName(s)));
    return n;
}
/** Whether similar(a, b) can reach `min` at all: the edit distance is at least the length difference. */
function mayReach(a, b, min) {
    const x = normalized(a).length;
    const y = normalized(b).length;
    if (!x || !y)
        return false;
    return 1 - Math.abs(x - y) / Math.max(x, y) >= min;
}
export function similar(a, b) {
    const x = normalized(a);
    const y = normalized(b);
    if (!x || !y)
        return 0;
    return 1 - distance(x, y) / Math.max(x.length, y.length);
}
/** Two names that differ in whose they are (US vs UK institute) are never one thing. */
export function conflictingQualifiers(a, b) {
    const qa = qualifiers(a);
    const qb = qualifiers(b);
    if (qa.length > 0 && qb.length > 0 && !qa.some((q) => qb.includes(q)))
        return true;
    // Different years or versions are different things: REAIM Summit 2023 / 2024, GPT-4 / GPT-5.
    const na = normalizeName(a).match(/\d+/g) ?? [];
    const nb = normalizeName(b).match(/\d+/g) ?? [];
    return na.length > 0 && nb.length > 0 && na.join(' ') !== nb.join(' ');
}
function slug(s) {
    return normalizeName(s).replace(/ /g, '-').slice(0, 120) || 'unnamed';
}
function typePrefix(type) {
    return { GovernmentBody: 'gov', Organization: 'org', AIModel: 'model' }[type] ?? type.toLowerCase();
}
export function resolveGraph(extractions, known = []) {
    return resolveDocuments(extractions, known).graph;
}
/** resolveGraph, with the names each document contributed (DocumentForms). */
export function resolveDocuments(extractions, known = []) {
    const reg = registry();
    const clusters = new Map();
    const byForm = new Map();
    const index = (c, form) => {
        const f = normalizeName(form);
        if (!f)
            return;
        c.forms.add(f);
        const list = byForm.get(f) ?? [];
        if (!list.includes(c))
            list.push(c);
        byForm.set(f, list);
    };
    const newCluster = (id, type, name, aliases, date, fixedName) => {
        const c = { id, type, name, forms: new Set(), aliases: new Set(aliases), date, fixedName, mentions: [] };
        clusters.set(id, c);
        for (const f of [name, ...aliases])
            index(c, f);
        return c;
    };
    // An entity of the graph keeps its name; only a registry entity's date is
    // fixed (a later document refines the date of another, as it would in one
    // resolution of all the documents).
    for (const k of known)
        newCluster(k.id, k.type, k.name, k.aliases, k.date, reg.byId.has(k.id));
    const find = (e) => {
        if (e.registryId) {
            const existing = clusters.get(e.registryId);
            if (existing)
                return existing;
            const r = reg.byId.get(e.registryId);
            if (r)
                return newCluster(r.id, r.type, r.name, r.aliases, r.date ?? null, true);
        }
        // "the MoU", "agreements": a kind of instrument, not the name of one; two documents' MoUs are one only by their names.
        const forms = [e.name, ...e.aliases.filter((a) => !GENERIC_AGREEMENT.test(a))];
        for (const f of forms) {
            const form = normalizeName(f);
            const holders = (byForm.get(form) ?? []).filter((c) => c.type === e.type);
            const hit = holders.find((c) => !conflictingQualifiers(c.name, e.name)
                && mayMergeByAlias({ form, type: e.type, entityName: e.name, clusterName: c.name, holders: holders.length }));
            if (hit)
                return hit;
        }
        // A registry entry the recognizer did not tie to the mention ("AI Seoul Summit" typed by pattern).
        const r = reg.lookup(e.name).find((x) => x.type === e.type);
        if (r)
            return clusters.get(r.id) ?? newCluster(r.id, r.type, r.name, r.aliases, r.date ?? null, true);
        let best;
        let bestScore = FUZZY_THRESHOLD;
        for (const c of clusters.values()) {
            if (c.type !== e.type || !mayReach(c.name, e.name, bestScore) || conflictingQualifiers(c.name, e.name))
                continue;
            const score = similar(c.name, e.name);
            if (score >= bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best;
    };
    const idOf = new Map(); // `${doc}|${localKey}` -> cluster id
    const byDocument = new Map();
    for (const x of extractions) {
        const docForms = new Map();
        byDocument.set(x.document.id, docForms);
        for (const e of x.entities) {
            let c = find(e);
            if (!c) {
                let id = `${typePrefix(e.type)}/${slug(e.name)}`;
                while (clusters.has(id) && clusters.get(id).type !== e.type)
                    id += '-x';
                c = clusters.get(id) ?? newCluster(id, e.type, e.name, [], e.date, false);
            }
            let given = docForms.get(c.id);
            if (!given)
                docForms.set(c.id, (given = []));
            for (const f of [e.name, ...e.aliases]) {
                if (f !== c.name) {
                    c.aliases.add(f);
                    if (!given.includes(f))
                        given.push(f);
                }
                index(c, f);
            }
            // The most precise date wins when documents agree on its prefix; else the first seen.
            if (e.date && (!c.date || (e.date.startsWith(c.date) && e.date.length > c.date.length && !c.fixedName)))
                c.date = e.date;
            for (const m of e.mentions)
                c.mentions.push({ doc: x.document.id, start: m.start, end: m.end });
            idOf.set(`${x.document.id}|${e.key}`, c.id);
        }
    }
    const relations = new Map();
    for (const x of extractions) {
        for (const r of x.relations) {
            const s = idOf.get(`${x.document.id}|${r.source}`);
            const t = idOf.get(`${x.document.id}|${r.target}`);
            if (!s || !t || s === t)
                continue;
            const [a, b] = r.type === 'PARTNERED_WITH' && s > t ? [t, s] : [s, t];
            const key = `${r.type}|${a}|${b}`;
            let rel = relations.get(key);
            if (!rel) {
                rel = { type: r.type, source: a, target: b, date: r.date, role: r.role, confidence: 0, evidence: [] };
                relations.set(key, rel);
            }
            if (!rel.evidence.some((ev) => ev.doc === r.evidence.doc && ev.start === r.evidence.start))
                rel.evidence.push(r.evidence);
            rel.confidence = Math.max(rel.confidence, r.evidence.confidence);
            rel.date ??= r.date;
            rel.role ??= r.role;
        }
    }
    const used = [...clusters.values()].filter((c) => c.mentions.length > 0);
    const base = new Map();
    for (const c of used) {
        const r = reg.byId.get(c.id);
        if (r)
            base.set(c.id, r.aliases.filter((a) => a !== c.name));
    }
    const graph = Graph.parse({
        documents: extractions.map(({ document: d }) => ({
            id: d.id, source: d.source, url: d.url, title: d.title, publishedAt: d.publishedAt, contentHash: d.contentHash,
        })),
        entities: used.map((c) => ({
            id: c.id, type: c.type, name: c.name,
            aliases: [...c.aliases].filter((a) => a !== c.name).sort(),
            date: c.date, mentions: c.mentions,
        })),
        relations: [...relations.values()],
    });
    return { graph, forms: { byDocument, base } };
}
//# sourceMappingURL=index.js.map