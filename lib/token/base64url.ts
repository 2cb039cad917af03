// Strict base64url (RFC 7515 §2, RFC 4648 §5): no padding, no '+' or '/', no whitespace,
// canonical trailing bits. Our own table-driven codec: atob and Buffer are lenient, and
// Buffer does not exist in browsers.

import { codePointAt, describeCodePoint, isWhitespaceCodePoint } from './describe-char';
import { t } from './messages';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

// One entry per UTF-16 code unit, so lookups never need a range check; -1 marks "not base64url".
// Also read by the lenient JWS codec (lib/jws/base64url.ts).
export const DECODE_TABLE = new Int8Array(65536).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE_TABLE[ALPHABET.charCodeAt(i)] = i;

export type Base64urlProblem = 'character' | 'padding' | 'whitespace' | 'length' | 'non-canonical';

export interface Base64urlError {
  problem: Base64urlProblem;
  /** 0-based index of the bad spot in the decoded text. */
  index: number;
  /** UTF-16 units the bad spot spans. */
  length: number;
  /** What is wrong, without saying where (the caller knows the segment). */
  message: string;
}

export type Base64urlDecodeResult = { ok: true; bytes: Uint8Array } | { ok: false; error: Base64urlError };

/** Bytes a valid base64url string of this many characters decodes to. */
export function base64urlByteLength(chars: number): number {
  const rem = chars & 3;
  return (chars >> 2) * 3 + (rem === 2 ? 1 : rem === 3 ? 2 : 0);
}

function characterError(text: string, index: number): Base64urlError {
  const { codePoint, units } = codePointAt(text, index);
  if (codePoint === 0x2b) {
    return { problem: 'character', index, length: 1, message: t('token.base64urlPlus') };
  }
  if (codePoint === 0x2f) {
    return { problem: 'character', index, length: 1, message: t('token.base64urlSlash') };
  }
  if (codePoint === 0x3d) {
    let end = index;
    while (text.charCodeAt(end) === 0x3d) end++;
    return {
      problem: 'padding',
      index,
      length: end - index,
      message: t('token.base64urlPadding'),
    };
  }
  if (isWhitespaceCodePoint(codePoint)) {
    return {
      problem: 'whitespace',
      index,
      length: units,
      message: t('token.base64urlWhitespace', { char: describeCodePoint(codePoint) }),
    };
  }
  return { problem: 'character', index, length: units, message: t('token.base64urlCharacter', { char: describeCodePoint(codePoint) }) };
}

/** The first character that is not in the base64url alphabet, or -1. */
function firstInvalidIndex(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (DECODE_TABLE[text.charCodeAt(i)]! < 0) return i;
  }
  return -1;
}

export function decodeBase64url(text: string): Base64urlDecodeResult {
  const n = text.length;
  const rem = n & 3;
  const full = n - rem;
  const out = new Uint8Array(base64urlByteLength(n));
  const table = DECODE_TABLE;
  let o = 0;
  let i = 0;
  for (; i < full; i += 4) {
    // Any -1 (all bits set) makes the combined value negative: one check per four characters.
    const bits =
      (table[text.charCodeAt(i)]! << 18) |
      (table[text.charCodeAt(i + 1)]! << 12) |
      (table[text.charCodeAt(i + 2)]! << 6) |
      table[text.charCodeAt(i + 3)]!;
    if (bits < 0) return { ok: false, error: characterError(text, firstInvalidIndex(text, i)) };
    out[o++] = bits >> 16;
    out[o++] = (bits >> 8) & 0xff;
    out[o++] = bits & 0xff;
  }
  const bad = firstInvalidIndex(text, i);
  if (bad >= 0) return { ok: false, error: characterError(text, bad) };
  if (rem === 1) {
    return {
      ok: false,
      error: {
        problem: 'length',
        index: n - 1,
        length: 1,
        message: t('token.base64urlLength', { count: n, n: String(n) }),
      },
    };
  }
  if (rem > 0) {
    const v0 = table[text.charCodeAt(i)]!;
    const v1 = table[text.charCodeAt(i + 1)]!;
    const v2 = rem === 3 ? table[text.charCodeAt(i + 2)]! : 0;
    const last = rem === 3 ? v2 : v1;
    const unusedMask = rem === 3 ? 0b11 : 0b1111;
    if ((last & unusedMask) !== 0) {
      const canonical = ALPHABET[last & ~unusedMask];
      return {
        ok: false,
        error: {
          problem: 'non-canonical',
          index: n - 1,
          length: 1,
          message: t('token.base64urlNonCanonical', { last: ALPHABET[last], canonical }),
        },
      };
    }
    out[o++] = (v0 << 2) | (v1 >> 4);
    if (rem === 3) out[o++] = ((v1 & 0xf) << 4) | (v2 >> 2);
  }
  return { ok: true, bytes: out };
}

export function encodeBase64url(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  const full = n - (n % 3);
  let i = 0;
  for (; i < full; i += 3) {
    const bits = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk += ALPHABET[bits >> 18]! + ALPHABET[(bits >> 12) & 63]! + ALPHABET[(bits >> 6) & 63]! + ALPHABET[bits & 63]!;
    // Keep string pieces moderate so building a megabyte stays linear.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (n - full === 1) {
    const bits = bytes[i]! << 16;
    chunk += ALPHABET[bits >> 18]! + ALPHABET[(bits >> 12) & 63]!;
  } else if (n - full === 2) {
    const bits = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    chunk += ALPHABET[bits >> 18]! + ALPHABET[(bits >> 12) & 63]! + ALPHABET[(bits >> 6) & 63]!;
  }
  parts.push(chunk);
  return parts.join('');
}

/** Encodes text as UTF-8, then base64url. */
export function encodeBase64urlText(text: string): string {
  return encodeBase64url(new TextEncoder().encode(text));
}
