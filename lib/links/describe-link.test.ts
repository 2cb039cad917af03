import { describe, expect, it } from 'vitest';
import { classifyKeyText, describeLink, linkGrantsSigning } from './describe-link';

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';
const PUBLIC_PEM = '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----';
const RSA_PUBLIC_PEM = '-----BEGIN RSA PUBLIC KEY-----\nMIIB\n-----END RSA PUBLIC KEY-----';
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
const PRIVATE_PEM = '-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----';
const EC_PRIVATE_PEM = '-----BEGIN EC PRIVATE KEY-----\nMHcC\n-----END EC PRIVATE KEY-----';

describe('classifyKeyText', () => {
  it.each([
    [PUBLIC_PEM, 'public'],
    [RSA_PUBLIC_PEM, 'public'],
    [CERT, 'public'],
    [PRIVATE_PEM, 'private'],
    [EC_PRIVATE_PEM, 'private'],
    ['{"kty":"EC","crv":"P-256","x":"a","y":"b"}', 'public'],
    ['{"kty":"EC","crv":"P-256","x":"a","y":"b","d":"c"}', 'private'],
    ['{"keys":[{"kty":"RSA","n":"a","e":"AQAB"}]}', 'public'],
    ['{"keys":[{"kty":"RSA","n":"a","e":"AQAB","d":"x"}]}', 'private'],
    ['{"kty":"oct","k":"c2VjcmV0"}', 'secret'],
    ['your-256-bit-secret', 'secret'],
    ['{not json', 'secret'],
  ] as const)('%s is %s', (text, kind) => {
    expect(classifyKeyText(text)).toBe(kind);
  });
});

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
