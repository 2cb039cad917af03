// Naming JSON values in messages ("it is an array"), and telling a JSON object from the rest.

import { t } from './messages';

/** A JSON object, as opposed to an array, null or a scalar. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What a parsed JSON value is, in words that fit "it is …". */
export function kindOfJson(value: unknown): string {
  // JSON's own literal, written as JSON writes it in every language.
  if (value === null) return 'null';
  if (Array.isArray(value)) return t('token.kindArray');
  if (typeof value === 'string') return t('token.kindString');
  if (typeof value === 'number') return t('token.kindNumber');
  if (typeof value === 'boolean') return t('token.kindLiteral', { value: String(value) });
  return t('token.kindOther');
}
