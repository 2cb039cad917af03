/**
 * Strict base64url (RFC 4648 §5, no padding) as JWS uses it (RFC 7515 §2).
 * Our own helpers so the module needs no `atob`/`Buffer` and can say where
 * a bad character sits.
 */

import { DECODE_TABLE } from '@/lib/token/base64url';
import { t } from './messages';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export type Base64UrlResult = { ok: true; bytes: Uint8Array<ArrayBuffer> } | { ok: false; error: string; offset: number };

// Unlike the decoder's strict codec (lib/token/base64url.ts), this one does
// not check the unused bits of the last character; it shares that codec's
// lookup table, one entry per character code, since a pasted payload can be
// a megabyte.
export function decodeBase64Url(text: string): Base64UrlResult {
  for (let i = 0; i < text.length; i++) {
    if (DECODE_TABLE[text.charCodeAt(i)]! < 0) {
      const char = text.charAt(i);
      const error = char === '=' ? t('jws.base64urlPaddingAt', { offset: String(i) }) : t('jws.base64urlCharacterAt', { char: JSON.stringify(char), offset: String(i) });
      return { ok: false, error, offset: i };
    }
  }
  if (text.length % 4 === 1) {
    return { ok: false, error: t('jws.base64urlIncomplete', { length: String(text.length) }), offset: text.length - 1 };
  }
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (let i = 0; i < text.length; i++) {
    buffer = ((buffer & 0xffff) << 6) | DECODE_TABLE[text.charCodeAt(i)]!;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return { ok: true, bytes };
}

export function encodeBase64Url(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = ((buffer & 0xffff) << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET.charAt((buffer >> bits) & 0x3f);
    }
  }
  if (bits > 0) out += ALPHABET.charAt((buffer << (6 - bits)) & 0x3f);
  return out;
}

/** Decodes a JWK member that must be base64url; undefined when absent or malformed. */
export function jwkBytes(value: unknown): Uint8Array<ArrayBuffer> | undefined {
  if (typeof value !== 'string') return undefined;
  const decoded = decodeBase64Url(value);
  return decoded.ok ? decoded.bytes : undefined;
}

export function utf8(text: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(text);
}
