/**
 * Does a key fit an algorithm? Plain sentences for when it does not, the
 * key-confusion check (RFC 8725 §2.1), and the key-size warnings.
 */
import type { Jwk, KeyFormat, ParsedKey } from '@/lib/keys/types';
import { jwkVisibility } from '@/lib/keys/visibility';
import { CURVES, isJwsCurve, type JwsAlgorithm } from './algorithms';
import { jwkBytes } from './base64url';

export type KeyPurpose = 'verify' | 'sign';

export interface KeyFitProblem {
  message: string;
  /** An HMAC algorithm paired with an asymmetric key: the classic alg-confusion attack. */
  keyConfusion?: boolean;
}

/** "a 256-bit secret", "an RSA 2048-bit public key". */
export function withArticle(phrase: string): string {
  return /^(RSA|EC|OKP|AKP|ML-DSA|Ed|X\d|[aeiouAEIOU]|8|11(?!\d)|18(?!\d))/.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

/** What the algorithm needs, as a noun phrase: "an EC P-256 public key". */
export function requiredKey(alg: JwsAlgorithm, purpose: KeyPurpose): string {
  const part = purpose === 'verify' ? 'public' : 'private';
  switch (alg.family) {
    case 'HMAC':
      return 'a shared secret';
    case 'RSA':
    case 'RSA-PSS':
      return `an RSA ${part} key`;
    case 'ECDSA':
      return `an EC ${alg.curves?.join(' or ') ?? ''} ${part} key`;
    case 'EdDSA':
      return `an OKP ${alg.curves?.join(' or ') ?? ''} ${part} key`;
    case 'ML-DSA':
      return `an AKP ${part} key with "alg": "${alg.name}"`;
    case 'none':
      return 'no key';
  }
}

export function keyKid(key: ParsedKey): string | undefined {
  if (key.kid !== undefined) return key.kid;
  return typeof key.jwk.kid === 'string' ? key.jwk.kid : undefined;
}

function isPemFormat(format: KeyFormat | undefined): boolean {
  return format !== undefined && format.startsWith('pem-');
}

function keyConfusionMessage(alg: JwsAlgorithm, key: ParsedKey, keyFormat?: KeyFormat): string {
  const asSecret = isPemFormat(keyFormat) ? 'the PEM text of the public key' : 'the public key';
  return (
    `${alg.name} is an HMAC algorithm and needs a shared secret, but this is ${withArticle(key.description)}. ` +
    `Checking an HMAC token against a public key is the classic key-confusion attack (RFC 8725 §2.1): ` +
    `an attacker switches a token's alg to ${alg.name} and signs it with ${asSecret} as the HMAC secret, ` +
    `which verifies wherever the verifier lets the token choose the algorithm. ` +
    `The signature was not checked; a verifier must fix the algorithm for each key instead of trusting the token's alg.`
  );
}

/** Undefined when the key can be used with the algorithm for this purpose. */
export function checkKeyFits(alg: JwsAlgorithm, key: ParsedKey, purpose: KeyPurpose, keyFormat?: KeyFormat): KeyFitProblem | undefined {
  const jwk = key.jwk;
  const needs = requiredKey(alg, purpose);
  const mismatch = (): KeyFitProblem => ({ message: `${alg.name} needs ${needs}; this is ${withArticle(key.description)}.` });

  if (alg.family === 'none') return undefined;
  if (alg.family === 'HMAC') {
    if (jwk.kty === 'oct') return undefined;
    if (purpose === 'verify' && (jwk.kty === 'RSA' || jwk.kty === 'EC' || jwk.kty === 'OKP' || jwk.kty === 'AKP')) {
      return { message: keyConfusionMessage(alg, key, keyFormat), keyConfusion: true };
    }
    return { message: `${alg.name} signs with a shared secret; this is ${withArticle(key.description)}.` };
  }
  if (jwk.kty !== alg.keyType) return mismatch();
  if (alg.family === 'ML-DSA') {
    if (jwk.alg !== alg.name) return mismatch();
    if (purpose === 'sign' && jwkVisibility(jwk) !== 'private') return { message: `Signing needs the private key (its "priv" seed); this is a public key (${key.description}).` };
    return undefined;
  }
  if (alg.curves && !(isJwsCurve(jwk.crv) && alg.curves.includes(jwk.crv))) return mismatch();
  if (purpose === 'sign' && jwkVisibility(jwk) !== 'private') {
    return { message: `Signing needs the private key; this is a public key (${key.description}).` };
  }
  return undefined;
}

function bitLength(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length && bytes[index] === 0) index++;
  const top = bytes[index];
  if (top === undefined) return 0;
  return (bytes.length - index - 1) * 8 + (32 - Math.clz32(top));
}

/** Key size in bits as the algorithms count it, taken from the key material itself. */
export function keySizeBits(jwk: Jwk, fallback: number): number {
  if (jwk.kty === 'oct') return (jwkBytes(jwk.k)?.length ?? fallback / 8) * 8;
  if (jwk.kty === 'RSA') {
    const modulus = jwkBytes(jwk.n);
    return modulus ? bitLength(modulus) : fallback;
  }
  if (isJwsCurve(jwk.crv)) return CURVES[jwk.crv].bits;
  return fallback;
}

/** Warnings about a key that works but is weaker than the algorithm requires. */
export function keySizeWarnings(alg: JwsAlgorithm, key: ParsedKey): string[] {
  if (alg.minKeyBits === undefined) return [];
  const bits = keySizeBits(key.jwk, key.bits);
  if (bits >= alg.minKeyBits) return [];
  if (alg.family === 'HMAC') {
    return [`This ${bits}-bit secret is shorter than the ${alg.minKeyBits} bits ${alg.name} requires (${alg.spec}).`];
  }
  return [`This ${bits}-bit RSA key is shorter than the ${alg.minKeyBits} bits ${alg.name} requires (${alg.spec}).`];
}

/** Notes on what a JWK declares about itself that contradicts this use. */
export function declaredUseWarnings(alg: JwsAlgorithm, jwk: Jwk): string[] {
  const warnings: string[] = [];
  if (typeof jwk.alg === 'string' && jwk.alg !== alg.name) {
    warnings.push(`The key declares alg "${jwk.alg}" but the token uses ${alg.name}; a strict verifier would refuse it (RFC 7517 §4.4).`);
  }
  if (jwk.use === 'enc') {
    warnings.push('The key is marked for encryption (use "enc"), not for signatures (RFC 7517 §4.2).');
  }
  return warnings;
}
