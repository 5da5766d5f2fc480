// Bytes to text: UTF-8 when the bytes are UTF-8, else the charset the page
// declares, else what chardet detects (iconv-lite decodes it); whatever is
// guessed is said in a warning. Binary input is refused.
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface Decoded { text: string; warnings: string[] }

export class BinaryInputError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/** NUL bytes or a high share of control bytes in the first 8 KiB: not a text document. */
export function binaryReason(buf: Uint8Array): string | null {
  const n = Math.min(buf.length, 8192);
  if (n === 0) return null;
  let nul = 0, ctl = 0, nulEven = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) { nul++; if (i % 2 === 0) nulEven++; } else if (b < 9 || (b > 13 && b < 32 && b !== 27)) ctl++;
  }
  if (nul > 0 && utf16Of(buf)) return null;
  if (nul > 0) return `binary data (${nul} NUL bytes in the first ${n} bytes)`;
  if (ctl / n > 0.1) return `binary data (${Math.round((100 * ctl) / n)}% control bytes)`;
  return null;
}

/** UTF-16 by BOM, or by NUL bytes at every other position (ASCII-range text). */
function utf16Of(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (buf[0] === 0xff && buf[1] === 0xfe) return 'utf-16le';
  if (buf[0] === 0xfe && buf[1] === 0xff) return 'utf-16be';
  const n = Math.min(buf.length, 4096) & ~1;
  if (n < 16) return null;
  let odd = 0, even = 0;
  for (let i = 0; i < n; i += 2) { if (buf[i] === 0) even++; if (buf[i + 1] === 0) odd++; }
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
    return { text: iconv.decode(Buffer.from(buf.subarray(start)), u16), warnings: buf[0] === 0xff || buf[0] === 0xfe ? [] : [`no byte-order mark; decoded as ${u16.toUpperCase()}`] };
  }
  let bytes = buf;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return { text: utf8.decode(bytes, { stream: !!opts.truncated }), warnings };
  } catch {
    // Not UTF-8.
  }
  const declared = opts.html ? declaredCharset(bytes) : null;
  if (declared && !isUtf8Name(declared) && iconv.encodingExists(declared)) {
    return { text: iconv.decode(Buffer.from(bytes), declared), warnings };
  }
  // Mostly UTF-8 with a few broken sequences: keep UTF-8, replace the broken bytes.
  const lenient = utf8Lenient.decode(bytes);
  let bad = 0, wide = 0;
  for (let i = 0; i < lenient.length; i++) {
    const c = lenient.charCodeAt(i);
    if (c === 0xfffd) bad++;
    else if (c > 0x7f) wide++;
  }
  if (wide > bad) {
    warnings.push(`invalid UTF-8: ${bad} undecodable byte sequence(s) replaced with U+FFFD`);
    return { text: lenient, warnings };
  }
  const sample = bytes.subarray(0, 65536);
  const guess = chardet.detect(sample);
  if (guess && !isUtf8Name(guess) && iconv.encodingExists(guess)) {
    warnings.push(`not valid UTF-8${declared ? ` (though it declares ${declared})` : ''}; decoded as ${guess} (detected)`);
    return { text: iconv.decode(Buffer.from(bytes), guess), warnings };
  }
  warnings.push(`invalid UTF-8: ${bad} undecodable byte sequence(s) replaced with U+FFFD`);
  return { text: lenient, warnings };
}
