/**
 * Byte <-> text encodings used by key formats, with located errors.
 * Our own helpers (no atob/btoa) so they behave the same in browsers and Node.
 */

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
  | { ok: false; message: string; /** index into the decoded string */ offset: number };

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
  if (ch === ' ') return 'a space';
  if (ch === '\n' || ch === '\r') return 'a line break';
  if (ch === '\t') return 'a tab';
  return `"${ch}"`;
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
      const hint = ch === '+' || ch === '/' ? ' (that is standard base64; base64url uses "-" and "_")' : '';
      return { ok: false, message: `${describeChar(ch)} at position ${i} is not a base64url character${hint}.`, offset: i };
    }
    values.push(v);
  }
  if (values.length % 4 === 1) {
    return { ok: false, message: `Base64url text cannot have a length of ${values.length} (one character too many or too few).`, offset: end };
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
      if (padding > 2) return { ok: false, message: `Too much "=" padding at position ${i}.`, offset: i };
      continue;
    }
    const code = text.charCodeAt(i);
    const v = code < 128 ? decodeTable[code]! : -1;
    if (v < 0 || ch === '-' || ch === '_' || padding > 0) {
      const message =
        padding > 0
          ? `${describeChar(ch)} at position ${i} comes after the "=" padding, which must end base64.`
          : `${describeChar(ch)} at position ${i} is not a base64 character.`;
      return { ok: false, message, offset: i };
    }
    values.push(v);
  }
  if (values.length % 4 === 1) {
    return { ok: false, message: `Base64 text cannot have ${values.length} characters (one too many or too few).`, offset: text.length };
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
      return { ok: false, message: `${describeChar(ch)} at position ${i} is not a hex digit.`, offset: i };
    }
    digits.push(v);
  }
  if (digits.length % 2 === 1) {
    return { ok: false, message: `Hex text has an odd number of digits (${digits.length}); each byte needs two.`, offset: text.length };
  }
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = (digits[2 * i]! << 4) | digits[2 * i + 1]!;
  return { ok: true, bytes: out };
}

export const utf8Encode = (text: string): Uint8Array => new TextEncoder().encode(text);
