// ML-DSA with an AKP JWK (draft-ietf-cose-dilithium): loaded by primitives.ts only when an
// ML-DSA token is verified or signed, so the verification code other tokens load stays small.

import type { Jwk } from '@/lib/keys/types';
import type { JwsAlgorithm } from './algorithms';
import { MlDsaKeyError, mlDsaSign, mlDsaVerify } from './mldsa';
import { KeyUseError, reasonOf, requireBytes } from './key-use-error';
import { t } from './messages';

function mlDsaName(alg: JwsAlgorithm, jwk: Jwk) {
  if (jwk.kty !== 'AKP') throw new KeyUseError(t('jws.mlDsaNeedsAkp', { alg: alg.name }));
  if (jwk.alg !== alg.name) throw new KeyUseError(t('jws.akpForOtherAlg', { keyAlg: String(jwk.alg), alg: alg.name }));
  return alg.name as 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';
}

/** Errors of the ML-DSA module are key problems (wrong lengths, refused import), never crashes. */
async function asKeyProblem<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof MlDsaKeyError) throw new KeyUseError(error.message);
    throw new KeyUseError(t('jws.mlDsaNotUsable', { reason: reasonOf(error) }));
  }
}

export function verifyMlDsa(alg: JwsAlgorithm, jwk: Jwk, data: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>): Promise<boolean> {
  const name = mlDsaName(alg, jwk);
  const pub = requireBytes(jwk.pub, 'pub', undefined, t('jws.whatKey', { name }));
  return asKeyProblem(() => mlDsaVerify(name, pub, data, signature));
}

export function signMlDsa(alg: JwsAlgorithm, jwk: Jwk, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const name = mlDsaName(alg, jwk);
  const seed = requireBytes(jwk.priv, 'priv', undefined, t('jws.whatPrivateKey', { name }));
  const pub = jwk.pub === undefined ? undefined : requireBytes(jwk.pub, 'pub', undefined, t('jws.whatKey', { name }));
  return asKeyProblem(async () => {
    const signature = await mlDsaSign(name, seed, data);
    // A "pub" that is not the seed's public key would make every signature fail to verify: say so now.
    if (pub && !(await mlDsaVerify(name, pub, data, signature as Uint8Array<ArrayBuffer>))) {
      throw new MlDsaKeyError(t('jws.mlDsaHalvesMismatch'));
    }
    return signature;
  });
}
