/**
 * The JWS algorithm table (RFC 7518 §3, RFC 8037, RFC 8812, RFC 9864,
 * and ML-DSA from draft-ietf-cose-dilithium).
 * Everything that differs between algorithms lives here as data, so verify
 * and sign never branch on the spelling of an alg name.
 */

export type AlgorithmFamily = 'HMAC' | 'RSA' | 'RSA-PSS' | 'ECDSA' | 'EdDSA' | 'ML-DSA' | 'none';
export type HashName = 'SHA-256' | 'SHA-384' | 'SHA-512';
export type JwsKeyType = 'oct' | 'RSA' | 'EC' | 'OKP' | 'AKP';
export type JwsCurve = 'P-256' | 'P-384' | 'P-521' | 'secp256k1' | 'Ed25519' | 'Ed448';
/** Who does the maths: the platform's WebCrypto, or @noble/curves where WebCrypto has no support. */
export type Implementation = 'webcrypto' | 'noble';

export interface CurveInfo {
  name: JwsCurve;
  keyType: 'EC' | 'OKP';
  /** Nominal size in bits, as people name it ("P-521", "Ed448"). */
  bits: number;
  /** Bytes of each public coordinate (x, y) or of the OKP public key. */
  coordinateBytes: number;
  /** Bytes of a JOSE signature: r‖s for ECDSA, the RFC 8032 signature for EdDSA. */
  signatureBytes: number;
  implementation: Implementation;
}

export const CURVES: Readonly<Record<JwsCurve, CurveInfo>> = {
  'P-256': { name: 'P-256', keyType: 'EC', bits: 256, coordinateBytes: 32, signatureBytes: 64, implementation: 'webcrypto' },
  'P-384': { name: 'P-384', keyType: 'EC', bits: 384, coordinateBytes: 48, signatureBytes: 96, implementation: 'webcrypto' },
  'P-521': { name: 'P-521', keyType: 'EC', bits: 521, coordinateBytes: 66, signatureBytes: 132, implementation: 'webcrypto' },
  // jose v6 and browsers' WebCrypto have no secp256k1 and no Ed448.
  secp256k1: { name: 'secp256k1', keyType: 'EC', bits: 256, coordinateBytes: 32, signatureBytes: 64, implementation: 'noble' },
  Ed25519: { name: 'Ed25519', keyType: 'OKP', bits: 256, coordinateBytes: 32, signatureBytes: 64, implementation: 'webcrypto' },
  Ed448: { name: 'Ed448', keyType: 'OKP', bits: 448, coordinateBytes: 57, signatureBytes: 114, implementation: 'noble' },
};

export interface JwsAlgorithm {
  name: string;
  family: AlgorithmFamily;
  /** The hash in the algorithm's name; EdDSA hashes internally and has none here. */
  hash?: HashName;
  keyType?: JwsKeyType;
  /** Curves the key may be on (ECDSA: exactly one; EdDSA: one or two). */
  curves?: readonly JwsCurve[];
  /** Smallest key allowed: HMAC secret ≥ hash size (RFC 7518 §3.2), RSA modulus ≥ 2048 (§3.3, §3.5). */
  minKeyBits?: number;
  /** Fixed signature size in bytes, where the algorithm fixes it (HMAC, ECDSA r‖s, fully-specified EdDSA). */
  signatureBytes?: number;
  /** For curve algorithms the curve decides; see implementationFor. */
  implementation: Implementation;
  /** Where the algorithm is defined, for messages. */
  spec: string;
}

const HASH_BYTES: Readonly<Record<HashName, number>> = { 'SHA-256': 32, 'SHA-384': 48, 'SHA-512': 64 };

export function hashBytes(hash: HashName): number {
  return HASH_BYTES[hash];
}

function hmac(name: string, hash: HashName): JwsAlgorithm {
  const bits = HASH_BYTES[hash] * 8;
  return { name, family: 'HMAC', hash, keyType: 'oct', minKeyBits: bits, signatureBytes: bits / 8, implementation: 'webcrypto', spec: 'RFC 7518 §3.2' };
}

