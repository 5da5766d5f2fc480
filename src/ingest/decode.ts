// Bytes to text: UTF-8 when the bytes are UTF-8, else the charset the page
// declares, else what chardet detects (iconv-lite decodes it); whatever is
// guessed is said in a warning. Binary input is refused.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded {
  text: string;
  warnings: string[];
}

export class BinaryInputError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/** NUL bytes or a high share of control bytes in the first 8 KiB: not a text document. */
export function binaryReason(buf: Uint8Array): string | null {
  const n = Math.min(buf.length, 8192);
  if (n === 0) return null;
  let nul = 0,
    ctl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32 && b !== 27)) ctl++;
  }
  if (nul > 0 && utf16Of(buf)) return null;
  if (nul > 0) return `binary data (${nul} NUL bytes in the first ${n} bytes)`;
  if (ctl / n > 0.1) return `binary data (${Math.round((100 * ctl) / n)}% control bytes)`;
  return null;
}

/**
 * Share of a decoded text that reads as text: letters, digits, spaces and
 * common punctuation. Prose in any script is well above 0.9; bytes with no
 * NUL that are not text (random or compressed data) decode to symbols,
 * control and replacement characters and come out near 0.6.
 */
function textShare(text: string): number {
  const sample = text.slice(0, 8192);
  if (!sample) return 1;
  const readable = sample.match(/[\p{L}\p{M}\p{N}\s.,;:!?'"()[\]\-\u2013\u2014\u2018\u2019\u201c\u201d/&%$@#*+=<>]/gu)?.length ?? 0;
  return readable / sample.length;
}
const MIN_TEXT_SHARE = 0.8;

/** A decoding of bytes that are not UTF-8: refused when it does not read as text. */
function asText(text: string, warnings: string[]): Decoded {
  const share = textShare(text);
  if (share < MIN_TEXT_SHARE)
    throw new BinaryInputError(
      `binary data (not UTF-8, and only ${Math.round(share * 100)}% of it decodes to letters, digits, spaces or punctuation), not a text document`,
    );
  return { text, warnings };
}

/** UTF-16 by BOM, or by NUL bytes at every other position (ASCII-range text). */
function utf16Of(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 16) return null;
  let odd = 0,
    even = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  if (odd > n * 0.4 && even === 0) return 'utf-16le';
  if (even > n * 0.4 && odd === 0) return 'utf-16be';
  return null;
}

/** The charset an HTML page declares in its first bytes (<meta charset>, http-equiv). */
export function declaredCharset(buf: Uint8Array): string | null {
  const head = Buffer.from(buf.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /^<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m ? m[1].toLowerCase() : null;
}

const isUtf8Name = (name: string): boolean => /^utf-?8$/i.test(name);

/**
 * Decodes a document's bytes. `truncated` tells that the bytes were cut at a
 * size cap, so a multi-byte character may be cut at the end.
 */
export function decodeBytes(buf: Uint8Array, opts: { html?: boolean; truncated?: boolean; name?: string } = {}): Decoded {
  const warnings: string[] = [];
  const bin = binaryReason(buf);
  if (bin) throw new BinaryInputError(`${bin}, not a text document`);
  const u16 = utf16Of(buf);
  if (u16) {
    const start = buf[0] === 0xff || buf[0] === 0xfe ? 2 : 0;
    return {
      text: iconv.decode(Buffer.from(buf.subarray(start)), u16),
      warnings: buf[0] === 0xff || buf[0] === 0xfe ? [] : [`no byte-order mark; decoded as ${u16.toUpperCase()}`],
    };
  }
  let bytes = buf;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return { text: utf8.decode(bytes, { stream: !!opts.truncated }), warnings };
  } catch {
    // Not UTF-8.
  }
  // Mostly UTF-8 with a few broken bytes (a stray byte, a pasted line in
  // another encoding): decode every valid UTF-8 run as UTF-8 and replace only
  // the broken bytes. Valid multi-byte sequences are the evidence: text in a
  // legacy encoding almost never forms them by chance (0 in windows-1252
  // German or windows-1253 Greek, under 1 per 3 invalid ones even in CJK
  // double-byte encodings), so at least as many valid as invalid sequences
  // means UTF-8. Such pages often declare a legacy charset from a template;
  // the bytes win over the declaration.
  const seq = utf8Sequences(bytes, !!opts.truncated);
  const declared = opts.html ? declaredCharset(bytes) : null;
  const sample = bytes.subarray(0, 65536);
  if (seq.valid > 0 && seq.valid >= seq.invalid) {
    warnings.push(
      `not valid UTF-8 in ${seq.invalid} place(s) (first at byte ${seq.firstInvalid}): ` + 'decoded as UTF-8 with only those bytes replaced (U+FFFD)',
    );
    return { text: utf8Lenient.decode(bytes, { stream: !!opts.truncated }), warnings };
  }
  if (declared && !isUtf8Name(declared) && iconv.encodingExists(declared)) {
    return asText(iconv.decode(Buffer.from(bytes), declared), warnings);
  }
  const detected = chardet.detect(sample);
  if (detected && !isUtf8Name(detected) && iconv.encodingExists(detected)) {
    warnings.push(`not valid UTF-8${declared ? ` (though it declares ${declared})` : ''}; decoded as ${detected} (detected)`);
    return asText(iconv.decode(Buffer.from(bytes), detected), warnings);
  }
  warnings.push(
    `not valid UTF-8 in ${seq.invalid} place(s) (first at byte ${seq.firstInvalid}) and no other encoding detected: ` +
      'decoded as UTF-8 with those bytes replaced (U+FFFD)',
  );
  return asText(utf8Lenient.decode(bytes, { stream: !!opts.truncated }), warnings);
}

/**
 * Counts the valid multi-byte UTF-8 sequences and the invalid ones (maximal
 * subparts, as a WHATWG decoder replaces them). `truncated`: a sequence cut
 * at the end is not counted.
 */
export function utf8Sequences(buf: Uint8Array, truncated = false): { valid: number; invalid: number; firstInvalid: number } {
  let valid = 0,
    invalid = 0,
    firstInvalid = -1;
  const n = buf.length;
  for (let i = 0; i < n; ) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    let k = 1;
    if (need > 0) {
      // The second byte's range depends on the lead (no overlongs, surrogates or > U+10FFFF).
      const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
      const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
      while (k <= need && i + k < n) {
        const c = buf[i + k]!;
        if (c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) break;
        k++;
      }
      if (k > need) {
        valid++;
        i += k;
        continue;
      }
      if (i + k >= n && truncated) break;
    }
    invalid++;
    if (firstInvalid < 0) firstInvalid = i;
    i += need > 0 ? k : 1;
  }
  return { valid, invalid, firstInvalid };
}
