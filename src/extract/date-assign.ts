// Which date belongs to which entity: a summit's start, an agreement's
// signing or announcement, an institute's or organization's founding. A date
// is attached only when the sentence ties it to that event: the date next to
// the name ("the summit, held on 3 March", "the March 2024 agreement"), a
// sentence that says the thing was signed, held, launched or opened and
// names one date, a sentence that opens with its date ("In February 2023, the
// first summit ..."). Registry dates win: they are the known facts.
import type { EntityDraft, MentionRef } from './entities.ts';
import { documentReference, findDateline, findDates, referenceOf, type FoundDate } from './dates.ts';
import type { Sentence } from './sentences.ts';

const DATED_TYPES = ['Summit', 'Agreement', 'Institute', 'Organization'];

const DATE_BEFORE_GAP = /^\s*$/;
// What may stand between a name and its date: "the summit, held in Seoul on", "the Dialogue to take place in".
const DATE_AFTER_GAP = new RegExp(
  String.raw`^\s*(?:\(|,\s*)?(?:(?:which|that)\s+)?(?:(?:was|were|is|are|will be|has been|had been|to be|is to be|is due to be)\s+)?` +
    String.raw`(?:(?:officially|formally|first|jointly)\s+)?` +
    String.raw`(?:held|hosted|signed|adopted|agreed|launched|established|created|founded|announced|unveiled|published|convened|opened|concluded|endorsed|took place|takes place|occurring|occurred|scheduled for|(?:(?:is|are)\s+)?(?:due|set|scheduled|expected)\s+to\s+take\s+place|to take place|will take place)?` +
    String.raw`\s*(?:here|there)?\s*(?:on|in|of|from|since|during)?\s*(?:the\s+)?(?:last|next|this|early|late|mid-?)?\s*$`,
  'i',
);
const PLACE_IN_GAP = /\b(?:in|at)\s+[\p{Lu}][\p{L}]+(?:,?\s+[\p{Lu}][\p{L}]+)*\s*/gu;
const CREATION_VERBS = 'established|launched|founded|created|set up|formed|formali[sz]ed|inaugurated|stood up|opened';
const CREATION = `(?:${CREATION_VERBS})`;

// The verbs and nouns that say the event a date dates took place, per type.
const EVENT_VERBS: Record<string, string> = {
  Summit: 'held|hosted|convened|took place|takes place|opened|opens|kicked off|kicks off|began|begins|gathered|met|meets|meet|take place|be held',
  Agreement:
    'signed|signs|sign|inked|adopted|adopts|adopt|agreed|announced|announces|unveiled|published|released|endorsed|approved|awarded|awards|struck|reached|concluded|issued|launched|launches',
  Institute: `${CREATION_VERBS}|opens|launches|opened its doors|opens its doors|began operations|started operations`,
};
EVENT_VERBS.Organization = EVENT_VERBS.Institute!;
const EVENT_NOUNS: Record<string, string> = {
  Summit: 'opening|start',
  Agreement: 'signing|adoption|announcement|conclusion|publication',
  Institute: 'establishment|creation|launch|founding|formation|inauguration|opening',
};
EVENT_NOUNS.Organization = EVENT_NOUNS.Institute!;

// Words of the name the recognizer left out before the part it found ("the UN Independent International
// [Scientific Panel]"): the founding of the whole is the founding of the part that names its head.
const nameHeadCut = (before: string): string => before.replace(/(?:\p{Lu}[\p{L}.-]*\s+){1,4}$/u, '');

