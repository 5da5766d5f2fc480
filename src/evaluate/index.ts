// Scores a graph against gold annotations (the format of the shared
// evaluation: one JSON file per document with entities and relations), per
// entity type and per relationship type, listing misses and false positives.
// Matching follows the gold conventions: a prediction matches a gold entity
// of the same document through any normalized name or alias; optional gold
// items count neither way; PARTNERED_WITH matches in either direction.
// Calibration: the relations in each band of confidence and how many of them
// the gold holds, so a threshold can be chosen from what it keeps.
import path from 'node:path';
import { z } from 'zod';
import type { Graph, GraphEntity } from '../model/schemas.ts';

export const GoldFile = z.object({
  doc: z.string(),
  publishedAt: z.string().nullish(),
  entities: z.array(
    z.object({
      key: z.string(),
      type: z.string(),
      name: z.string(),
      aliases: z.array(z.string()).default([]),
      date: z.string().nullish(),
      optional: z.boolean().default(false),
    }),
  ),
  relations: z.array(z.object({ s: z.string(), p: z.string(), o: z.string(), date: z.string().nullish(), optional: z.boolean().default(false) })).default([]),
});
export type GoldFile = z.infer<typeof GoldFile>;

export function goldNorm(s: string): string {
  return String(s ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/['\u2019\u2018`]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^the /, '')
    .trim();
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}
/** Relations whose confidence lies in [from, to): how many, how many right, and the same for all at or above `from`. */
export interface Band {
  from: number;
  to: number;
  tp: number;
  fp: number;
  precision: number;
  /** Every relation at or above `from`: what a graph keeping only those would hold. */
  atLeast: { tp: number; fp: number; precision: number; recall: number };
  /** The band's relations by relationship type: which rules it holds. */
  byType: Record<string, { tp: number; fp: number }>;
}

/** A relation scored in a document: its confidence there, whether the gold holds it, its type. */
export type Judged = [confidence: number, right: boolean, type: string];

export interface EvaluateOptions {
  /** The gold document a graph document is; by default the file name of its source. */
  docName?: (doc: Graph['documents'][number]) => string;
  /** Band edges for calibration, ascending. */
  bands?: number[];
}

export const DEFAULT_BANDS = [0, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 1.0001];

export interface EvalReport {
  entities: Counts & Scores;
  typedEntities: Counts & Scores;
  relations: Counts & Scores;
  dates: { right: number; total: number; accuracy: number };
  byEntityType: Record<string, Counts & Scores>;
  byRelationType: Record<string, Counts & Scores>;
  misses: string[];
  falsePositives: string[];
  dateErrors: string[];
  calibration: Band[];
}

export function scores(c: Counts): Counts & Scores {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

function bump(map: Record<string, Counts>, k: string, field: keyof Counts): void {
  (map[k] ??= { tp: 0, fp: 0, fn: 0 })[field]++;
}

export function evaluate(graph: Graph, golds: GoldFile[], options: EvaluateOptions = {}): EvalReport {
  const docName = new Map(graph.documents.map((d) => [d.id, options.docName ? options.docName(d) : path.basename(d.source)]));
  const docOf = (id: string) => docName.get(id) ?? path.basename(id);
  const byId = new Map(graph.entities.map((e) => [e.id, e]));
  const forms = (names: string[]) => names.map(goldNorm).filter(Boolean);
  const ent: Counts = { tp: 0, fp: 0, fn: 0 };
  let typedTp = 0;
  const rel: Counts = { tp: 0, fp: 0, fn: 0 };
  const dates = { right: 0, total: 0 };
  const byEntityType: Record<string, Counts> = {};
  const byRelationType: Record<string, Counts> = {};
  const misses: string[] = [];
  const falsePositives: string[] = [];
  const dateErrors: string[] = [];
  // Each relation scored in a document, with its confidence there: [confidence, right].
  const judged: Judged[] = [];

  for (const gold of golds) {
    const doc = gold.doc;
    const gByKey = new Map(gold.entities.map((g) => [g.key, g]));
    const formIndex = new Map<string, string[]>();
    for (const g of gold.entities) for (const f of forms([g.name, ...g.aliases])) formIndex.set(f, [...new Set([...(formIndex.get(f) ?? []), g.key])]);
    const candidates = (e: GraphEntity) => {
      const nameKeys = formIndex.get(goldNorm(e.name)) ?? [];
      const all = [...new Set(forms([e.name, ...e.aliases]).flatMap((f) => formIndex.get(f) ?? []))];
      return [...nameKeys.filter((k) => all.includes(k)), ...all.filter((k) => !nameKeys.includes(k))];
    };
    const preds = graph.entities.filter((e) => e.mentions.some((m) => docOf(m.doc) === doc));
    const match = new Map<string, string>();
    const taken = new Set<string>();
    for (const pass of [0, 1]) {
      for (const e of preds) {
        if (match.has(e.id)) continue;
        const c = candidates(e).filter((k) => !taken.has(k));
        const pick = pass === 0 ? c.find((k) => forms([gByKey.get(k)!.name, ...gByKey.get(k)!.aliases]).includes(goldNorm(e.name))) : c[0];
        if (pick) {
          match.set(e.id, pick);
          taken.add(pick);
        }
      }
    }
    for (const e of preds) {
      const k = match.get(e.id);
      if (k) {
        const g = gByKey.get(k)!;
        if (g.optional) continue;
        ent.tp++;
        bump(byEntityType, g.type, 'tp');
        if (g.type === e.type) typedTp++;
        else falsePositives.push(`${doc}: type ${e.name} is ${e.type}, gold ${g.type}`);
        if (g.date) {
          dates.total++;
          if ((e.date ?? '').startsWith(g.date)) dates.right++;
          else dateErrors.push(`${doc}: ${g.name} ${e.date ?? 'none'} (gold ${g.date})`);
        }
      } else {
        const c = candidates(e);
        if (c.length && c.every((key) => gByKey.get(key)!.optional)) continue;
        ent.fp++;
        bump(byEntityType, e.type, 'fp');
        falsePositives.push(`${doc}: entity ${e.name} [${e.type}]${c.length ? ` (again ${c[0]})` : ''}`);
      }
    }
    for (const g of gold.entities) {
      if (g.optional || taken.has(g.key)) continue;
      ent.fn++;
      bump(byEntityType, g.type, 'fn');
      misses.push(`${doc}: entity ${g.name} [${g.type}]`);
    }
    const keyOf = (id: string) => match.get(id) ?? (byId.get(id) ? candidates(byId.get(id)!)[0] : undefined);
    const relKey = (p: string, s: string, o: string) => (p === 'PARTNERED_WITH' && s > o ? `${p}|${o}|${s}` : `${p}|${s}|${o}`);
    const required = new Set(gold.relations.filter((r) => !r.optional).map((r) => relKey(r.p, r.s, r.o)));
    const optional = new Set(gold.relations.filter((r) => r.optional).map((r) => relKey(r.p, r.s, r.o)));
    const seen = new Set<string>();
    for (const r of graph.relations.filter((x) => x.evidence.some((ev) => docOf(ev.doc) === doc))) {
      const s = keyOf(r.source);
      const o = keyOf(r.target);
      const k = s && o ? relKey(r.type, s, o) : `${r.type}|?${r.source}|?${r.target}`;
      if (seen.has(k)) continue;
      seen.add(k);
      const confidence = Math.max(...r.evidence.filter((ev) => docOf(ev.doc) === doc).map((ev) => ev.confidence));
      if (required.has(k)) {
        rel.tp++;
        bump(byRelationType, r.type, 'tp');
        judged.push([confidence, true, r.type]);
      } else if (!optional.has(k)) {
        judged.push([confidence, false, r.type]);
        rel.fp++;
        bump(byRelationType, r.type, 'fp');
        falsePositives.push(`${doc}: ${byId.get(r.source)?.name} -${r.type}-> ${byId.get(r.target)?.name}`);
      }
    }
    for (const k of required) {
      if (seen.has(k)) continue;
      rel.fn++;
      const [p, s, o] = k.split('|');
      bump(byRelationType, p!, 'fn');
      misses.push(`${doc}: ${gByKey.get(s!)?.name ?? s} -${p}-> ${gByKey.get(o!)?.name ?? o}`);
    }
  }
  const typed = { tp: typedTp, fp: ent.fp + (ent.tp - typedTp), fn: ent.fn + (ent.tp - typedTp) };
  const table = (m: Record<string, Counts>) =>
    Object.fromEntries(
      Object.entries(m)
        .sort()
        .map(([k, v]) => [k, scores(v)]),
    );
  return {
    entities: scores(ent),
    typedEntities: scores(typed),
    relations: scores(rel),
    dates: { ...dates, accuracy: dates.total ? dates.right / dates.total : 0 },
    byEntityType: table(byEntityType),
    byRelationType: table(byRelationType),
    misses,
    falsePositives,
    dateErrors,
    calibration: calibrate(judged, rel.tp + rel.fn, options.bands ?? DEFAULT_BANDS),
  };
}

/** Precision per band of confidence, and of everything at or above each band's lower edge. */
export function calibrate(judged: Judged[], required: number, edges: number[]): Band[] {
  const out: Band[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, to] = [edges[i]!, edges[i + 1]!];
    const inBand = judged.filter(([c]) => c >= from && c < to);
    if (!inBand.length) continue;
    const above = judged.filter(([c]) => c >= from);
    const tp = inBand.filter(([, ok]) => ok).length;
    const atp = above.filter(([, ok]) => ok).length;
    const byType: Band['byType'] = {};
    for (const [, ok, type] of inBand) (byType[type] ??= { tp: 0, fp: 0 })[ok ? 'tp' : 'fp']++;
    out.push({
      from,
      to,
      tp,
      fp: inBand.length - tp,
      precision: tp / inBand.length,
      byType,
      atLeast: { tp: atp, fp: above.length - atp, precision: atp / above.length, recall: required ? atp / required : 0 },
    });
  }
  return out;
}

export function formatReport(r: EvalReport, opts: { details?: boolean } = {}): string {
  const f = (x: number) => x.toFixed(3);
  const row = (name: string, s: Counts & Scores) =>
    `${name.padEnd(16)} ${f(s.precision)}  ${f(s.recall)}  ${f(s.f1)}   ${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}`;
  const head = `${''.padEnd(16)} P      R      F1      tp   fp   fn`;
  const lines = [
    head,
    row('entities', r.entities),
    row('typed entities', r.typedEntities),
    row('relations', r.relations),
    `dates            ${r.dates.right}/${r.dates.total} (${f(r.dates.accuracy)})`,
    '',
    'by entity type',
    head,
    ...Object.entries(r.byEntityType).map(([k, v]) => row(k, v)),
    '',
    'by relationship type',
    head,
    ...Object.entries(r.byRelationType).map(([k, v]) => row(k, v)),
  ];
  if (r.calibration.length) {
    lines.push('', 'calibration: relations by confidence', `${'confidence'.padEnd(16)} P      right wrong   at or above: P      R      right wrong`);
    for (const b of r.calibration) {
      const band = `${b.from.toFixed(2)}-${Math.min(b.to, 1).toFixed(2)}`;
      lines.push(
        `${band.padEnd(16)} ${f(b.precision)}  ${String(b.tp).padStart(5)} ${String(b.fp).padStart(5)}                ${f(b.atLeast.precision)}  ${f(b.atLeast.recall)}  ${String(b.atLeast.tp).padStart(5)} ${String(b.atLeast.fp).padStart(5)}`,
      );
      if (opts.details !== false)
        lines.push(
          `  ${Object.entries(b.byType)
            .sort()
            .map(([t, c]) => `${t} ${c.tp}/${c.tp + c.fp}`)
            .join(', ')}`,
        );
    }
  }
  if (opts.details !== false) {
    lines.push('', `misses (${r.misses.length})`, ...r.misses.map((m) => `  ${m}`));
    lines.push('', `false positives (${r.falsePositives.length})`, ...r.falsePositives.map((m) => `  ${m}`));
    if (r.dateErrors.length) lines.push('', 'wrong dates', ...r.dateErrors.map((m) => `  ${m}`));
  }
  return lines.join('\n');
}
