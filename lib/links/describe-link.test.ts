import { describe, expect, it } from 'vitest';
import { describeLink, linkGrantsSigning } from './describe-link';
import { generateKey } from '@/lib/keys/generate';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';
const PUBLIC_PEM = '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----';
const PRIVATE_PEM = '-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----';

describe('describeLink', () => {
  it('names the token and a public verification key', () => {
    expect(describeLink({ token: TOKEN, key: PUBLIC_PEM })).toEqual(['the token', 'the verification key (a public key)']);
  });

  it('warns in words when a secret or private key is included', () => {
    expect(describeLink({ token: TOKEN, key: 'secret', secretEncoding: 'utf8' })).toEqual([
      'the token',
      'the shared secret: anyone holding the link can forge tokens with it',
      'how the secret is encoded (utf8)',
    ]);
    expect(describeLink({ mode: 'encode', header: '{}', payload: '{}', alg: 'ES256', signingKey: PRIVATE_PEM })).toEqual([
      'the encoder view',
      'the header JSON',
      'the payload',
      'the algorithm (ES256)',
      'a private key: anyone holding the link can sign tokens with it',
    ]);
  });

  it('says nothing for an empty state', () => {
    expect(describeLink({})).toEqual([]);
    expect(describeLink({ token: '', secretEncoding: 'hex' })).toEqual([]);
  });
});

describe('linkGrantsSigning', () => {
  it('is true for secrets and private keys, false for public keys and no key', () => {
    expect(linkGrantsSigning({ token: TOKEN })).toBe(false);
    expect(linkGrantsSigning({ key: PUBLIC_PEM })).toBe(false);
    expect(linkGrantsSigning({ key: 'secret' })).toBe(true);
    expect(linkGrantsSigning({ signingKey: PRIVATE_PEM })).toBe(true);
    expect(linkGrantsSigning({ key: '' })).toBe(false);
  });
});

describe('a generated ML-DSA private key in a link', () => {
  it.each(['ML-DSA-44', 'ML-DSA-65', 'ML-DSA-87'] as const)('%s: described as a private key, and the link warns before it is copied', async (kind) => {
    const key = await generateKey(kind);
    const signingKey = JSON.stringify(key.privateJwk, null, 2);
    const state = { mode: 'encode' as const, header: '{}', payload: '{}', alg: kind, signingKey };
    expect(describeLink(state)).toContain('a private key: anyone holding the link can sign tokens with it');
    expect(linkGrantsSigning(state)).toBe(true);
    // Its public half stays harmless.
    const publicState = { token: TOKEN, key: JSON.stringify(key.publicJwk) };
    expect(describeLink(publicState)).toContain('the verification key (a public key)');
    expect(linkGrantsSigning(publicState)).toBe(false);
  });
});