/** The mention is the whole name, not a modifier of a longer one ("the UN Independent ... Panel", "the UK's institute"). */
function wholePhrase(text: string, m: MentionRef): boolean {
  return !/^(?:['’]s\b|\s+(?:of\s+)?\p{Lu})/u.test(text.slice(m.end, m.end + 20));
}

/** "the first summit", "the next meeting": a reference that may be another of a series than the one it was linked to. */
function otherInstance(text: string, m: MentionRef): boolean {
  return (
    m.anaphoric &&
    /\b(?:first|second|third|fourth|fifth|next|previous|last|earlier|prior|inaugural|upcoming|following|former|original)\s+$/i.test(
      text.slice(Math.max(0, m.start - 25), m.start),
    )
  );
}

/** The sentence says this organization was created: "the establishment of X", "X was launched", "launched X". */
function establishedHere(text: string, m: MentionRef): boolean {
  if (!wholePhrase(text, m)) return false;
  const before = text.slice(Math.max(0, m.start - 90), m.start);
  const after = text.slice(m.end, m.end + 50);
  return (
    /\b(?:establishment|creation|launch|founding|formation|inauguration|opening) of (?:the |a |an )?$/i.test(nameHeadCut(before)) ||
    new RegExp(String.raw`\b${CREATION} (?:the |a |an |its |their )?(?:new )?$`, 'i').test(before) ||
    new RegExp(
      String.raw`^,? (?:(?:was|were|has been|had been|is|be) )?(?:officially |formally )?(?:${CREATION}|operational since|opened its doors|opens its doors)\b`,
      'i',
    ).test(after)
  );
}

/**
 * The sentence says the event happened to this mention: the verb or noun that takes it as object just before
 * it ("has launched the", "signed a", "the signing of"), or its verb after it ("X, ..., was held", "X officially
 * opened its doors").
 */
function eventNear(text: string, s: Sentence, m: MentionRef, type: string): boolean {
  const verbs = EVENT_VERBS[type];
  if (!verbs) return false;
  const before = text.slice(Math.max(s.start, m.start - 90), m.start);
  const after = text.slice(m.end, Math.min(s.end, m.end + 80));
  return (
    wholePhrase(text, m) &&
    (new RegExp(String.raw`\b(?:${verbs})\s+(?:(?:the|a|an|its|their|his|her|new|first|formal)\s+){0,2}$`, 'i').test(before) ||
      new RegExp(String.raw`\b(?:${EVENT_NOUNS[type]}) of\s+(?:the\s+|a\s+|an\s+)?$`, 'i').test(nameHeadCut(before)) ||
      new RegExp(
        String.raw`^\s*(?:,[^,;]{0,50},\s*)?(?:(?:which|that)\s+)?(?:(?:was|were|is|are|has been|had been|have been|will be|will|has|have|had|officially|formally|first|jointly|to)\s+){0,3}(?:${verbs})\b`,
        'i',
      ).test(after))
  );
}

const LEDE_CHARS = 400;
const NEWS_VERBS: Record<string, string> = {
  Summit: 'opened|begun|convened|kicked off|gathered',
  Agreement: 'signed|inked|adopted|agreed|announced|unveiled|published|released|endorsed|awarded|struck|reached|concluded',
  Institute: 'established|launched|founded|created|set up|formed|inaugurated|opened|initiated|unveiled',
};
NEWS_VERBS.Organization = NEWS_VERBS.Institute!;
const HEADLINE_VERBS: Record<string, string> = {
  Summit: 'opens|begins|kicks off|convenes',
  Agreement: 'signs|inks|adopts|unveils|publishes|releases|endorses|awards|strikes',
  Institute: 'launches|establishes|opens|creates|sets up|forms|unveils|inaugurates',
};
HEADLINE_VERBS.Organization = HEADLINE_VERBS.Institute!;

/** A present perfect ("has launched the X", "X has opened") or a headline's present ("opens X"): the news itself. */
function newsEvent(text: string, s: Sentence, m: MentionRef, type: string): boolean {
  const perfect = NEWS_VERBS[type];
  const present = HEADLINE_VERBS[type];
  if (!perfect || !present || !wholePhrase(text, m)) return false;
  const before = text.slice(Math.max(s.start, m.start - 60), m.start);
  const after = text.slice(m.end, Math.min(s.end, m.end + 60));
  const det = String.raw`(?:(?:the|a|an|its|their|new|first|own|formal)\s+){0,3}`;
  return (
    new RegExp(String.raw`\b(?:has|have)\s+(?:(?:now|officially|formally|jointly)\s+)?(?:${perfect})\s+${det}$`, 'i').test(before) ||
    new RegExp(String.raw`\b(?:${present})\s+${det}$`, 'i').test(before) ||
    new RegExp(String.raw`^\s*(?:has|have)\s+(?:(?:now|officially|formally|been)\s+){0,2}(?:${perfect})\b`, 'i').test(after) ||
    new RegExp(String.raw`^\s*(?:${present})\b`, 'i').test(after)
  );
}

export function assignDates(text: string, sentences: Sentence[], mentions: MentionRef[], entities: Map<string, EntityDraft>, publishedAt: string | null): void {
  const ref = documentReference(text, publishedAt);
  const dateline = findDateline(text, referenceOf(publishedAt));
  // chrono is the costly part: only sentences that may date something are read, each once.
  const cache = new Map<number, FoundDate[]>();
  const datesOf = {
    get: (i: number): FoundDate[] => {
      let found = cache.get(i);
      if (!found) {
        const s = sentences[i]!;
        found = findDates(s.text, ref)
          .map((d) => ({ ...d, start: d.start + s.start, end: d.end + s.start }))
          // The dateline's date is when the story was filed, not when anything in it happened.
          .filter((d) => !dateline || d.start >= dateline.end || d.end <= dateline.start);
        cache.set(i, found);
      }
      return found;
    },
  };
  const dateOf = (key: string) => entities.get(key)?.date ?? null;
  const datable = (m: MentionRef) => {
    const e = entities.get(m.key);
    return !!e && !e.date && DATED_TYPES.includes(e.type);
  };

  for (const s of sentences) {
    const inSentence = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    const dated = inSentence.filter(datable);
    if (!dated.length) continue;
    const dates = datesOf.get(s.index);
    if (!dates.length) continue;
    for (const m of dated) {
      const e = entities.get(m.key)!;
      if (e.date || otherInstance(text, m)) continue;
      const between = (a: number, b: number) =>
        inSentence.some((o) => o !== m && o.key !== m.key && o.start >= a && o.end <= b && !['Location', 'Country'].includes(entities.get(o.key)?.type ?? ''));
      let pick: string | null = null;
      // A date next to an organization's name is rarely its founding; only creation wording dates one.
      for (const d of e.type === 'Summit' || e.type === 'Agreement' ? dates : []) {
        if (
          d.start >= m.end &&
          d.start - m.end <= 45 &&
          DATE_AFTER_GAP.test(text.slice(m.end, d.start).replace(PLACE_IN_GAP, '')) &&
          !between(m.end, d.start)
        ) {
          pick = d.iso;
          break;
        }
        if (d.end <= m.start && m.start - d.end <= 3 && DATE_BEFORE_GAP.test(text.slice(d.end, m.start).replace(/^'s/, ''))) {
          pick = d.iso;
          break;
        }
        // "In February 2023, the first summit ...": a date that opens the sentence dates the event that follows it.
        if (
          d.end <= m.start &&
          /^(?:(?:In|On|During|By)\s+)?$/.test(text.slice(s.start, d.start)) &&
          /^,\s*(?:(?:the|a|an|its|their|this|that)\s+)?(?:[a-z][a-z-]*\s+){0,2}$/.test(text.slice(d.end, m.start))
        ) {
          pick = d.iso;
          break;
        }
      }
      if (!pick && dates.length === 1 && (e.type === 'Institute' || e.type === 'Organization') && establishedHere(text, m)) pick = dates[0]!.iso;
      // One date in a sentence that says the thing was signed, held, opened: the date of that.
      if (!pick && dates.length === 1 && eventNear(text, s, m, e.type)) pick = dates[0]!.iso;
      if (!pick && e.type === 'Agreement' && e.unnamed && dates.length === 1 && !/\[date\]/i.test(s.text)) pick = dates[0]!.iso;
      if (pick) e.date = pick;
    }
  }

  // The news the article reports, stated without a date in its headline or first sentence ("The government has
  // launched the X", "Korea opens X"), happened when the article was published: the month of that.
  const lede = ref?.month != null ? sentences.filter((s) => s.start < LEDE_CHARS) : [];
  for (const s of lede) {
    for (const m of mentions) {
      if (m.start < s.start || m.end > s.end || !datable(m) || datesOf.get(s.index).length) continue;
      const e = entities.get(m.key)!;
      if (newsEvent(text, s, m, e.type)) e.date = `${ref!.year}-${String(ref!.month).padStart(2, '0')}`;
    }
  }

  // "... decided on Tuesday to establish two bodies. The establishment of X and Y marks ...": the founding
  // stated without a date takes the date of the sentence before that speaks of creating something.
  for (const s of sentences) {
    if (s.index === 0) continue;
    const prev = sentences[s.index - 1]!;
    if (!/\b(?:establish|create|launch|found|set up|form|inaugurate|open)\w*/i.test(prev.text)) continue;
    for (const m of mentions) {
      if (m.start < s.start || m.end > s.end || !datable(m)) continue;
      const e = entities.get(m.key)!;
      if (!['Institute', 'Organization'].includes(e.type) || !establishedHere(text, m) || datesOf.get(s.index).length) continue;
      const prevDates = datesOf.get(prev.index);
      if (prevDates.length === 1) e.date = prevDates[0]!.iso;
    }
  }

  // A declaration adopted at a summit dates from the summit: "the Declaration adopted at the Summit",
  // "the Summit produced the Declaration", "At the Summit, leaders signed the Declaration". The month, as
  // a summit runs over days.
  for (const s of sentences) {
    const inSentence = mentions.filter((m) => m.start >= s.start && m.end <= s.end);
    for (const a of inSentence) {
      const e = entities.get(a.key);
      if (!e || e.date || e.type !== 'Agreement') continue;
      for (const sm of inSentence) {
        const summitDate = entities.get(sm.key)?.type === 'Summit' ? dateOf(sm.key) : null;
        if (!summitDate) continue;
        const [x, y] = a.start < sm.start ? [a, sm] : [sm, a];
        const gap = text.slice(x.end, y.start);
        if (
          gap.length > 80 ||
          inSentence.some((o) => o.start >= x.end && o.end <= y.start && ['Summit', 'Agreement'].includes(entities.get(o.key)?.type ?? ''))
        )
          continue;
        const ok =
          x === a
            ? /^\s*,?\s*(?:which\s+was\s+|that\s+was\s+)?(?:adopted|signed|agreed|endorsed|issued|launched|unveiled|announced|reached|made|presented)\s+(?:at|during|on the sidelines of)\s+(?:the\s+)?$/i.test(
                gap,
              )
            : /^\s*(?:,\s*)?(?:resulted in|produced|yielded|adopted|issued|launched|endorsed|saw the (?:adoption|signing|launch) of)\s+(?:the\s+|a\s+)?$/i.test(
                gap,
              ) ||
              (/^(?:At|During|In)\s+(?:the\s+)?$/.test(text.slice(s.start, x.start)) &&
                /^\s*,[^,]{0,60}\b(?:signed|adopted|endorsed|agreed|issued|launched)\s+(?:on\s+)?(?:the\s+|a\s+)?$/i.test(gap));
        if (ok) {
          e.date = summitDate.slice(0, 7);
          break;
        }
      }
    }
  }
}
