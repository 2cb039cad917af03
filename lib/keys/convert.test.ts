import { createPrivateKey, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { jwkToPem } from './convert';
import { publicJwkOf } from './describe';
import { parseKeyText, readKeyText } from './parse';
import { fixtures } from './test-keys';
import type { Jwk } from './types';

function pemOf(jwk: Jwk, kind: 'public' | 'private'): string {
  const result = jwkToPem(jwk, kind);
  if (!result.ok) throw new Error(result.error.message);
  return result.pem;
}

describe('jwkToPem', () => {
  for (const f of fixtures()) {
    describe(f.name, () => {
      it('writes an SPKI PEM that Node reads as the same key, and that parses back to the JWK', () => {
        const pem = pemOf(f.publicJwk, 'public');
        expect(pem).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
        expect(pem.split('\n').every((line) => line.length <= 64)).toBe(true);
        expect(createPublicKey(pem).export({ format: 'jwk' })).toEqual(f.publicJwk);
        const parsed = parseKeyText(pem);
        expect(parsed.ok && parsed.keys[0]!.jwk).toEqual(f.publicJwk);
      });

      it('writes a PKCS#8 PEM that Node reads as the same key, and that parses back to the JWK', async () => {
        const pem = pemOf(f.privateJwk, 'private');
        expect(pem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
        expect(createPrivateKey(pem).export({ format: 'jwk' })).toEqual(f.privateJwk);
        const parsed = await readKeyText(pem);
        expect(parsed.ok && parsed.keys[0]!.jwk).toEqual(f.privateJwk);
      });

      it('writes the public PEM of a private JWK', () => {
        expect(createPublicKey(pemOf(f.privateJwk, 'public')).export({ format: 'jwk' })).toEqual(f.publicJwk);
      });
    });
  }

  it('converts PKCS#1 and SEC1 text to PKCS#8 and SPKI through the JWK', () => {
    const ec = fixtures().find((f) => f.name === 'EC secp256k1')!;
    const sec1 = ec.privateKey.export({ format: 'pem', type: 'sec1' }) as string;
    const parsed = parseKeyText(sec1);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const pkcs8 = pemOf(parsed.keys[0]!.jwk, 'private');
    expect(pkcs8).toBe(ec.privateKey.export({ format: 'pem', type: 'pkcs8' }));
  });

  it('refuses what has no PEM form, saying why', () => {
    const rsa = fixtures()[0]!;
    const missing = { ...rsa.privateJwk, p: undefined, q: undefined } as Jwk;
    delete missing.p;
    delete missing.q;
    expect(jwkToPem({ kty: 'oct', k: 'c2VjcmV0' }, 'public')).toEqual({ ok: false, error: { message: 'A secret (oct key) has no PEM form.' } });
    expect(jwkToPem(rsa.publicJwk, 'private')).toEqual({ ok: false, error: { message: 'This is a public key; a private key PEM needs the private member "d".' } });
    expect(jwkToPem(missing, 'private')).toEqual({ ok: false, error: { message: 'A PKCS#8 RSA key needs the members p, q, which this JWK lacks.' } });
    expect(jwkToPem({ kty: 'EC', crv: 'P-256', x: 'AA' }, 'public')).toEqual({ ok: false, error: { message: 'The EC JWK is missing the "y" member.' } });
  });
});

describe('publicJwkOf', () => {
  it('keeps public and descriptive members only', () => {
    const rsa = fixtures()[0]!;
    expect(publicJwkOf({ ...rsa.privateJwk, kid: 'x', use: 'sig', key_ops: ['sign'] })).toEqual({ ...rsa.publicJwk, kid: 'x', use: 'sig' });
    expect(publicJwkOf({ ...rsa.publicJwk, key_ops: ['verify'] })).toEqual({ ...rsa.publicJwk, key_ops: ['verify'] });
  });

  it('returns a secret as it is', () => {
    expect(publicJwkOf({ kty: 'oct', k: 'c2VjcmV0' })).toEqual({ kty: 'oct', k: 'c2VjcmV0' });
  });
});
