// Neo4j's indexes hold values up to about 8 KB (range) or 32 KB (text); a
// longer value makes the whole transaction fail. Ids (unique constraints)
// and names (range indexes) longer than that are stored under a short
// deterministic key, with the verbatim value beside it (fullId, fullName)
// and given back by every read, so the export still has it verbatim.
import { createHash } from 'node:crypto';

/** Bytes of UTF-8 an indexed string may take; well under Neo4j's 8167-byte key limit. */
export const MAX_INDEXED_BYTES = 4000;
const KEEP_CHARS = 1000;

/** The first KEEP_CHARS code points (never half a surrogate pair). */
const prefix = (s: string) =>
  Array.from(s.slice(0, KEEP_CHARS * 2))
    .slice(0, KEEP_CHARS)
    .join('');

const tooLong = (s: string) => s.length > MAX_INDEXED_BYTES / 4 && Buffer.byteLength(s, 'utf8') > MAX_INDEXED_BYTES;

/** The id as stored: itself, or for an over-long id a prefix plus its sha256 (stable, unique). */
export function storageKey(id: string): string {
  if (!tooLong(id)) return id;
  return `${prefix(id)}…#${createHash('sha256').update(id).digest('hex')}`;
}

/** The verbatim value to keep beside a shortened one, else null. */
export function fullValue(value: string, stored: string): string | null {
  return value === stored ? null : value;
}

/** The name as indexed: itself, or a prefix for an over-long one. */
export function indexedName(name: string): string {
  return tooLong(name) ? `${prefix(name)}…` : name;
}
