// Syndicated copies: the same article published under two URLs (wire copy,
// a press release reposted) is one source of evidence, not two. Pure.
//
// Two fingerprints of a document's cleaned text:
//   textHash  sha256 of the text normalized (case, punctuation, spacing and
//             Unicode forms folded): identical copies, whatever the markup.
//   minhash   a MinHash signature of its 5-word shingles: near-identical
//             copies (a dateline, a credit line or a "Related" list added),
//             found through LSH bands and kept when the estimated Jaccard
//             similarity of the shingle sets is at least NEAR_DUPLICATE.
// No npm MinHash library is both maintained and small (the ones on the
// registry are unmaintained since 2016-2019); the algorithm is a few lines.
import { createHash } from 'node:crypto';

/** Hash functions in a signature (16 LSH bands of 4 rows). */
export const SIGNATURE_SIZE = 64;
const BANDS = 16;
const ROWS = SIGNATURE_SIZE / BANDS;
/** Words per shingle. */
const SHINGLE = 5;
/**
 * Estimated Jaccard similarity of two texts' shingle sets above which the
 * later is a copy of the earlier. A syndicated copy with a credit line and a
 * short "Related" list added stays above 0.8; two different announcements
 * built on one press-release template share their boilerplate only, far
 * below it (see test/duplicates.test.ts).
 */
export const NEAR_DUPLICATE = 0.8;
/** Fewer words than this: identical text only (a signature of a few shingles says little). */
const MIN_WORDS_FOR_NEAR = 40;

export interface Fingerprint {
  textHash: string;
  /** Empty for texts too short for a near-duplicate check. */
  minhash: number[];
}

/** Words of the text in one spelling: NFKC, lower case, letters and digits only. */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

// The k-th hash of a shingle: MurmurHash3's finalizer over the shingle's
// 32-bit hash xor a fixed seed (from a seeded generator, so signatures are
// comparable across runs and machines). 32-bit integer arithmetic only: a
// document costs microseconds per shingle.
const SEEDS: number[] = (() => {
  let s = 0x9e3779b9;
  return Array.from({ length: SIGNATURE_SIZE }, () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  });
})();

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over a string: the shingle's 32-bit hash. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function fingerprint(text: string): Fingerprint {
  const w = words(text);
  const textHash = createHash('sha256').update(w.join(' ')).digest('hex').slice(0, 32);
  if (w.length < MIN_WORDS_FOR_NEAR) return { textHash, minhash: [] };
  const shingles = new Set<number>();
  for (let i = 0; i + SHINGLE <= w.length; i++) shingles.add(fnv1a(w.slice(i, i + SHINGLE).join(' ')));
  const mins = new Array<number>(SIGNATURE_SIZE).fill(0xffffffff);
  for (const h of shingles) {
    for (let k = 0; k < SIGNATURE_SIZE; k++) {
      const v = fmix32(h ^ SEEDS[k]!);
      if (v < mins[k]!) mins[k] = v;
    }
  }
  return { textHash, minhash: mins };
}

/** Estimated Jaccard similarity of two signatures (0 when either is empty). */
export function similarity(a: number[], b: number[]): number {
  if (!a.length || a.length !== b.length) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** The first copies seen so far, looked up by exact hash and by LSH band. */
export class CopyIndex {
  private byHash = new Map<string, string>();
  private byBand = new Map<string, string[]>();
  private signatures = new Map<string, number[]>();

  /** Records a document as a first copy. */
  add(id: string, fp: Fingerprint): void {
    if (!this.byHash.has(fp.textHash)) this.byHash.set(fp.textHash, id);
    if (!fp.minhash.length) return;
    this.signatures.set(id, fp.minhash);
    for (const key of bandKeys(fp.minhash)) {
      const list = this.byBand.get(key);
      if (list) list.push(id);
      else this.byBand.set(key, [id]);
    }
  }

  /** The first copy this fingerprint copies (never `self`), or null. */
  find(fp: Fingerprint, self?: string): string | null {
    const exact = this.byHash.get(fp.textHash);
    if (exact !== undefined && exact !== self) return exact;
    if (!fp.minhash.length) return null;
    let best: string | null = null;
    let bestScore = NEAR_DUPLICATE;
    const seen = new Set<string>();
    for (const key of bandKeys(fp.minhash)) {
      for (const id of this.byBand.get(key) ?? []) {
        if (id === self || seen.has(id)) continue;
        seen.add(id);
        const score = similarity(fp.minhash, this.signatures.get(id)!);
        if (score >= bestScore && (best === null || score > bestScore)) {
          best = id;
          bestScore = score;
        }
      }
    }
    return best;
  }
}

/** One key per LSH band: its number and its rows' values, as one index term (letters, digits, underscores). */
export function bandKeys(sig: number[]): string[] {
  const keys: string[] = [];
  if (!sig.length) return keys;
  for (let b = 0; b < BANDS; b++)
    keys.push(
      `b${b}_${sig
        .slice(b * ROWS, (b + 1) * ROWS)
        .map((v) => v.toString(36))
        .join('_')}`,
    );
  return keys;
}

/** A document the graph already holds, with its fingerprints. */
export interface KnownDocument extends Fingerprint {
  id: string;
  /** Set when it is itself a copy (never a first copy of anything). */
  duplicateOf: string | null;
}

export interface CopyPlan {
  /** Copy id -> the first copy's id. */
  copies: Map<string, string>;
  fingerprints: Map<string, Fingerprint>;
}

/**
 * Which of the documents are copies: of a first copy the graph holds, or of a
 * document earlier in the list (give them in a repeatable order). A document
 * is never a copy of itself (its earlier version in the graph).
 */
export function planCopies(docs: Array<{ id: string; text: string }>, known: KnownDocument[] = [], reuse?: Map<string, Fingerprint>): CopyPlan {
  const index = new CopyIndex();
  for (const k of known) if (k.duplicateOf === null) index.add(k.id, k);
  const copies = new Map<string, string>();
  const fingerprints = new Map<string, Fingerprint>();
  for (const d of docs) {
    // A document whose text is unchanged keeps the fingerprint the graph holds (no shingling).
    const fp = reuse?.get(d.id) ?? fingerprint(d.text);
    fingerprints.set(d.id, fp);
    const first = index.find(fp, d.id);
    if (first !== null) copies.set(d.id, first);
    else index.add(d.id, fp);
  }
  return { copies, fingerprints };
}
