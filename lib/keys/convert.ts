/** JWK → PEM (SPKI for public keys, PKCS#8 for private ones), ML-DSA (AKP) included. */
import { jwkToParsedKey } from './jwk';
import { problemOf } from './errors';
import { pkcs8Der } from './pkcs8';
import { toPem } from './pem';
import { spkiDer } from './spki';
import type { Jwk, KeyProblem } from './types';
import { jwkVisibility } from './visibility';
import { t } from './messages';

export function jwkToPem(jwk: Jwk, kind: 'public' | 'private'): { ok: true; pem: string } | { ok: false; error: KeyProblem } {
  try {
    // Validate first, so the DER writer only ever sees well-formed members.
    jwkToParsedKey(jwk, new Date(), []);
  } catch (error) {
    return { ok: false, error: problemOf(error) };
  }
  if (jwk.kty === 'oct') return { ok: false, error: { message: t('keys.octNoPem') } };
  if (kind === 'public') return { ok: true, pem: toPem('PUBLIC KEY', spkiDer(jwk)) };
  if (jwkVisibility(jwk) !== 'private') {
    const member = jwk.kty === 'AKP' ? 'priv' : 'd';
    return { ok: false, error: { message: t('keys.publicNoPrivatePem', { member }) } };
  }
  if (jwk.kty === 'RSA') {
    const missing = ['p', 'q', 'dp', 'dq', 'qi'].filter((m) => typeof jwk[m] !== 'string');
    if (missing.length > 0) {
      return { ok: false, error: { message: t('keys.pkcs8RsaMissing', { members: missing.join(', ') }) } };
    }
  }
  return { ok: true, pem: toPem('PRIVATE KEY', pkcs8Der(jwk)) };
}
