// Known office holders (graph/offices/holders.json): "Prime Minister Keir Starmer" names no country, yet every reader
// knows whose prime minister he is. When the text gives a known holder a title while in office (by the article's
// date) and names the state or body the office belongs to, the holder works for it. A head of government without a
// title in the text ("Trump said") or outside the term ("former President Biden" in 2026) gets nothing. Pure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { registry } from '../registry/index.ts';
import { normalizeName } from '../resolve/normalize.ts';
import { type Ctx, sentenceOf } from './doc-context.ts';
import type { RelationDraft } from './relations.ts';

const Holder = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  role: z.string(),
  body: z.string(),
  from: z.string(),
  to: z.string().nullable(),
});
type Holder = z.infer<typeof Holder>;

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../graph/offices/holders.json');
let byName: Map<string, Holder[]> | undefined;
function holders(): Map<string, Holder[]> {
  if (!byName) {
    byName = new Map();
    for (const h of z.array(Holder).parse(JSON.parse(readFileSync(FILE, 'utf8')))) {
      for (const n of [h.name, ...h.aliases]) {
        const key = normalizeName(n);
        byName.set(key, [...(byName.get(key) ?? []), h]);
      }
    }
  }
  return byName;
}

/** A title just before the name ("Prime Minister Sir Keir Starmer") or in apposition after it (", the prime minister"). */
const TITLE = String.raw`(?:vice[ -])?(?:president|prime minister|premier|chancellor|minister|secretary|secretary-general|crown prince|commissioner|director|leader)`;
const TITLE_BEFORE = new RegExp(String.raw`\b${TITLE}\b[^.;\n]{0,40}$`, 'i');
const TITLE_AFTER = new RegExp(String.raw`^,?\s+(?:the\s+|who\s+is\s+|[\p{Lu}][\p{L}]+(?:['’]s)?\s+)?(?:[\p{L}-]+\s+){0,3}?${TITLE}\b`, 'iu');

export function knownOfficeHolders(ctx: Ctx, publishedAt: string | null): RelationDraft[] {
  const reg = registry();
  const out: RelationDraft[] = [];
  for (const e of ctx.entities.values()) {
    if (e.type !== 'Person') continue;
    const inOffice = [e.name, ...e.aliases]
      .flatMap((n) => holders().get(normalizeName(n)) ?? [])
      .filter((h) => !publishedAt || (h.from <= publishedAt && (!h.to || publishedAt < h.to)));
    for (const h of new Set(inOffice)) {
      const body = reg.lookup(h.body)[0];
      const target = body && [...ctx.entities.values()].find((x) => x.registryId === body.id);
      if (!target) continue;
      const titled = ctx.mentions.find(
        (m) =>
          m.key === e.key && (TITLE_BEFORE.test(ctx.text.slice(Math.max(0, m.start - 60), m.start)) || TITLE_AFTER.test(ctx.text.slice(m.end, m.end + 80))),
      );
      if (!titled) continue;
      out.push({
        type: 'WORKS_FOR',
        source: e.key,
        target: target.key,
        sentence: sentenceOf(ctx, titled.start),
        confidence: 0.7,
        role: h.role,
        method: 'registry',
      });
    }
  }
  return out;
}
