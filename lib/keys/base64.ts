/**
 * Byte <-> text encodings used by key formats, with located errors.
 * Our own helpers (no atob/btoa) so they behave the same in browsers and Node.
 */
import { t } from './messages';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const decodeTable = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) {
    table[B64.charCodeAt(i)] = i;
    table[B64URL.charCodeAt(i)] = i;
  }
  return table;
})();

export type DecodeResult =
  | { ok: true; bytes: Uint8Array }
  | {
      ok: false;
      message: string;
      /** The same without the position, for a message that says where in its own words. */
      bare: string;
      /** index into the decoded string */
      offset: number;
    };

function encodeWith(bytes: Uint8Array, alphabet: string, pad: boolean): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + alphabet[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + (pad ? '==' : '');
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += alphabet[n >> 18]! + alphabet[(n >> 12) & 63]! + alphabet[(n >> 6) & 63]! + (pad ? '=' : '');
  }
  return out;
}

export const base64urlEncode = (bytes: Uint8Array): string => encodeWith(bytes, B64URL, false);
export const base64Encode = (bytes: Uint8Array): string => encodeWith(bytes, B64, true);

/** Decodes a list of 6-bit values (already validated) into bytes. */
function sextetsToBytes(values: number[]): Uint8Array {
  const out = new Uint8Array(Math.floor((values.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (const v of values) {
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

function describeChar(ch: string): string {
  if (ch === ' ') return t('keys.charSpace');
  if (ch === '\n' || ch === '\r') return t('keys.charLineBreak');
  if (ch === '\t') return t('keys.charTab');
  return t('keys.charQuoted', { char: ch });
}

/**
 * Strict base64url (RFC 4648 §5) without padding, as JOSE uses it.
 * Trailing "=" padding is tolerated; anything else outside the alphabet is an error.
 */
export function base64urlDecode(text: string): DecodeResult {
  let end = text.length;
  while (end > 0 && text[end - 1] === '=') end--;
  const values: number[] = [];
  for (let i = 0; i < end; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    const v = code < 128 ? decodeTable[code]! : -1;
    if (v < 0 || ch === '+' || ch === '/') {
      const standard = ch === '+' || ch === '/';
      const char = describeChar(ch);
      return {
        ok: false,
        message: standard ? t('keys.notBase64urlCharStandard', { char, position: i }) : t('keys.notBase64urlChar', { char, position: i }),
        bare: standard ? t('keys.notBase64urlCharStandardBare', { char }) : t('keys.notBase64urlCharBare', { char }),
        offset: i,
      };
    }
    values.push(v);
  }
  if (values.length % 4 === 1) {
    const message = t('keys.base64urlLength', { length: values.length });
    return { ok: false, message, bare: message, offset: end };
  }
  return { ok: true, bytes: sextetsToBytes(values) };
}

/** Standard base64 (RFC 4648 §4); whitespace (line breaks) is skipped, padding optional. */
export function base64Decode(text: string): DecodeResult {
  const values: number[] = [];
  let padding = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t') continue;
    if (ch === '=') {
      padding++;
      if (padding > 2) return { ok: false, message: t('keys.tooMuchPadding', { position: i }), bare: t('keys.tooMuchPaddingBare'), offset: i };
      continue;
    }
    const code = text.charCodeAt(i);
    const v = code < 128 ? decodeTable[code]! : -1;
    if (v < 0 || ch === '-' || ch === '_' || padding > 0) {
      const char = describeChar(ch);
      return padding > 0
        ? { ok: false, message: t('keys.afterPadding', { char, position: i }), bare: t('keys.afterPaddingBare', { char }), offset: i }
        : { ok: false, message: t('keys.notBase64Char', { char, position: i }), bare: t('keys.notBase64CharBare', { char }), offset: i };
    }
    values.push(v);
  }
  if (values.length % 4 === 1) {
    const message = t('keys.base64Length', { length: values.length });
    return { ok: false, message, bare: message, offset: text.length };
  }
  return { ok: true, bytes: sextetsToBytes(values) };
}

export function hexEncode(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Hex digits, optionally with a 0x prefix and whitespace or ':' between bytes. */
export function hexDecode(text: string): DecodeResult {
  let start = 0;
  if (text.startsWith('0x') || text.startsWith('0X')) start = 2;
  const digits: number[] = [];
  for (let i = start; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t' || ch === ':') continue;
    const v = parseInt(ch, 16);
    if (Number.isNaN(v)) {
      const char = describeChar(ch);
      return { ok: false, message: t('keys.notHexDigit', { char, position: i }), bare: t('keys.notHexDigitBare', { char }), offset: i };
    }
    digits.push(v);
  }
  if (digits.length % 2 === 1) {
    const message = t('keys.hexOdd', { count: digits.length });
    return { ok: false, message, bare: message, offset: text.length };
  }
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (digits[2 * i]! << 4) | digits[2 * i + 1]!;
  return { ok: true, bytes: out };
}

export const utf8Encode = (text: string): Uint8Array => new TextEncoder().encode(text);
