/**
 * Key fixtures for the tests, made with Node's own crypto (an implementation
 * independent of ours) so that what we parse can be compared with what Node exports.
 * Imported by *.test.ts files only.
 */
import { type KeyObject, generateKeyPairSync } from 'node:crypto';
import type { Jwk } from './types';

export interface Fixture {
  name: string;
  description: { public: string; private: string };
  bits: number;
  publicKey: KeyObject;
  privateKey: KeyObject;
  publicJwk: Jwk;
  privateJwk: Jwk;
}

type Spec = { name: string; make: () => { publicKey: KeyObject; privateKey: KeyObject }; label: string; bits: number };

const SPECS: Spec[] = [
  { name: 'RSA 2048', make: () => generateKeyPairSync('rsa', { modulusLength: 2048 }), label: 'RSA 2048-bit', bits: 2048 },
  { name: 'RSA 1031', make: () => generateKeyPairSync('rsa', { modulusLength: 1031 }), label: 'RSA 1031-bit', bits: 1031 },
  { name: 'EC P-256', make: () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), label: 'EC P-256', bits: 256 },
  { name: 'EC P-384', make: () => generateKeyPairSync('ec', { namedCurve: 'P-384' }), label: 'EC P-384', bits: 384 },
  { name: 'EC P-521', make: () => generateKeyPairSync('ec', { namedCurve: 'P-521' }), label: 'EC P-521', bits: 521 },
  { name: 'EC secp256k1', make: () => generateKeyPairSync('ec', { namedCurve: 'secp256k1' }), label: 'EC secp256k1', bits: 256 },
  { name: 'Ed25519', make: () => generateKeyPairSync('ed25519'), label: 'Ed25519', bits: 256 },
  { name: 'Ed448', make: () => generateKeyPairSync('ed448'), label: 'Ed448', bits: 448 },
  { name: 'X25519', make: () => generateKeyPairSync('x25519'), label: 'X25519', bits: 256 },
  { name: 'X448', make: () => generateKeyPairSync('x448'), label: 'X448', bits: 448 },
];

let cache: Fixture[] | undefined;

export function fixtures(): Fixture[] {
  cache ??= SPECS.map((spec) => {
    const { publicKey, privateKey } = spec.make();
    return {
      name: spec.name,
      description: { public: `${spec.label} public key`, private: `${spec.label} private key` },
      bits: spec.bits,
      publicKey,
      privateKey,
      publicJwk: publicKey.export({ format: 'jwk' }) as Jwk,
      privateJwk: privateKey.export({ format: 'jwk' }) as Jwk,
    };
  });
  return cache;
}

export const pemOf = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8' | 'sec1'): string =>
  key.export({ format: 'pem', type: type as 'pkcs1' }) as string;

export const derBase64Of = (key: KeyObject, type: 'spki' | 'pkcs1' | 'pkcs8' | 'sec1'): string =>
  (key.export({ format: 'der', type: type as 'pkcs1' }) as Buffer).toString('base64');
