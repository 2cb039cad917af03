/**
 * Reading key text without the key parsers when it is a secret. An HMAC secret (the
 * sample's, most HS256 links') needs only lib/keys/secret; PEM, JWK, DER and
 * certificates need lib/keys/parse and all it brings, fetched only for such text.
 */
import { classify, formatLabel } from './detect';
import { problemOf } from './errors';
import { parseSecret } from './secret';
import type { KeyFormat, KeyParseResult } from './types';
import type { ParseOptions } from './parse';

/** What parseKeyText and detectKeyFormat say about text shaped like a secret; null for any other text. */
export function readSecretText(text: string, options: ParseOptions = {}): { parsed: KeyParseResult; detected: { format: KeyFormat; label: string } } | null {
  let secret: boolean;
  try {
    secret = classify(text).kind === 'secret';
  } catch {
    return null;
  }
  if (!secret) return null;
  let parsed: KeyParseResult;
  try {
    parsed = parseSecret(text, options.secretEncoding ?? 'utf8');
  } catch (error) {
    parsed = { ok: false, error: problemOf(error) };
  }
  return { parsed, detected: { format: 'secret', label: formatLabel('secret') } };
}

/** readKeyText, loading the key parsers only for text that is not a secret. */
export async function readKeyTextLazily(text: string, options: ParseOptions = {}): Promise<KeyParseResult> {
  const secret = readSecretText(text, options);
  if (secret) return secret.parsed;
  const { readKeyText } = await import('./index');
  return readKeyText(text, options);
}
