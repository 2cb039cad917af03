/**
 * The "crit" header parameter (RFC 7515 §4.1.11): extensions the recipient
 * must understand, or reject the token. We understand exactly one, "b64"
 * (RFC 7797).
 */

import { t } from './messages';

const UNDERSTOOD_EXTENSIONS = new Set(['b64']);

/** Header parameters RFC 7515 and RFC 7518 define for JWS; they must never be listed in crit. */
const REGISTERED = new Set(['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ', 'cty', 'crit']);

/** A sentence saying why the JWS is invalid, or undefined when crit (and b64) are acceptable. */
export function checkCritical(header: Record<string, unknown>): string | undefined {
  const crit = header.crit;
  if (crit !== undefined) {
    const rule = 'RFC 7515 §4.1.11';
    if (!Array.isArray(crit) || crit.length === 0 || !crit.every((name) => typeof name === 'string')) {
      return t('jws.critNotList', { rule });
    }
    const names = crit as string[];
    const registered = names.filter((name) => REGISTERED.has(name));
    if (registered.length > 0) {
      return t('jws.critRegistered', { names: quoteAll(registered), rule });
    }
    const absent = names.filter((name) => !Object.hasOwn(header, name));
    if (absent.length > 0) {
      return t('jws.critAbsent', { names: quoteAll(absent), count: absent.length, rule });
    }
    const unknown = names.filter((name) => !UNDERSTOOD_EXTENSIONS.has(name));
    if (unknown.length > 0) {
      return t('jws.critUnknown', { names: quoteAll(unknown), count: unknown.length, rule });
    }
  }
  const b64 = header.b64;
  if (b64 !== undefined && typeof b64 !== 'boolean') {
    return t('jws.b64NotBoolean');
  }
  if (b64 === false && !(Array.isArray(crit) && crit.includes('b64'))) {
    return t('jws.b64NotInCrit');
  }
  return undefined;
}

function quoteAll(names: string[]): string {
  return names.map((name) => `"${name}"`).join(', ');
}
