/** HMAC secrets (and PBES2 passwords): the text, or bytes encoded in it. */
import { base64Decode, base64urlDecode, base64urlEncode, hexDecode, utf8Encode } from './base64';
import { toParsedKey } from './describe';
import type { KeyParseResult, KeyProblem, SecretEncoding } from './types';
import { t } from './messages';

/** How the secret is written, for people: only "UTF-8 text" has words to translate. */
const encodingName = (encoding: SecretEncoding): string => (encoding === 'utf8' ? t('keys.encodingUtf8') : encoding);

/** The secret's bytes. UTF-8 text is taken exactly; encoded forms ignore surrounding whitespace. */
export function secretBytes(text: string, encoding: SecretEncoding): { ok: true; bytes: Uint8Array } | { ok: false; error: KeyProblem } {
  if (encoding === 'utf8') {
    if (text.length === 0) return { ok: false, error: { message: t('keys.secretEmpty'), offset: 0 } };
    return { ok: true, bytes: utf8Encode(text) };
  }
  const lead = text.length - text.trimStart().length;
  const trimmed = text.trim();
  if (trimmed.length === 0) return { ok: false, error: { message: t('keys.secretEmpty'), offset: 0 } };
  const decoded = encoding === 'hex' ? hexDecode(trimmed) : encoding === 'base64' ? base64Decode(trimmed) : base64urlDecode(trimmed);
  if (!decoded.ok) {
    return { ok: false, error: { message: t('keys.secretInvalid', { encoding: encodingName(encoding), reason: decoded.bare }), offset: lead + decoded.offset } };
  }
  if (decoded.bytes.length === 0) return { ok: false, error: { message: t('keys.secretZeroBytes'), offset: lead } };
  return { ok: true, bytes: decoded.bytes };
}

export function parseSecret(text: string, encoding: SecretEncoding): KeyParseResult {
  const result = secretBytes(text, encoding);
  if (!result.ok) return result;
  const warnings: string[] = [];
  if (encoding === 'utf8') {
    if (text !== text.trim()) warnings.push(t('keys.secretWhitespace'));
    if (/^(0x)?[0-9a-fA-F]{32,}$/.test(text.trim()) && text.trim().length % 2 === 0) {
      warnings.push(t('keys.secretLooksHex'));
    }
  }
  const key = toParsedKey({ kty: 'oct', k: base64urlEncode(result.bytes) });
  return { ok: true, format: 'secret', formatLabel: t('keys.secretLabel', { encoding: encodingName(encoding) }), keys: [key], warnings };
}