function rsa(name: string, family: 'RSA' | 'RSA-PSS', hash: HashName): JwsAlgorithm {
  const spec = family === 'RSA' ? 'RFC 7518 §3.3' : 'RFC 7518 §3.5';
  return { name, family, hash, keyType: 'RSA', minKeyBits: 2048, implementation: 'webcrypto', spec };
}

function ecdsa(name: string, hash: HashName, curve: JwsCurve, spec: string): JwsAlgorithm {
  const info = CURVES[curve];
  return { name, family: 'ECDSA', hash, keyType: 'EC', curves: [curve], signatureBytes: info.signatureBytes, implementation: info.implementation, spec };
}

function eddsa(name: string, curves: readonly JwsCurve[], spec: string): JwsAlgorithm {
  const only = curves.length === 1 ? CURVES[curves[0] as JwsCurve] : undefined;
  return { name, family: 'EdDSA', keyType: 'OKP', curves, signatureBytes: only?.signatureBytes, implementation: only?.implementation ?? 'webcrypto', spec };
}

/** Signature sizes of FIPS 204 Table 2 (the same as lib/keys/mldsa-params, which this table must not import to stay light). */
function mlDsa(name: 'ML-DSA-44' | 'ML-DSA-65' | 'ML-DSA-87', signatureBytes: number): JwsAlgorithm {
  // WebCrypto where the browser has ML-DSA, @noble/post-quantum otherwise (lib/jws/mldsa.ts decides at run time).
  return { name, family: 'ML-DSA', keyType: 'AKP', signatureBytes, implementation: 'webcrypto', spec: 'FIPS 204, draft-ietf-cose-dilithium' };
}

const TABLE: readonly JwsAlgorithm[] = [
  hmac('HS256', 'SHA-256'),
  hmac('HS384', 'SHA-384'),
  hmac('HS512', 'SHA-512'),
  rsa('RS256', 'RSA', 'SHA-256'),
  rsa('RS384', 'RSA', 'SHA-384'),
  rsa('RS512', 'RSA', 'SHA-512'),
  rsa('PS256', 'RSA-PSS', 'SHA-256'),
  rsa('PS384', 'RSA-PSS', 'SHA-384'),
  rsa('PS512', 'RSA-PSS', 'SHA-512'),
  ecdsa('ES256', 'SHA-256', 'P-256', 'RFC 7518 §3.4'),
  ecdsa('ES384', 'SHA-384', 'P-384', 'RFC 7518 §3.4'),
  ecdsa('ES512', 'SHA-512', 'P-521', 'RFC 7518 §3.4'),
  ecdsa('ES256K', 'SHA-256', 'secp256k1', 'RFC 8812 §3.2'),
  eddsa('EdDSA', ['Ed25519', 'Ed448'], 'RFC 8037 §3.1'),
  eddsa('Ed25519', ['Ed25519'], 'RFC 9864'),
  eddsa('Ed448', ['Ed448'], 'RFC 9864'),
  mlDsa('ML-DSA-44', 2420),
  mlDsa('ML-DSA-65', 3309),
  mlDsa('ML-DSA-87', 4627),
  { name: 'none', family: 'none', implementation: 'webcrypto', spec: 'RFC 7518 §3.6' },
];

const BY_NAME = new Map(TABLE.map((entry) => [entry.name, entry]));

/** Every algorithm this module signs and verifies, in display order. */
export const JWS_ALGORITHMS: readonly JwsAlgorithm[] = TABLE;
export const JWS_ALGORITHM_NAMES: readonly string[] = TABLE.map((entry) => entry.name);

/** Exact, case-sensitive lookup: alg values are case-sensitive (RFC 7515 §4.1.1). */
export function getAlgorithm(name: string): JwsAlgorithm | undefined {
  return BY_NAME.get(name);
}

export function isJwsCurve(crv: unknown): crv is JwsCurve {
  return typeof crv === 'string' && Object.hasOwn(CURVES, crv);
}

/** Which library handles this algorithm with a key on this curve. */
export function implementationFor(alg: JwsAlgorithm, crv?: string): Implementation {
  return isJwsCurve(crv) && alg.curves?.includes(crv) ? CURVES[crv].implementation : alg.implementation;
}
