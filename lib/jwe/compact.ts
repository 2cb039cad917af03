/** Splitting a compact JWE and reading its protected header, with located errors. */
import { base64UrlToBytes, bytesToBase64Url, utf8OrNull } from './bytes';

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
      error: `A compact JWE has 5 dot-separated segments (header.encrypted_key.iv.ciphertext.tag); this token has ${parts.length}.`,
    };
  }
  const bytes = base64UrlToBytes(parts[0] ?? '');
  if (bytes === null) {
    return { ok: false, error: 'The protected header (segment 1) is not valid base64url.' };
  }
  const text = utf8OrNull(bytes);
  if (text === null) return { ok: false, error: 'The protected header (segment 1) is not UTF-8 text.' };
  let header: unknown;
  try {
    header = JSON.parse(text);
  } catch {
    return { ok: false, error: 'The protected header (segment 1) is not valid JSON.' };
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    return { ok: false, error: 'The protected header (segment 1) is not a JSON object.' };
  }
  const record = header as Record<string, unknown>;
  if (typeof record.alg !== 'string' || record.alg === '') {
    return { ok: false, error: 'The protected header has no "alg" (key management algorithm).' };
  }
  if (typeof record.enc !== 'string' || record.enc === '') {
    return { ok: false, error: 'The protected header has no "enc" (content encryption algorithm).' };
  }
  return { ok: true, header: record as JweHeader, warnings: nonCanonicalWarnings(parts) };
}

const SEGMENT_NAMES = ['protected header', 'encrypted key', 'initialization vector', 'ciphertext', 'authentication tag'];

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
        `Segment ${index + 1} (${SEGMENT_NAMES[index] ?? 'segment'}) is not canonical base64url: its last character carries unused bits, so it was edited or written by a careless encoder.`,
      );
    }
  });
  return warnings;
}
