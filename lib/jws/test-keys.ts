/**
 * Test support only (not exported from the module): keys made by Node's own
 * crypto, an implementation independent of the code under test, wrapped in
 * the ParsedKey shape, and Node-side signing and verifying per algorithm.
 */
import { constants, createHmac, generateKeyPairSync, randomBytes, sign, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import type { Jwk, ParsedKey } from '@/lib/keys/types';

export type PairKind = 'rsa2048' | 'rsa1024' | 'P-256' | 'P-384' | 'P-521' | 'secp256k1' | 'Ed25519' | 'Ed448';

export interface TestPair {
  kind: PairKind;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** As if the private key had been pasted. */
  private: ParsedKey;
  /** As if the public key had been pasted. */
  public: ParsedKey;
}

function describe(jwk: Jwk, visibility: 'public' | 'private', bits: number): string {
  if (jwk.kty === 'RSA') return `RSA ${bits}-bit ${visibility} key`;
  if (jwk.kty === 'EC') return `EC ${String(jwk.crv)} ${visibility} key`;
  return `${String(jwk.crv)} ${visibility} key`;
}

const CURVE_BITS: Record<string, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521, secp256k1: 256, Ed25519: 256, Ed448: 448 };

export function parsedKey(jwk: Jwk, extra: Partial<ParsedKey> = {}): ParsedKey {
  if (jwk.kty === 'oct') {
    const bits = Buffer.from(String(jwk.k), 'base64url').length * 8;
    return { jwk, publicJwk: jwk, visibility: 'secret', description: `${bits}-bit secret`, bits, kid: jwk.kid, ...extra };
  }
  const visibility = jwk.d === undefined ? 'public' : 'private';
  const publicJwk: Jwk = Object.fromEntries(Object.entries(jwk).filter(([name]) => !['d', 'p', 'q', 'dp', 'dq', 'qi'].includes(name))) as Jwk;
  const bits = jwk.kty === 'RSA' ? Buffer.from(String(jwk.n), 'base64url').length * 8 : (CURVE_BITS[String(jwk.crv)] ?? 0);
  return { jwk, publicJwk, visibility, description: describe(jwk, visibility, bits), bits, kid: jwk.kid, ...extra };
}

export function secretKey(secret: Uint8Array | string, kid?: string): ParsedKey {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  return parsedKey({ kty: 'oct', k: bytes.toString('base64url'), ...(kid !== undefined ? { kid } : {}) });
}

export function randomSecret(bytes: number): ParsedKey {
  return secretKey(randomBytes(bytes));
}

function generate(kind: PairKind): { privateKey: KeyObject; publicKey: KeyObject } {
  switch (kind) {
    case 'rsa2048':
      return generateKeyPairSync('rsa', { modulusLength: 2048 });
    case 'rsa1024':
      return generateKeyPairSync('rsa', { modulusLength: 1024 });
    case 'Ed25519':
      return generateKeyPairSync('ed25519');
    case 'Ed448':
      return generateKeyPairSync('ed448');
    default:
      return generateKeyPairSync('ec', { namedCurve: kind === 'P-256' ? 'prime256v1' : kind === 'P-384' ? 'secp384r1' : kind === 'P-521' ? 'secp521r1' : 'secp256k1' });
  }
}

export function newPair(kind: PairKind, kid?: string): TestPair {
  const { privateKey, publicKey } = generate(kind);
  const withKid = (jwk: object): Jwk => ({ ...(jwk as Jwk), ...(kid !== undefined ? { kid } : {}) });
  return {
    kind,
    privateKey,
    publicKey,
    private: parsedKey(withKid(privateKey.export({ format: 'jwk' }))),
    public: parsedKey(withKid(publicKey.export({ format: 'jwk' }))),
  };
}

const cache = new Map<PairKind, TestPair>();
/** One shared pair per kind: RSA generation is slow enough to matter. */
export function pair(kind: PairKind): TestPair {
  let existing = cache.get(kind);
  if (!existing) {
    existing = newPair(kind);
    cache.set(kind, existing);
  }
  return existing;
}

const b64u = (data: Uint8Array | string) => Buffer.from(data).toString('base64url');

/** Node's signature for a JWS alg, written out per family here rather than taken from the table under test. */
export function nodeSign(alg: string, signingInput: string, key: KeyObject | Uint8Array, options: { der?: boolean } = {}): Buffer {
  const data = Buffer.from(signingInput);
  const hash = `sha${alg.slice(2, 5)}`;
  if (alg.startsWith('HS')) return createHmac(hash, key as Uint8Array).update(data).digest();
  if (alg.startsWith('RS')) return sign(hash, data, key as KeyObject);
  if (alg.startsWith('PS')) return sign(hash, data, { key: key as KeyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 });
  if (alg === 'ES256K') return sign('sha256', data, { key: key as KeyObject, dsaEncoding: options.der ? 'der' : 'ieee-p1363' });
  if (alg.startsWith('ES')) return sign(hash, data, { key: key as KeyObject, dsaEncoding: options.der ? 'der' : 'ieee-p1363' });
  return sign(null, data, key as KeyObject); // EdDSA, Ed25519, Ed448
}

export function nodeVerify(alg: string, signingInput: string, signature: Buffer, key: KeyObject | Uint8Array): boolean {
  const data = Buffer.from(signingInput);
  const hash = `sha${alg.slice(2, 5)}`;
  if (alg.startsWith('HS')) {
    const expected = createHmac(hash, key as Uint8Array).update(data).digest();
    return expected.length === signature.length && timingSafeEqual(expected, signature);
  }
  if (alg.startsWith('RS')) return verify(hash, data, key as KeyObject, signature);
  if (alg.startsWith('PS')) return verify(hash, data, { key: key as KeyObject, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: Number(alg.slice(2)) / 8 }, signature);
  if (alg === 'ES256K') return verify('sha256', data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' }, signature);
  if (alg.startsWith('ES')) return verify(hash, data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' }, signature);
  return verify(null, data, key as KeyObject, signature);
}

/** A compact JWS made entirely by Node. */
export function nodeToken(header: Record<string, unknown>, payload: string, key: KeyObject | Uint8Array, options: { der?: boolean } = {}): string {
  const signingInput = `${b64u(JSON.stringify(header))}.${b64u(payload)}`;
  return `${signingInput}.${b64u(nodeSign(String(header.alg), signingInput, key, options))}`;
}

export function secretBytes(key: ParsedKey): Buffer {
  return Buffer.from(String(key.jwk.k), 'base64url');
}

export function splitToken(token: string): [string, string, string] {
  const [header = '', payload = '', signature = ''] = token.split('.');
  return [header, payload, signature];
}

/** The same token with one bit of the signature flipped. */
export function flipSignatureBit(token: string): string {
  const [header, payload, signature] = splitToken(token);
  const bytes = Buffer.from(signature, 'base64url');
  bytes[bytes.length - 1] = (bytes[bytes.length - 1] ?? 0) ^ 0x01;
  return `${header}.${payload}.${b64u(bytes)}`;
}

/** The same token with a different payload and the old signature. */
export function swapPayload(token: string, payload: string): string {
  const [header, , signature] = splitToken(token);
  return `${header}.${b64u(payload)}.${signature}`;
}

export { b64u };
