/**
 * Where certificate chains come from: a token's "x5c" header (standard base64
 * DER, leaf first, RFC 7515 §4.1.6) or PEM text (a chain pasted as the key, or
 * the trust anchors). Light and synchronous; the validation itself is in
 * ./validate, which loads the X.509 library.
 */
import { base64Decode } from '@/lib/keys/base64';
import { findPemBlocks, decodePemBody } from '@/lib/keys/pem';
import { problemOf } from '@/lib/keys/errors';

export type CertificateList = { ok: true; ders: Uint8Array[] } | { ok: false; error: string; offset?: number };

export function certificatesFromX5c(x5c: unknown): CertificateList {
  if (!Array.isArray(x5c) || x5c.length === 0) return { ok: false, error: 'The "x5c" header must be a non-empty array of base64 DER certificates (RFC 7515 §4.1.6).' };
  const ders: Uint8Array[] = [];
  for (const [index, entry] of x5c.entries()) {
    if (typeof entry !== 'string') return { ok: false, error: `x5c[${index}] is not a string of base64 DER.` };
    const decoded = base64Decode(entry.replace(/\s+/g, ''));
    if (!decoded.ok) {
      const hint = /[-_]/.test(entry) ? ' (x5c uses standard base64 with + and /, not base64url)' : '';
      return { ok: false, error: `x5c[${index}] is not valid base64${hint}: ${decoded.message}` };
    }
    ders.push(decoded.bytes);
  }
  return { ok: true, ders };
}

/** The CERTIFICATE blocks of PEM text, in order; other blocks are ignored. */
export function certificatesFromPem(text: string): CertificateList {
  try {
    const blocks = findPemBlocks(text).filter((block) => block.label === 'CERTIFICATE' || block.label === 'TRUSTED CERTIFICATE');
    return { ok: true, ders: blocks.map((block) => decodePemBody(block)) };
  } catch (error) {
    const problem = problemOf(error);
    return { ok: false, error: problem.message, ...(problem.offset !== undefined ? { offset: problem.offset } : {}) };
  }
}

/** How many CERTIFICATE blocks PEM text holds, without decoding them (0 on any problem). */
export function countPemCertificates(text: string): number {
  return (text.match(/-----BEGIN (TRUSTED )?CERTIFICATE-----/g) ?? []).length;
}
