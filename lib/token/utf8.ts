// Strict UTF-8 decoding. TextDecoder (fatal) is fast but does not say where it failed,
// so on failure a small validator finds the first bad byte for the message.

import { t } from './messages';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type Utf8Result = { ok: true; text: string } | { ok: false; byteIndex: number; message: string };

export function decodeUtf8(bytes: Uint8Array): Utf8Result {
  try {
    return { ok: true, text: decoder.decode(bytes) };
  } catch {
    const byteIndex = firstInvalidUtf8Byte(bytes);
    const byte = bytes[byteIndex] ?? 0;
    return {
      ok: false,
      byteIndex,
      message: t('token.utf8InvalidByte', { n: String(byteIndex + 1), hex: `0x${byte.toString(16).toUpperCase().padStart(2, '0')}` }),
    };
  }
}

/** Index of the first byte that starts or continues an invalid UTF-8 sequence (Unicode's "maximal subpart" rules). */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90; // overlong
      if (b === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return i;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i + k;
    }
    i += need + 1;
  }
  return n;
}

/** UTF-8 byte offset of the UTF-16 index `charIndex` in `text`. */
export function utf8OffsetOf(text: string, charIndex: number): number {
  let bytes = 0;
  const end = Math.min(charIndex, text.length);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < end) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
        continue;
      }
      bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}
