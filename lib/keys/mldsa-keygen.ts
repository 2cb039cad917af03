/**
 * The ML-DSA key pair of a seed (FIPS 204 ML-DSA.KeyGen_internal), with
 * @noble/post-quantum. Reading an ML-DSA private key from PKCS#8 needs it, to
 * find the public key; like the curve arithmetic (curves.ts) it is loaded only
 * when such a key is read (loadMlDsaKeygen; readKeyText does that).
 */
import { KeyError } from './errors';
import type { MlDsaName } from './mldsa-params';
import { t } from './messages';

type MlDsaModule = typeof import('@noble/post-quantum/ml-dsa.js');
let mlDsa: MlDsaModule | null = null;

export async function loadMlDsaKeygen(): Promise<void> {
  mlDsa ??= await import('@noble/post-quantum/ml-dsa.js');
}

export const mlDsaKeygenLoaded = (): boolean => mlDsa !== null;

/** The encoded public key and expanded private key of a 32-byte seed. */
export function mlDsaKeyPair(name: MlDsaName, seed: Uint8Array): { publicKey: Uint8Array; expandedKey: Uint8Array } {
  if (!mlDsa) throw new KeyError(t('keys.mlDsaMissing'));
  const dsa = name === 'ML-DSA-44' ? mlDsa.ml_dsa44 : name === 'ML-DSA-65' ? mlDsa.ml_dsa65 : mlDsa.ml_dsa87;
  const { publicKey, secretKey } = dsa.keygen(seed);
  return { publicKey, expandedKey: secretKey };
}
