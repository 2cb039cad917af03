import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findings } from './findings';
import { keyFactsFor } from './key-facts';

const HS256 = { header: { alg: 'HS256', typ: 'JWT' }, payload: { sub: '1' }, kind: 'jws' as const, signatureLength: 32 };
const ids = (keyText: string, encoding: 'utf8' | 'base64url' = 'utf8') => findings(HS256, keyFactsFor(keyText, encoding)).map((f) => f.id);

describe('keyFactsFor: the key facts the security notes need', () => {
  it('measures a secret in its encoding', () => {
    expect(keyFactsFor('secret', 'utf8')).toEqual({ keyFormat: 'secret', secretBits: 48 });
    expect(keyFactsFor('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'base64url')).toEqual({ keyFormat: 'secret', secretBits: 256 });
    expect(keyFactsFor('', 'utf8')).toEqual({});
  });

  it('names a public key format', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(keyFactsFor(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'utf8')).toEqual({ keyFormat: 'pem-spki' });
  });

  it('makes the weak-secret note fire for a short secret, and not for a long random one', () => {
    expect(ids('your-256-bit-secret')).toContain('weak-secret');
    expect(ids('k'.repeat(32))).not.toContain('weak-secret');
  });

  it('makes the HMAC-with-public-key note fire for a PEM public key', () => {
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const found = ids(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    expect(found).toContain('hmac-with-public-key');
    expect(found).not.toContain('weak-secret');
  });
});
