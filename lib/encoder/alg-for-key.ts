/**
 * The signing algorithm that fits a key: for an asymmetric key the current
 * choice when it already fits (PS384 stays PS384 for an RSA key), for a secret
 * the HMAC whose hash matches the secret's length.
 */
import type { Jwk } from '@/lib/keys/types';

const FAMILY_ALGS: Record<string, readonly string[]> = {
  RSA: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
  'EC P-256': ['ES256'],
  'EC P-384': ['ES384'],
  'EC P-521': ['ES512'],
  'EC secp256k1': ['ES256K'],
  'OKP Ed25519': ['EdDSA', 'Ed25519'],
  'OKP Ed448': ['EdDSA', 'Ed448'],
};

/** For a secret: the HMAC whose hash matches its length (at least HS256). */
function hmacFor(bits: number): string {
  if (bits >= 512) return 'HS512';
  if (bits >= 384) return 'HS384';
  return 'HS256';
}

export function algForKey(jwk: Jwk, current: string, secretBits = 0): string {
  if (jwk.kty === 'oct') return hmacFor(secretBits);
  // An AKP key names its one algorithm.
  if (jwk.kty === 'AKP') return typeof jwk.alg === 'string' ? jwk.alg : current;
  const family = jwk.kty === 'RSA' ? 'RSA' : `${jwk.kty} ${String(jwk.crv)}`;
  const algs = Object.hasOwn(FAMILY_ALGS, family) ? FAMILY_ALGS[family] : undefined;
  if (!algs) return current;
  return algs.includes(current) ? current : algs[0]!;
}
