/**
 * Key fixtures for the tests of this folder: keys made by Node's crypto and
 * shaped as the key parser would shape them, so these tests do not depend on it.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { Jwk, ParsedKey } from '@/lib/keys/types';
import { describeJwk } from './key-fit';

const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'];

export function parsedKey(jwk: Jwk): ParsedKey {
  const publicJwk = Object.fromEntries(Object.entries(jwk).filter(([name]) => !PRIVATE_MEMBERS.includes(name))) as Jwk;
  const visibility = jwk.kty === 'oct' ? 'secret' : jwk.d !== undefined ? 'private' : 'public';
  return {
    jwk,
    publicJwk: jwk.kty === 'oct' ? jwk : publicJwk,
    visibility,
    description: describeJwk(jwk),
    bits: 0,
    ...(typeof jwk.kid === 'string' ? { kid: jwk.kid } : {}),
  };
}

export function secretKey(bits: number, extra: Partial<Jwk> = {}): ParsedKey {
  return parsedKey({ kty: 'oct', k: randomBytes(bits / 8).toString('base64url'), ...extra });
}

type PairSpec =
  | { type: 'rsa'; modulusLength: number }
  | { type: 'ec'; namedCurve: 'P-256' | 'P-384' | 'P-521' }
  | { type: 'x25519' | 'x448' | 'ed25519' };

export function keyPair(spec: PairSpec, extra: Partial<Jwk> = {}): { privateKey: ParsedKey; publicKey: ParsedKey } {
  const pair =
    spec.type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: spec.modulusLength })
      : spec.type === 'ec'
        ? generateKeyPairSync('ec', { namedCurve: spec.namedCurve })
        : spec.type === 'x25519'
          ? generateKeyPairSync('x25519')
          : spec.type === 'x448'
            ? generateKeyPairSync('x448')
            : generateKeyPairSync('ed25519');
  const privateJwk = { ...(pair.privateKey.export({ format: 'jwk' }) as Jwk), ...extra };
  const publicJwk = { ...(pair.publicKey.export({ format: 'jwk' }) as Jwk), ...extra };
  return { privateKey: parsedKey(privateJwk), publicKey: parsedKey(publicJwk) };
}
