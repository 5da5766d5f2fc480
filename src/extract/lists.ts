// Lists laid out as blocks: a line that introduces them ("The signatories are:",
// "Members include the following:") and the items on the lines after it, one
// name each. The sentence rules read the introduction with the whole list as
// one coordinated slot, so "signatories include" applies to every item.
import type { EntityType } from '../model/schemas.ts';
import type { EntityDraft, MentionRef } from './entities.ts';
import { PARTY_TYPES } from './lexicon.ts';
import type { Slot } from './relations.ts';
import type { Sentence } from './sentences.ts';

export interface ListBlock {
  /** The introduction and the items, as one span of text (the evidence of what the list states). */
  sentence: Sentence;
  /** The introduction's own sentence, whose slots come first. */
  intro: Sentence;
  /** One coordinated slot of the items' names (its index set by the caller). */
  items: Omit<Slot, 'index'>;
}

const INTRO_END = /(?::|\b(?:include|includes|included|including|are|were|comprise|comprises|following))\s*$/i;
const BULLET = /^\s*(?:[-–—•*·▪●◦]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s*/;
/** An item line: short, and not a sentence of its own (a bullet may carry one). */
const MAX_ITEM_WORDS = 14;

export function listBlocks(text: string, sentences: Sentence[], mentions: MentionRef[], entities: Map<string, EntityDraft>): ListBlock[] {
  const out: ListBlock[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const intro = sentences[i]!;
    if (!INTRO_END.test(intro.text) || text[intro.end] !== '\n') continue;
    const keys: string[] = [];
    let type: EntityDraft['type'] | null = null;
    let j = i + 1;
    let end = intro.end;
    let firstStart = -1;
    for (; j < sentences.length; j++) {
      const item = sentences[j]!;
      // Items are whole lines of their own, one after the other.
      if (text.slice(end, item.start).split('\n').length !== 2) break;
      const bulleted = BULLET.test(item.text);
      if (!bulleted && (item.text.split(/\s+/).length > MAX_ITEM_WORDS || /[.!?]$/.test(item.text))) break;
      const first = mentions.find((m) => m.start >= item.start && m.end <= item.end && entities.has(m.key));
      const e = first && entities.get(first.key)!;
      if (!first || !e || (type && e.type !== type && !(isParty(e.type) && isParty(type)))) break;
      type ??= e.type;
      if (!keys.includes(first.key)) keys.push(first.key);
      if (firstStart < 0) firstStart = item.start;
      end = item.end;
    }
    if (keys.length < 2 || !type) continue;
    // "The Quito Accord was signed in March. Signatories include:": an introduction that names nothing continues the
    // sentence before it.
    const before = sentences[i - 1];
    const named = mentions.some((m) => m.start >= intro.start && m.end <= intro.end && entities.has(m.key));
    const lead = !named && before ? { ...intro, start: before.start, text: text.slice(before.start, intro.end) } : intro;
    // The colon goes into the list's slot, so the introduction reads "Signatories include <list>".
    const colon = /:\s*$/.exec(intro.text);
    out.push({
      intro: lead,
      sentence: { index: intro.index, start: lead.start, end, text: text.slice(lead.start, end) },
      items: { keys, type, start: colon ? intro.start + colon.index : firstStart, end },
    });
    i = j - 1;
  }
  return out;
}

function isParty(t: EntityType): boolean {
  return PARTY_TYPES.includes(t);
}
