/**
 * The signature maths for one algorithm and one JWK: WebCrypto where the
 * platform has it, @noble/curves for secp256k1 and Ed448, which browsers'
 * WebCrypto (and jose v6) lack. Throws KeyUseError on unusable key material;
 * verify.ts and sign.ts turn that into result values. @noble/curves is loaded
 * only when one of those two curves is used: every other algorithm runs
 * without downloading it.
 */
import type { Jwk } from '@/lib/keys/types';
import { CURVES, hashBytes, isJwsCurve, type JwsAlgorithm, type JwsCurve } from './algorithms';
import { KeyUseError, reasonOf, requireBytes } from './key-use-error';
import { t } from './messages';

export { KeyUseError, reasonOf, requireBytes };

const RSA_PUBLIC = ['n', 'e'] as const;
const RSA_PRIVATE = ['n', 'e', 'd', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/** Only the key material: a JWK's alg/use/key_ops must not make WebCrypto refuse a key we already judged. */
function bareJwk(jwk: Jwk, withPrivate: boolean): JsonWebKey {
  const bare: JsonWebKey = { kty: jwk.kty };
  const members: readonly string[] =
    jwk.kty === 'RSA' ? (withPrivate ? RSA_PRIVATE : RSA_PUBLIC) : jwk.kty === 'EC' ? ['crv', 'x', 'y', ...(withPrivate ? ['d'] : [])] : ['crv', 'x', ...(withPrivate ? ['d'] : [])];
  for (const member of members) {
    const value = jwk[member];
    if (typeof value === 'string') (bare as Record<string, unknown>)[member] = value;
  }
  return bare;
}

function curveOf(alg: JwsAlgorithm, jwk: Jwk): JwsCurve {
  if (isJwsCurve(jwk.crv) && alg.curves?.includes(jwk.crv)) return jwk.crv;
  throw new KeyUseError(t('jws.curveNotUsable', { alg: alg.name, curve: String(jwk.crv) }));
}

const loadSecp256k1 = async () => (await import('@noble/curves/secp256k1.js')).secp256k1;
const loadEd448 = async () => (await import('@noble/curves/ed448.js')).ed448;

function secp256k1PublicKey(secp256k1: Awaited<ReturnType<typeof loadSecp256k1>>, jwk: Jwk): Uint8Array {
  const x = requireBytes(jwk.x, 'x', 32, t('jws.whatKey', { name: 'secp256k1' }));
  const y = requireBytes(jwk.y, 'y', 32, t('jws.whatKey', { name: 'secp256k1' }));
  const point = new Uint8Array(65);
  point[0] = 0x04; // uncompressed SEC1 point
  point.set(x, 1);
  point.set(y, 33);
  // noble's verify answers false for a bad point; say it is the key that is wrong.
  if (!secp256k1.utils.isValidPublicKey(point, false)) throw new KeyUseError(t('jws.secp256k1NotOnCurve'));
  return point;
}

interface WebCryptoAlgorithm {
  importParams: AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams | HmacImportParams;
  operationParams: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
}

function webCryptoAlgorithm(alg: JwsAlgorithm, jwk: Jwk): WebCryptoAlgorithm {
  const hash = alg.hash ?? 'SHA-256';
  switch (alg.family) {
    case 'HMAC':
      return { importParams: { name: 'HMAC', hash }, operationParams: { name: 'HMAC' } };
    case 'RSA':
      return { importParams: { name: 'RSASSA-PKCS1-v1_5', hash }, operationParams: { name: 'RSASSA-PKCS1-v1_5' } };
    case 'RSA-PSS':
      // JWA fixes the salt length to the hash size (RFC 7518 §3.5).
      return { importParams: { name: 'RSA-PSS', hash }, operationParams: { name: 'RSA-PSS', saltLength: hashBytes(hash) } };
    case 'ECDSA':
      return { importParams: { name: 'ECDSA', namedCurve: curveOf(alg, jwk) }, operationParams: { name: 'ECDSA', hash } };
    case 'EdDSA':
      return { importParams: { name: curveOf(alg, jwk) }, operationParams: { name: curveOf(alg, jwk) } };
    case 'ML-DSA':
      throw new KeyUseError(t('jws.notWebCryptoPath', { alg: alg.name }));
    case 'none':
      throw new KeyUseError(t('jws.noneHasNoSignature'));
  }
}

/** ML-DSA (AKP keys) loads only for an ML-DSA token. */
const loadMlDsaJwk = () => import('./mldsa-jwk');

async function importWebCryptoKey(alg: JwsAlgorithm, jwk: Jwk, usage: 'verify' | 'sign'): Promise<{ key: CryptoKey; params: WebCryptoAlgorithm }> {
  const params = webCryptoAlgorithm(alg, jwk);
  try {
    if (alg.family === 'HMAC') {
      const secret = requireBytes(jwk.k, 'k', undefined, t('jws.whatSecret'));
      // WebCrypto refuses zero-length HMAC keys.
      if (secret.length === 0) throw new KeyUseError(t('jws.secretEmpty'));
      return { key: await crypto.subtle.importKey('raw', secret, params.importParams, false, [usage]), params };
    }
    const key = await crypto.subtle.importKey('jwk', bareJwk(jwk, usage === 'sign'), params.importParams, false, [usage]);
    return { key, params };
  } catch (error) {
    if (error instanceof KeyUseError) throw error;
    throw new KeyUseError(t('jws.webCryptoImportFailed', { alg: alg.name, reason: reasonOf(error) }));
  }
}

/** @noble/curves throws on malformed points and keys; those are key problems, not crashes. */
function noble<T>(curve: string, operation: () => T): T {
  try {
    return operation();
  } catch (error) {
    throw new KeyUseError(t('jws.curveKeyNotUsable', { curve, reason: reasonOf(error) }));
  }
}

/** True when `signature` is a valid signature of `data` under the public part of `jwk`. */
export async function verifyBytes(alg: JwsAlgorithm, jwk: Jwk, data: Uint8Array<ArrayBuffer>, signature: Uint8Array<ArrayBuffer>): Promise<boolean> {
  if (alg.family === 'ML-DSA') return (await loadMlDsaJwk()).verifyMlDsa(alg, jwk, data, signature);
  const curve = isJwsCurve(jwk.crv) ? jwk.crv : undefined;
  if (curve === 'secp256k1' && alg.family === 'ECDSA') {
    const secp256k1 = await loadSecp256k1();
    const publicKey = secp256k1PublicKey(secp256k1, jwk);
    if (signature.length !== CURVES.secp256k1.signatureBytes) return false;
    // RFC 8812 does not require low-S, and OpenSSL-based signers emit high-S half the time.
    return noble('secp256k1', () => secp256k1.verify(signature, data, publicKey, { lowS: false }));
  }
  if (curve === 'Ed448' && alg.family === 'EdDSA') {
    const ed448 = await loadEd448();
    const publicKey = requireBytes(jwk.x, 'x', CURVES.Ed448.coordinateBytes, t('jws.whatKey', { name: 'Ed448' }));
    if (!ed448.utils.isValidPublicKey(publicKey)) throw new KeyUseError(t('jws.ed448NotOnCurve'));
    if (signature.length !== CURVES.Ed448.signatureBytes) return false;
    return noble('Ed448', () => ed448.verify(signature, data, publicKey));
  }
  const { key, params } = await importWebCryptoKey(alg, jwk, 'verify');
  try {
    return await crypto.subtle.verify(params.operationParams, key, signature, data);
  } catch (error) {
    throw new KeyUseError(t('jws.webCryptoVerifyFailed', { alg: alg.name, reason: reasonOf(error) }));
  }
}

/** The JOSE signature of `data` with the private `jwk` (r‖s for ECDSA). */
export async function signBytes(alg: JwsAlgorithm, jwk: Jwk, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  if (alg.family === 'ML-DSA') return (await loadMlDsaJwk()).signMlDsa(alg, jwk, data);
  const curve = isJwsCurve(jwk.crv) ? jwk.crv : undefined;
  if (curve === 'secp256k1' && alg.family === 'ECDSA') {
    const secp256k1 = await loadSecp256k1();
    const secretKey = requireBytes(jwk.d, 'd', 32, t('jws.whatPrivateKey', { name: 'secp256k1' }));
    // Deterministic (RFC 6979) and low-S, which every verifier accepts.
    return noble('secp256k1', () => secp256k1.sign(data, secretKey, { lowS: true }));
  }
  if (curve === 'Ed448' && alg.family === 'EdDSA') {
    const ed448 = await loadEd448();
    const secretKey = requireBytes(jwk.d, 'd', CURVES.Ed448.coordinateBytes, t('jws.whatPrivateKey', { name: 'Ed448' }));
    return noble('Ed448', () => ed448.sign(data, secretKey));
  }
  const { key, params } = await importWebCryptoKey(alg, jwk, 'sign');
  try {
    return new Uint8Array(await crypto.subtle.sign(params.operationParams, key, data));
  } catch (error) {
    throw new KeyUseError(t('jws.webCryptoSignFailed', { alg: alg.name, reason: reasonOf(error) }));
  }
}
