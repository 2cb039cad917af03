/**
 * The ML-DSA parameter sets (FIPS 204 Table 2) as JOSE names them
 * (draft-ietf-cose-dilithium): key type "AKP", "pub" the encoded public key,
 * "priv" the 32-byte seed. Sizes only: no maths here, so key parsing stays light.
 */

export type MlDsaName = 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87';

export interface MlDsaParams {
  name: MlDsaName;
  publicKeyBytes: number;
  /** The expanded private key (FIPS 204 skEncode), which PKCS#8 may carry instead of or beside the seed. */
  expandedKeyBytes: number;
  signatureBytes: number;
  /** NIST security category. */
  category: number;
}

export const ML_DSA: Readonly<Record<MlDsaName, MlDsaParams>> = {
  'ML-DSA-44': { name: 'ML-DSA-44', publicKeyBytes: 1312, expandedKeyBytes: 2560, signatureBytes: 2420, category: 2 },
  'ML-DSA-65': { name: 'ML-DSA-65', publicKeyBytes: 1952, expandedKeyBytes: 4032, signatureBytes: 3309, category: 3 },
  'ML-DSA-87': { name: 'ML-DSA-87', publicKeyBytes: 2592, expandedKeyBytes: 4896, signatureBytes: 4627, category: 5 },
};

/** An ML-DSA private key in JOSE is always the seed ξ of FIPS 204 Algorithm 1. */
export const ML_DSA_SEED_BYTES = 32;

export function isMlDsaName(value: unknown): value is MlDsaName {
  return typeof value === 'string' && Object.hasOwn(ML_DSA, value);
}
