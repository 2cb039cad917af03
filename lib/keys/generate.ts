/**
 * Key generation with WebCrypto (RSA, P-curves, Ed25519) and @noble/curves
 * (secp256k1, and Ed25519 where WebCrypto lacks it). No DOM use, so the UI
 * can run it in a worker.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { base64urlDecode, base64urlEncode, hexEncode } from './base64';
import { jwkToPem } from './convert';
import { publicJwkOf } from './describe';
import { jwkThumbprint } from './thumbprint';
import { ML_DSA_SEED_BYTES, type MlDsaName } from './mldsa-params';
import type { Jwk } from './types';

export type GeneratedKeyKind =
  | 'HS256'
  | 'HS384'
  | 'HS512'
  | 'RSA-2048'
  | 'RSA-3072'
  | 'RSA-4096'
  | 'P-256'
  | 'P-384'
  | 'P-521'
  | 'Ed25519'
  | 'secp256k1'
  | MlDsaName;

export const GENERATED_KEY_KINDS: readonly GeneratedKeyKind[] = [
  'HS256', 'HS384', 'HS512', 'RSA-2048', 'RSA-3072', 'RSA-4096', 'P-256', 'P-384', 'P-521', 'Ed25519', 'secp256k1',
  'ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87',
];

export interface GeneratedKey {
  kind: GeneratedKeyKind;
  /** The private key (for HS*: the secret), with `kid` set. */
  privateJwk: Jwk;
  /** The public key, with `kid` set (for HS*: the secret again). */
  publicJwk: Jwk;
  /** PKCS#8 PEM; absent for HMAC secrets, which have no PEM form. */
  privatePem?: string;
  /** SPKI PEM; absent for HMAC secrets. */
  publicPem?: string;
  /** The RFC 7638 thumbprint of the key. */
  kid: string;
  /** `{"keys":[publicJwk]}`, pretty-printed; absent for HMAC secrets, which must never be published. */
  jwks?: string;
  /** For HMAC secrets: the secret bytes as text. */
  secret?: { base64url: string; hex: string };
}

/** Only the key members: WebCrypto's export adds alg, key_ops and ext. */
function keyMembers(jwk: JsonWebKey): Jwk {
  const out: Jwk = { kty: String(jwk.kty) };
  for (const m of ['crv', 'n', 'e', 'x', 'y', 'd', 'p', 'q', 'dp', 'dq', 'qi', 'k'] as const) {
    const value = jwk[m];
    if (typeof value === 'string') out[m] = value;
  }
  return out;
}

async function webCryptoPair(algorithm: RsaHashedKeyGenParams | EcKeyGenParams | Algorithm): Promise<Jwk> {
  const pair = (await crypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  return keyMembers(await crypto.subtle.exportKey('jwk', pair.privateKey));
}

async function ed25519Pair(): Promise<Jwk> {
  try {
    return await webCryptoPair({ name: 'Ed25519' });
  } catch {
    // Older browsers lack Ed25519 in WebCrypto.
    const d = ed25519.utils.randomSecretKey();
    return { kty: 'OKP', crv: 'Ed25519', x: base64urlEncode(ed25519.getPublicKey(d)), d: base64urlEncode(d) };
  }
}

function secp256k1Pair(): Jwk {
  const d = secp256k1.utils.randomSecretKey();
  const point = secp256k1.getPublicKey(d, false);
  return {
    kty: 'EC',
    crv: 'secp256k1',
    x: base64urlEncode(point.subarray(1, 33)),
    y: base64urlEncode(point.subarray(33)),
    d: base64urlEncode(d),
  };
}

/** An AKP key (draft-ietf-cose-dilithium): a random 32-byte seed and the public key FIPS 204 derives from it. */
async function mlDsaPair(name: MlDsaName): Promise<Jwk> {
  const { ml_dsa44, ml_dsa65, ml_dsa87 } = await import('@noble/post-quantum/ml-dsa.js');
  const dsa = name === 'ML-DSA-44' ? ml_dsa44 : name === 'ML-DSA-65' ? ml_dsa65 : ml_dsa87;
  const seed = crypto.getRandomValues(new Uint8Array(ML_DSA_SEED_BYTES));
  return { kty: 'AKP', alg: name, pub: base64urlEncode(dsa.keygen(seed).publicKey), priv: base64urlEncode(seed) };
}

async function privateJwkFor(kind: GeneratedKeyKind): Promise<Jwk> {
  switch (kind) {
    case 'HS256':
    case 'HS384':
    case 'HS512':
      return { kty: 'oct', k: base64urlEncode(crypto.getRandomValues(new Uint8Array(Number(kind.slice(2)) / 8))) };
    case 'RSA-2048':
    case 'RSA-3072':
    case 'RSA-4096':
      return webCryptoPair({
        name: 'RSASSA-PKCS1-v1_5',
        modulusLength: Number(kind.slice(4)),
        publicExponent: new Uint8Array([1, 0, 1]),
        hash: 'SHA-256',
      });
    case 'P-256':
    case 'P-384':
    case 'P-521':
      return webCryptoPair({ name: 'ECDSA', namedCurve: kind });
    case 'Ed25519':
      return ed25519Pair();
    case 'secp256k1':
      return secp256k1Pair();
    case 'ML-DSA-44':
    case 'ML-DSA-65':
    case 'ML-DSA-87':
      return mlDsaPair(kind);
  }
}

/** Generates a key of the given kind; rejects only if the platform lacks the algorithm. */
export async function generateKey(kind: GeneratedKeyKind): Promise<GeneratedKey> {
  const bare = await privateJwkFor(kind);
  const kid = await jwkThumbprint(bare);
  const privateJwk: Jwk = { ...bare, kid };
  const publicJwk = publicJwkOf(privateJwk);
  if (bare.kty === 'oct') {
    const decoded = base64urlDecode(String(bare.k));
    const hex = decoded.ok ? hexEncode(decoded.bytes) : '';
    return { kind, privateJwk, publicJwk, kid, secret: { base64url: String(bare.k), hex } };
  }
  const privatePem = jwkToPem(privateJwk, 'private');
  const publicPem = jwkToPem(publicJwk, 'public');
  return {
    kind,
    privateJwk,
    publicJwk,
    kid,
    jwks: JSON.stringify({ keys: [publicJwk] }, null, 2),
    ...(privatePem.ok ? { privatePem: privatePem.pem } : {}),
    ...(publicPem.ok ? { publicPem: publicPem.pem } : {}),
  };
}
