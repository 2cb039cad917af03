/** Reading JSON text (a decrypted JWE plaintext) as a claims set, with the same limits as a JWS payload. */
import { MAX_JSON_DEPTH, scanJson } from './json-scan';

/**
 * The JSON object in `text`, or null when it is not JSON, not an object, or
 * nests deeper than a JWS payload may (so nothing downstream overflows the stack).
 */
export function parseClaimsSet(text: string): Record<string, unknown> | null {
  const scan = scanJson(text, 0);
  if (scan.error || scan.maxDepth > MAX_JSON_DEPTH) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
