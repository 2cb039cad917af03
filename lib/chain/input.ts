/**
 * Where certificate chains come from: a token's "x5c" header (standard base64
 * DER, leaf first, RFC 7515 §4.1.6) or PEM text (a chain pasted as the key, or
 * the trust anchors). Light and synchronous; the validation itself is in
 * ./validate, which loads the X.509 library. Self-contained on purpose: sharing
 * lib/keys modules here would change how the bundler splits the chunks that the
 * decoder loads before its editor.
 */

import { t } from './messages';

export type CertificateList = { ok: true; ders: Uint8Array[] } | { ok: false; error: string; offset?: number };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Standard base64 (RFC 4648 §4), whitespace ignored; the message says where it breaks. */
export function decodeBase64(text: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string; offset: number } {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) {
    const offset = [...compact].findIndex((char, index) => !/[A-Za-z0-9+/=]/.test(char) || (char === '=' && index < compact.length - 2));
    const char = compact.charAt(offset);
    return { ok: false, message: t('chain.base64BadCharacter', { char: JSON.stringify(char), position: offset + 1 }), offset };
  }
  if (compact.length % 4 !== 0) return { ok: false, message: t('chain.base64Incomplete', { count: compact.length }), offset: compact.length };
  const binary = atob(compact);
  return { ok: true, bytes: Uint8Array.from(binary, (char) => char.charCodeAt(0)) };
}

export function certificatesFromX5c(x5c: unknown): CertificateList {
  if (!Array.isArray(x5c) || x5c.length === 0) return { ok: false, error: t('chain.x5cNotArray') };
  const ders: Uint8Array[] = [];
  for (const [index, entry] of x5c.entries()) {
    if (typeof entry !== 'string') return { ok: false, error: t('chain.x5cEntryNotString', { index }) };
    const decoded = decodeBase64(entry);
    if (!decoded.ok) {
      const error = /[-_]/.test(entry) ? t('chain.x5cEntryBase64url', { index, reason: decoded.message }) : t('chain.x5cEntryNotBase64', { index, reason: decoded.message });
      return { ok: false, error };
    }
    ders.push(decoded.bytes);
  }
  return { ok: true, ders };
}

const BLOCK = /-----BEGIN (TRUSTED )?CERTIFICATE-----([\s\S]*?)(-----END (?:TRUSTED )?CERTIFICATE-----|-----BEGIN |$)/g;

/** The CERTIFICATE blocks of PEM text, in order; other blocks are ignored. */
export function certificatesFromPem(text: string): CertificateList {
  const ders: Uint8Array[] = [];
  for (const match of text.matchAll(BLOCK)) {
    const number = ders.length + 1;
    const bodyOffset = (match.index ?? 0) + match[0].indexOf('-----', 5) - (match[2]?.length ?? 0);
    if (!match[3]?.startsWith('-----END')) return { ok: false, error: t('chain.pemNoEnd', { n: number }), offset: match.index ?? 0 };
    const decoded = decodeBase64(match[2] ?? '');
    if (!decoded.ok) return { ok: false, error: t('chain.pemNotBase64', { n: number, reason: decoded.message }), offset: bodyOffset };
    if (decoded.bytes.length === 0) return { ok: false, error: t('chain.pemEmpty', { n: number }), offset: bodyOffset };
    ders.push(decoded.bytes);
  }
  return { ok: true, ders };
}

/** How many CERTIFICATE blocks PEM text holds, without decoding them. */
export function countPemCertificates(text: string): number {
  return (text.match(/-----BEGIN (TRUSTED )?CERTIFICATE-----/g) ?? []).length;
}
