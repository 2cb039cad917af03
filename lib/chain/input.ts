/**
 * Where certificate chains come from: a token's "x5c" header (standard base64
 * DER, leaf first, RFC 7515 §4.1.6) or PEM text (a chain pasted as the key, or
 * the trust anchors). Light and synchronous; the validation itself is in
 * ./validate, which loads the X.509 library. Self-contained on purpose: sharing
 * lib/keys modules here would change how the bundler splits the chunks that the
 * decoder loads before its editor.
 */

export type CertificateList = { ok: true; ders: Uint8Array[] } | { ok: false; error: string; offset?: number };

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Standard base64 (RFC 4648 §4), whitespace ignored; the message says where it breaks. */
export function decodeBase64(text: string): { ok: true; bytes: Uint8Array } | { ok: false; message: string; offset: number } {
  const compact = text.replace(/\s+/g, '');
  if (!BASE64.test(compact)) {
    const offset = [...compact].findIndex((char, index) => !/[A-Za-z0-9+/=]/.test(char) || (char === '=' && index < compact.length - 2));
    const char = compact.charAt(offset);
    return { ok: false, message: `character ${JSON.stringify(char)} at position ${offset + 1} is not standard base64`, offset };
  }
  if (compact.length % 4 !== 0) return { ok: false, message: `${compact.length} characters cannot be complete base64 (it comes in groups of 4)`, offset: compact.length };
  const binary = atob(compact);
  return { ok: true, bytes: Uint8Array.from(binary, (char) => char.charCodeAt(0)) };
}

export function certificatesFromX5c(x5c: unknown): CertificateList {
  if (!Array.isArray(x5c) || x5c.length === 0) return { ok: false, error: 'The "x5c" header must be a non-empty array of base64 DER certificates (RFC 7515 §4.1.6).' };
  const ders: Uint8Array[] = [];
  for (const [index, entry] of x5c.entries()) {
    if (typeof entry !== 'string') return { ok: false, error: `x5c[${index}] is not a string of base64 DER.` };
    const decoded = decodeBase64(entry);
    if (!decoded.ok) {
      const hint = /[-_]/.test(entry) ? ' (x5c uses standard base64 with + and /, not base64url)' : '';
      return { ok: false, error: `x5c[${index}] is not valid base64${hint}: ${decoded.message}.` };
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
    if (!match[3]?.startsWith('-----END')) return { ok: false, error: `Certificate ${number} has no END line (-----END CERTIFICATE-----); was it cut off?`, offset: match.index ?? 0 };
    const decoded = decodeBase64(match[2] ?? '');
    if (!decoded.ok) return { ok: false, error: `Certificate ${number}: ${decoded.message}.`, offset: bodyOffset };
    if (decoded.bytes.length === 0) return { ok: false, error: `Certificate ${number} is empty.`, offset: bodyOffset };
    ders.push(decoded.bytes);
  }
  return { ok: true, ders };
}

/** How many CERTIFICATE blocks PEM text holds, without decoding them. */
export function countPemCertificates(text: string): number {
  return (text.match(/-----BEGIN (TRUSTED )?CERTIFICATE-----/g) ?? []).length;
}
