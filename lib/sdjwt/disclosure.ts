// Decodes one disclosure (RFC 9901 §4.2.1, §4.2.2): base64url of a JSON array
// [salt, name, value] for an object property, [salt, value] for an array element.

import { decodeBase64url } from '@/lib/token/base64url';
import { t } from './messages';
import type { DecodedDisclosure, JsonValue } from './types';

/** Claim names a disclosure must never carry (RFC 9901 §4.2.1). */
export const RESERVED_CLAIM_NAMES = ['_sd', '...'];

export function decodeDisclosure(text: string): DecodedDisclosure {
  if (text.length === 0) return { ok: false, error: t('sdjwt.disclosureEmpty') };
  const bytes = decodeBase64url(text);
  if (!bytes.ok) return { ok: false, error: t('sdjwt.disclosureNotBase64url', { reason: bytes.error.message, position: bytes.error.index + 1 }) };
  let json: string;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(bytes.bytes);
  } catch {
    return { ok: false, error: t('sdjwt.disclosureNotUtf8') };
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    return { ok: false, error: t('sdjwt.disclosureNotJson', { reason: error instanceof Error ? error.message : String(error) }) };
  }
  if (!Array.isArray(value)) return { ok: false, error: t('sdjwt.disclosureNotArray') };
  if (value.length !== 2 && value.length !== 3) {
    return { ok: false, error: t('sdjwt.disclosureWrongLength', { count: value.length }) };
  }
  const [salt] = value as unknown[];
  if (typeof salt !== 'string') return { ok: false, error: t('sdjwt.disclosureSaltNotString') };
  if (value.length === 2) return { ok: true, salt, kind: 'element', value: value[1] as JsonValue };
  const name: unknown = value[1];
  if (typeof name !== 'string') return { ok: false, error: t('sdjwt.disclosureNameNotString') };
  return { ok: true, salt, kind: 'property', name, value: value[2] as JsonValue };
}
