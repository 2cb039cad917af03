/** Splitting a compact JWE and reading its protected header, with located errors. */
import { base64UrlToBytes, bytesToBase64Url, utf8OrNull } from './bytes';
import { t } from './messages';

export interface JweHeader {
  alg: string;
  enc: string;
  [parameter: string]: unknown;
}

export type CompactJweParse =
  | { ok: true; header: JweHeader; warnings: string[] }
  | { ok: false; error: string };

/** Reads the header of a compact JWE without decrypting anything. */
export function readCompactJwe(token: string): CompactJweParse {
  const parts = token.trim().split('.');
  if (parts.length !== 5) {
    return {
      ok: false,
      error: t('jwe.segmentCount', { count: parts.length }),
    };
  }
  const bytes = base64UrlToBytes(parts[0] ?? '');
  if (bytes === null) {
    return { ok: false, error: t('jwe.headerNotBase64url') };
  }
  const text = utf8OrNull(bytes);
  if (text === null) return { ok: false, error: t('jwe.headerNotUtf8') };
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch {
    return { ok: false, error: t('jwe.headerNotJson') };
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    return { ok: false, error: t('jwe.headerNotObject') };
  }
  const record = header as Record<string, unknown>;
  if (typeof record.alg !== 'string' || record.alg === '') {
    return { ok: false, error: t('jwe.headerNoAlg') };
  }
  if (typeof record.enc !== 'string' || record.enc === '') {
    return { ok: false, error: t('jwe.headerNoEnc') };
  }
  return { ok: true, header: record as JweHeader, warnings: nonCanonicalWarnings(parts) };
}

const SEGMENTS = ['header', 'key', 'iv', 'ciphertext', 'tag'];

/**
 * Base64url with non-zero unused bits in its last character decodes to the same
 * bytes, so such a change would go unnoticed by decryption: point it out.
 */
function nonCanonicalWarnings(parts: string[]): string[] {
  const warnings: string[] = [];
  parts.forEach((part, index) => {
    const bytes = base64UrlToBytes(part);
    if (bytes !== null && bytesToBase64Url(bytes) !== part) {
      warnings.push(
        t('jwe.nonCanonical', { number: index + 1, segment: SEGMENTS[index] ?? 'other' }),
      );
    }
  });
  return warnings;
}
