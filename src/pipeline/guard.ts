// The time budget for documents a run would otherwise process in its main
// thread, where nothing can stop them. Most documents are small and take
// milliseconds, so they stay there; those that can take long (long texts,
// and markup, whose cleaning is the slow part: Mozilla Readability took
// about 40 s per MB of bare elements here) go to one guard thread, an
// ExtractPool of one, which stops them at the budget (pool.ts).
//
// A run that compares fingerprints between cleaning and extraction (kg run,
// kg refresh) cleans on the guard thread and extracts in a second trip; the
// time the cleaning took is kept (spentMs) and taken from the budget of the
// extraction, so the budget covers a document's cleaning and extraction
// together, as it does for `kg extract` and the queue worker, which do both in
// one trip.
import { cleanDocument } from '../clean/index.ts';
import type { CleanDocument, RawDocument } from '../model/schemas.ts';
import { ExtractPool } from './pool.ts';

/**
 * Documents longer than this (raw body or cleaned text, in characters) go to
 * the guard thread when a run works in this thread: ordinary articles stay
 * here (the longest BBC article has 25,000 characters of text), a long or odd
 * one gets the time budget. Not more: what extraction costs depends on what a
 * text says, not only on its length; a text of one word per line took 5.6 s
 * at 32 KiB, 31 s at 128 KiB and 22-45 s at 250 KiB, which under the former
 * 256 KiB limit ran here, with no budget and nothing else moving.
 */
export const GUARD_CHARS = 32 * 1024;

/**
 * Raw HTML or Markdown longer than this goes to the guard thread too: their
 * parsers are what is slow, not the text (1 MB of empty elements took 40 s to
 * clean, 60 KiB of them 2-6 s), and a scraped news page is often larger (174 KB
 * on average in the article-extraction benchmark). Cleaning markup is linear
 * in its size whatever its shape (deep nesting: clean/depth.ts; Markdown
 * marks left open: clean/markdown.ts), so below this no page takes long.
 */
export const GUARD_MARKUP_CHARS = 64 * 1024;

/** Whether a document worked on in this thread should go to the guard thread, to be under the time budget. */
export function needsGuard(item: RawDocument | CleanDocument): boolean {
  if ('text' in item) return item.text.length > GUARD_CHARS;
  return item.body.length > (item.format === 'text' ? GUARD_CHARS : GUARD_MARKUP_CHARS);
}

/** One guard thread, started on the first document that needs it; the owner closes it. */
export class Guard {
  /** Time each document cleaned on the guard thread took (ms, by document id), for the budget of its extraction. */
  readonly spentMs = new Map<string, number>();
  private pool: ExtractPool | null = null;

  /** budgetMs 0, or workers 0 (everything in this thread, by request), means no guard. */
  constructor(
    readonly budgetMs: number,
    private readonly enabled = true,
  ) {}

  /** Whether this document goes to the guard thread. */
  wants(item: RawDocument | CleanDocument): boolean {
    return this.enabled && this.budgetMs > 0 && needsGuard(item);
  }

  /** The guard thread (started now if it was not). */
  thread = (): ExtractPool => {
    this.pool ??= new ExtractPool(1, { budgetMs: this.budgetMs });
    return this.pool;
  };

  /** Cleans `raw`: on the guard thread if it wants it (a stop at the budget rejects with the budget message), else here. */
  async clean(raw: RawDocument): Promise<CleanDocument> {
    if (!this.wants(raw)) return cleanDocument(raw);
    const { doc, ms } = await this.thread().cleanTimed(raw);
    this.spentMs.set(doc.id, ms);
    return doc;
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}
