/**
 * Security notes about well-known secrets: a pasted secret that is on the list (an exact
 * lookup, cheap enough for the page), and a token whose signature verifies with a secret
 * from the list (found by `findWellKnownSecret`, which is run in a worker).
 */
import { rfc } from '../claims/specs';
import type { Finding } from '../findings/types';
import type { SecretEncoding } from '../keys/types';
import { isWellKnownSecret } from './well-known';
import { t } from './messages';

const HMAC_ALGS: ReadonlySet<string> = new Set(['HS256', 'HS384', 'HS512']);

/** The note for a pasted secret that is on the list, or null. Only UTF-8 text can be on it. */
export function listedSecretFinding(keyText: string, secretEncoding: SecretEncoding): Finding | null {
  if (secretEncoding !== 'utf8' || !isWellKnownSecret(keyText)) return null;
  return {
    id: 'well-known-secret',
    severity: 'high',
    title: t('secrets.listedTitle'),
    detail: t('secrets.listedDetail'),
    spec: rfc(8725, '3.5'),
    where: 'header',
    claim: 'alg',
  };
}

/** The note for a token that verifies with `secret` from the list. */
export function verifiesWithWellKnownFinding(secret: string): Finding {
  return {
    id: 'well-known-secret-verifies',
    severity: 'high',
    title: t('secrets.verifiesTitle'),
    detail: t('secrets.verifiesDetail', { secret }),
    spec: rfc(8725, '3.5'),
    where: 'header',
    claim: 'alg',
  };
}

/**
 * The compact token to try the list against, or null when there is nothing to try: a key
 * is given, the header's own `alg` is not HS256/384/512, or the token has not three parts.
 */
export function secretTrialToken(compact: string | undefined, header: Record<string, unknown> | null, keyText: string): string | null {
  if (compact === undefined || keyText.trim() !== '' || header === null || !Object.hasOwn(header, 'alg')) return null;
  const alg = header.alg;
  if (typeof alg !== 'string' || !HMAC_ALGS.has(alg)) return null;
  const token = compact.trim();
  let dots = 0;
  for (let i = 0; i < token.length && dots < 3; i++) if (token.charCodeAt(i) === 46) dots++;
  return dots === 2 && !token.endsWith('.') ? token : null;
}
