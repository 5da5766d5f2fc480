// Relations read from table rows, whether the cells kept their separators
// or were glued together by a copy from a web page.
import { registry } from '../registry/index.ts';
import { mentionsIn, type Ctx } from './doc-context.ts';
import type { MentionRef } from './entities.ts';
import { isGluedLine } from './recognize.ts';
import { allowed, type RelationDraft } from './relations.ts';
import type { Sentence } from './sentences.ts';

interface Table {
  /** The prose line just before the table (its heading or lead-in). */
  heading: string;
  header: Sentence;
  rows: Sentence[];
  /** Entities the text named before the table, most recent last. */
  before: string[];
}

function tables(ctx: Ctx): Table[] {
  const out: Table[] = [];
  let current: Table | null = null;
  let heading = '';
  const before: string[] = [];
  for (const s of ctx.sentences) {
    const isRow = isGluedLine(s.text) || /\t|\s\|\s/.test(s.text);
    if (!isRow) {
      current = null;
      heading = s.text;
      for (const m of mentionsIn(ctx, s)) before.push(m.key);
      continue;
    }
    if (!current) {
      current = { heading, header: s, rows: [], before: [...before] };
      out.push(current);
    } else current.rows.push(s);
  }
  return out;
}

/** The summit a timeline row names by its venue ("Seoul (South Korea) | May 2024"): a known summit held there then. */
function summitAt(ctx: Ctx, row: Sentence, first: MentionRef): string | undefined {
  const e = ctx.entities.get(first.key);
  if (e?.type === 'Summit') return e.key;
  if (e?.type !== 'Location') return undefined;
  const reg = registry();
  const city = e.registryId ? reg.byId.get(e.registryId) : undefined;
  const rowDates = row.text.match(/(?:19|20)\d{2}/g) ?? [];
  const known = reg.entries.filter((x) => x.type === 'Summit' && x.city && city && reg.lookup(x.city).some((c) => c.id === city.id));
  const pick = known.find((x) => rowDates.some((y) => x.date?.startsWith(y))) ?? (known.length === 1 ? known[0] : undefined);
  if (!pick) return undefined;
  if (!ctx.entities.has(pick.id)) {
    ctx.entities.set(pick.id, {
      key: pick.id,
      type: 'Summit',
      name: pick.name,
      registryId: pick.id,
      aliases: new Set(),
      date: pick.date ?? null,
      firstMention: first.start,
    });
  }
  // The venue cell is a mention of the summit, as the column says.
  ctx.mentions.push({ start: first.start, end: first.end, text: first.text, key: pick.id, anaphoric: true });
  return pick.id;
}

/**
 * Table rows (cells glued or separated):
 * - a party in the first cell with a country in the next is based there, with a policy in a later cell it published it;
 * - under a "signatories" heading, it signed the agreement the text named last;
 * - in a timeline of summits (a "Summit" column), each row's summit follows the previous one and produced what its row lists;
 * - in a table of members ("Country" first) after text about a network, each country is a member; a "Yes" under a
 *   meeting-attendance column means it attended that meeting.
 */
export function tableRows(ctx: Ctx): RelationDraft[] {
  const out: RelationDraft[] = [];
  const rel = (type: RelationDraft['type'], source: string, target: string, sentence: Sentence, confidence = 0.55) =>
    out.push({ type, source, target, sentence, confidence, role: null });
  for (const t of tables(ctx)) {
    const header = t.header.text;
    const lastAgreement = [...t.before].reverse().find((k) => ctx.entities.get(k)?.type === 'Agreement');
    const network = [...t.before].reverse().find((k) => {
      const e = ctx.entities.get(k);
      return e?.type === 'Organization' && /\b(?:network|alliance|partnership|coalition|group|forum)\b/i.test(e.name);
    });
    const signatories = /signator/i.test(t.heading) || /signator/i.test(header);
    // Headers may be glued too ("SummitDateKey Outcomes"): no word boundaries.
    const timeline = /^Summit/i.test(header) && /(?:Date|Outcome|Year)/.test(header);
    const members = /^(?:Country|Member|Jurisdiction|Nation)/i.test(header) && network;
    const attendance = /([A-Z][a-z]+ )?(?:Meeting|Summit|Convening) Attendance|Attend(?:ed|ance)/.exec(header);
    let previousSummit: string | undefined;
    for (const row of t.rows) {
      const ms = mentionsIn(ctx, row).filter((m) => !m.anaphoric);
      const first = ms[0];
      if (!first || first.start - row.start > 2) continue;
      const fe = ctx.entities.get(first.key)!;
      if (timeline) {
        const summit = summitAt(ctx, row, first);
        if (!summit) continue;
        if (fe.type === 'Location') rel('HELD_IN', summit, fe.key, row, 0.6);
        const host = ms[1] && ctx.entities.get(ms[1].key)?.type === 'Country' && ms[1].start - first.end <= 3 ? ms[1].key : undefined;
        if (host) rel('HOSTED_BY', summit, host, row, 0.6);
        const s = ctx.entities.get(summit)!;
        const p = previousSummit ? ctx.entities.get(previousSummit) : undefined;
        if (p?.date && s.date && s.date > p.date) rel('FOLLOWS', summit, p.key, row, 0.6);
        // Outcomes come before the signatories column ("28 countries + EU").
        const countCell = /\d+\+?\s+(?:countries|nations|signatories|companies|members)\b/.exec(row.text);
        const outcomesEnd = countCell ? row.start + countCell.index : row.end;
        for (const m of ms.slice(host ? 2 : 1).filter((x) => x.start < outcomesEnd)) {
          const e = ctx.entities.get(m.key)!;
          if (['Agreement', 'Policy', 'Organization'].includes(e.type)) rel('PRODUCED', summit, e.key, row);
          if (e.type === 'Institute' && /^\s*(?:established|launched|created|founded)/i.test(ctx.text.slice(m.end, m.end + 15)))
            rel('ESTABLISHED', summit, e.key, row);
        }
        previousSummit = summit;
        continue;
      }
      if (members && ['Country', 'Organization'].includes(fe.type) && fe.key !== network) {
        rel('MEMBER_OF', fe.key, network!, row);
        if (attendance && /Yes\b/.test(row.text.slice(first.end - row.start))) {
          const words = (attendance[1] ?? '').trim().toLowerCase();
          const meeting = [...ctx.entities.values()].find((e) => e.type === 'Summit' && words && e.name.toLowerCase().startsWith(`${words} meeting`));
          if (meeting) rel('ATTENDED', fe.key, meeting.key, row);
        }
        continue;
      }
      if (!['Company', 'Organization', 'Institute', 'GovernmentBody'].includes(fe.type)) continue;
      let i = 1;
      while (i < ms.length && ctx.entities.get(ms[i]!.key)?.type === 'Country' && ms[i]!.start - ms[i - 1]!.end <= 2) {
        rel('BASED_IN', fe.key, ms[i]!.key, row, 0.6);
        i++;
      }
      for (const m of ms.slice(1)) {
        const e = ctx.entities.get(m.key)!;
        if (e.type === 'Policy' && allowed('PUBLISHED', fe.type, 'Policy')) rel('PUBLISHED', fe.key, m.key, row);
      }
      if (signatories && lastAgreement) rel('SIGNED', fe.key, lastAgreement, row);
    }
  }
  return out;
}
