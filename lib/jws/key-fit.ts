/**
 * Does a key fit an algorithm? Plain sentences for when it does not, the
 * key-confusion check (RFC 8725 §2.1), and the key-size warnings.
 */
import type { Jwk, KeyFormat, ParsedKey } from '@/lib/keys/types';
import { jwkVisibility } from '@/lib/keys/visibility';
import { CURVES, isJwsCurve, type JwsAlgorithm } from './algorithms';
import { jwkBytes } from './base64url';
import { t } from './messages';
import { activeLocale } from '@/lib/i18n/translate';

export type KeyPurpose = 'verify' | 'sign';

export interface KeyFitProblem {
  message: string;
  /** An HMAC algorithm paired with an asymmetric key: the classic alg-confusion attack. */
  keyConfusion?: boolean;
}

/** "a 256-bit secret", "an RSA 2048-bit public key"; other languages name the key as it is. */
export function withArticle(phrase: string): string {
  if (activeLocale() !== 'en') return phrase;
  return /^(RSA|EC|OKP|AKP|ML-DSA|Ed|X\d|[aeiouAEIOU]|8|11(?!\d)|18(?!\d))/.test(phrase) ? `an ${phrase}` : `a ${phrase}`;
}

/** What the algorithm needs, as a noun phrase: "an EC P-256 public key". */
export function requiredKey(alg: JwsAlgorithm, purpose: KeyPurpose): string {
  const verify = purpose === 'verify';
  const curves = alternatives(alg.curves ?? []);
  switch (alg.family) {
    case 'HMAC':
      return t('jws.needsSharedSecret');
    case 'RSA':
    case 'RSA-PSS':
      return verify ? t('jws.needsRsaPublic') : t('jws.needsRsaPrivate');
    case 'ECDSA':
      return verify ? t('jws.needsEcPublic', { curves }) : t('jws.needsEcPrivate', { curves });
    case 'EdDSA':
      return verify ? t('jws.needsOkpPublic', { curves }) : t('jws.needsOkpPrivate', { curves });
    case 'ML-DSA':
      return verify ? t('jws.needsAkpPublic', { alg: alg.name }) : t('jws.needsAkpPrivate', { alg: alg.name });
    case 'none':
      return t('jws.needsNoKey');
  }
}

/** "P-256", "Ed25519 or Ed448". */
function alternatives(names: readonly string[]): string {
  return names.reduce((list, name) => (list === '' ? name : t('jws.curveAlternatives', { first: list, second: name })), '');
}

export function keyKid(key: ParsedKey): string | undefined {
  if (key.kid !== undefined) return key.kid;
  return typeof key.jwk.kid === 'string' ? key.jwk.kid : undefined;
}

function isPemFormat(format: KeyFormat | undefined): boolean {
  return format !== undefined && format.startsWith('pem-');
}

function keyConfusionMessage(alg: JwsAlgorithm, key: ParsedKey, keyFormat?: KeyFormat): string {
  const values = { alg: alg.name, description: withArticle(key.description) };
  return isPemFormat(keyFormat) ? t('jws.keyConfusionPem', values) : t('jws.keyConfusion', values);
}

/** Undefined when the key can be used with the algorithm for this purpose. */
export function checkKeyFits(alg: JwsAlgorithm, key: ParsedKey, purpose: KeyPurpose, keyFormat?: KeyFormat): KeyFitProblem | undefined {
  const jwk = key.jwk;
  const needs = requiredKey(alg, purpose);
  const mismatch = (): KeyFitProblem => ({ message: t('jws.keyMismatch', { alg: alg.name, needs, description: withArticle(key.description) }) });

  if (alg.family === 'none') return undefined;
  if (alg.family === 'HMAC') {
    if (jwk.kty === 'oct') return undefined;
    if (purpose === 'verify' && (jwk.kty === 'RSA' || jwk.kty === 'EC' || jwk.kty === 'OKP' || jwk.kty === 'AKP')) {
      return { message: keyConfusionMessage(alg, key, keyFormat), keyConfusion: true };
    }
    return { message: t('jws.hmacNeedsSecret', { alg: alg.name, description: withArticle(key.description) }) };
  }
  if (jwk.kty !== alg.keyType) return mismatch();
  if (alg.family === 'ML-DSA') {
    if (jwk.alg !== alg.name) return mismatch();
    if (purpose === 'sign' && jwkVisibility(jwk) !== 'private') return { message: t('jws.signingNeedsPrivateSeed', { description: key.description }) };
    return undefined;
  }
  if (alg.curves && !(isJwsCurve(jwk.crv) && alg.curves.includes(jwk.crv))) return mismatch();
  if (purpose === 'sign' && jwkVisibility(jwk) !== 'private') {
    return { message: t('jws.signingNeedsPrivate', { description: key.description }) };
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
    return [t('jws.secretTooShort', { bits: String(bits), min: String(alg.minKeyBits), alg: alg.name, spec: alg.spec })];
  }
  return [t('jws.rsaKeyTooShort', { bits: String(bits), min: String(alg.minKeyBits), alg: alg.name, spec: alg.spec })];
}

/** Notes on what a JWK declares about itself that contradicts this use. */
export function declaredUseWarnings(alg: JwsAlgorithm, jwk: Jwk): string[] {
  const warnings: string[] = [];
  if (typeof jwk.alg === 'string' && jwk.alg !== alg.name) {
    warnings.push(t('jws.keyDeclaresOtherAlg', { keyAlg: jwk.alg, alg: alg.name }));
  }
  if (jwk.use === 'enc') {
    warnings.push(t('jws.keyMarkedForEncryption'));
  }
  return warnings;
}
