/**
 * The algorithm × key-format matrix: tokens signed by Node verify from key
 * text in every format a user pastes (read by lib/keys), and a key of the
 * same format that did not sign gives "invalid". Certificates come from the
 * openssl command line, keys from Node: neither from the code under test.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { KeyFormat } from '@/lib/keys/types';
import { b64u, newPair, nodeToken, pair, type PairKind, type TestPair } from './test-keys';
import { verifyWithKeyText } from './verify-key-text';

const dir = mkdtempSync(join(tmpdir(), 'jws-keytext-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let certificateCount = 0;
function certificateOf(keys: TestPair): string {
  const file = join(dir, `key-${++certificateCount}.pem`);
  writeFileSync(file, keys.privateKey.export({ format: 'pem', type: 'pkcs8' }));
  return execFileSync('openssl', ['req', '-x509', '-new', '-key', file, '-subj', '/CN=jws.example.test', '-days', '30'], { stdio: 'pipe' }).toString();
}

const pem = (keys: TestPair, part: 'public' | 'private', type: 'spki' | 'pkcs1' | 'pkcs8' | 'sec1') =>
  String((part === 'public' ? keys.publicKey : keys.privateKey).export({ format: 'pem', type: type as 'pkcs1' }));
const jwkText = (keys: TestPair, part: 'public' | 'private', kid?: string) =>
  JSON.stringify({ ...(part === 'public' ? keys.publicKey : keys.privateKey).export({ format: 'jwk' }), ...(kid ? { kid } : {}) });

type FormatMaker = { format: KeyFormat; label: string; text: (keys: TestPair) => string };
const SPKI: FormatMaker = { format: 'pem-spki', label: 'SPKI PEM', text: (k) => pem(k, 'public', 'spki') };
const PKCS1_PUBLIC: FormatMaker = { format: 'pem-pkcs1-public', label: 'PKCS#1 public PEM', text: (k) => pem(k, 'public', 'pkcs1') };
const X509: FormatMaker = { format: 'pem-x509', label: 'X.509 certificate', text: certificateOf };
const PKCS8: FormatMaker = { format: 'pem-pkcs8', label: 'PKCS#8 PEM', text: (k) => pem(k, 'private', 'pkcs8') };
const PKCS1_PRIVATE: FormatMaker = { format: 'pem-pkcs1-private', label: 'PKCS#1 private PEM', text: (k) => pem(k, 'private', 'pkcs1') };
const SEC1: FormatMaker = { format: 'pem-sec1', label: 'SEC1 PEM', text: (k) => pem(k, 'private', 'sec1') };
const JWK_PUBLIC: FormatMaker = { format: 'jwk', label: 'public JWK', text: (k) => jwkText(k, 'public') };
const JWK_PRIVATE: FormatMaker = { format: 'jwk', label: 'private JWK', text: (k) => jwkText(k, 'private') };
/** A set whose other key has a different kid, so the signer's kid has to pick. */
const JWKS: FormatMaker = {
  format: 'jwks',
  label: 'JWKS',
  text: (k) => `{"keys":[${JSON.stringify({ ...pair('P-256').publicKey.export({ format: 'jwk' }), kid: 'other' })},${jwkText(k, 'public', 'signer')}]}`,
};

const ASYMMETRIC: { alg: string; kind: PairKind; formats: FormatMaker[] }[] = [
  { alg: 'RS256', kind: 'rsa2048', formats: [SPKI, PKCS1_PUBLIC, X509, PKCS8, PKCS1_PRIVATE, JWK_PUBLIC, JWK_PRIVATE, JWKS] },
  { alg: 'RS384', kind: 'rsa2048', formats: [SPKI, PKCS1_PUBLIC, PKCS8, JWK_PUBLIC] },
  { alg: 'RS512', kind: 'rsa2048', formats: [SPKI, PKCS1_PRIVATE, JWK_PUBLIC] },
  { alg: 'PS256', kind: 'rsa2048', formats: [SPKI, PKCS1_PUBLIC, X509, PKCS8, PKCS1_PRIVATE, JWK_PUBLIC, JWKS] },
  { alg: 'PS384', kind: 'rsa2048', formats: [SPKI, JWK_PRIVATE] },
  { alg: 'PS512', kind: 'rsa2048', formats: [PKCS1_PUBLIC, PKCS8] },
  { alg: 'ES256', kind: 'P-256', formats: [SPKI, X509, PKCS8, SEC1, JWK_PUBLIC, JWK_PRIVATE, JWKS] },
  { alg: 'ES384', kind: 'P-384', formats: [SPKI, X509, PKCS8, SEC1, JWK_PUBLIC, JWKS] },
  { alg: 'ES512', kind: 'P-521', formats: [SPKI, X509, PKCS8, SEC1, JWK_PUBLIC, JWKS] },
  { alg: 'ES256K', kind: 'secp256k1', formats: [SPKI, X509, PKCS8, SEC1, JWK_PUBLIC, JWK_PRIVATE, JWKS] },
  { alg: 'EdDSA', kind: 'Ed25519', formats: [SPKI, X509, PKCS8, JWK_PUBLIC, JWK_PRIVATE, JWKS] },
  { alg: 'Ed25519', kind: 'Ed25519', formats: [SPKI, PKCS8, JWK_PUBLIC] },
  { alg: 'EdDSA', kind: 'Ed448', formats: [SPKI, X509, PKCS8, JWK_PUBLIC, JWK_PRIVATE, JWKS] },
  { alg: 'Ed448', kind: 'Ed448', formats: [SPKI, JWK_PUBLIC] },
];

const others = new Map<PairKind, TestPair>();
const otherPair = (kind: PairKind) => {
  if (!others.has(kind)) others.set(kind, newPair(kind));
  return others.get(kind)!;
};

const PAYLOAD = '{"sub":"matrix"}';

describe.each(ASYMMETRIC.flatMap(({ alg, kind, formats }) => formats.map((maker) => ({ alg, kind, maker, name: `${alg} (${kind}) with a ${maker.label}` }))))(
  '$name',
  ({ alg, kind, maker }) => {
    const token = nodeToken({ alg, kid: 'signer' }, PAYLOAD, pair(kind).privateKey);

    it('verifies', async () => {
      const result = await verifyWithKeyText(token, maker.text(pair(kind)));
      expect(result.state).toBe('valid');
      expect(result.keyConfusion).toBeUndefined();
    });

    it('is invalid with a key of the same format that did not sign', async () => {
      const result = await verifyWithKeyText(token, maker.text(otherPair(kind)));
      expect(result.state).toBe('invalid');
    });
  },
);

describe('HMAC secrets in every encoding', () => {
  const secret = Buffer.from('c2VjcmV0IGJ5dGVzIHRoYXQgYXJlIGxvbmcgZW5vdWdoIGZvciBIUzUxMiwgNjQgYnl0ZXMgb3IgbW9yZSEhIQ', 'base64url');
  const ENCODINGS = [
    { encoding: 'utf8', text: secret.toString('utf8') },
    { encoding: 'base64url', text: secret.toString('base64url') },
    { encoding: 'base64', text: secret.toString('base64') },
    { encoding: 'hex', text: secret.toString('hex') },
  ] as const;
  const cases = ['HS256', 'HS384', 'HS512'].flatMap((alg) => ENCODINGS.map((entry) => ({ alg, ...entry })));

  it.each(cases)('$alg with a $encoding secret verifies, and fails with another', async ({ alg, encoding, text }) => {
    const token = nodeToken({ alg }, PAYLOAD, secret);
    expect((await verifyWithKeyText(token, text, { secretEncoding: encoding })).state).toBe('valid');
    const other = encoding === 'utf8' ? `${text}!` : encoding === 'hex' ? `00${text}` : `AAAA${text}`;
    expect((await verifyWithKeyText(token, other, { secretEncoding: encoding })).state).toBe('invalid');
  });

  it.each(['HS256', 'HS384', 'HS512'])('%s with an oct JWK and with a JWKS holding it', async (alg) => {
    const token = nodeToken({ alg, kid: 'hmac' }, PAYLOAD, secret);
    const jwk = JSON.stringify({ kty: 'oct', kid: 'hmac', k: secret.toString('base64url') });
    expect((await verifyWithKeyText(token, jwk)).state).toBe('valid');
    const jwks = `{"keys":[${jwkText(pair('rsa2048'), 'public', 'rsa')},${jwk}]}`;
    const result = await verifyWithKeyText(token, jwks);
    expect(result.state).toBe('valid');
    expect(result.message).toContain('key 2 of 2 (kid "hmac")');
  });

  it('reading the secret with the wrong encoding makes the signature invalid, not valid', async () => {
    const token = nodeToken({ alg: 'HS256' }, PAYLOAD, secret);
    expect((await verifyWithKeyText(token, secret.toString('hex'))).state).toBe('invalid');
  });
});

describe('verifying from key text', () => {
  it('is unverified while the key text is empty', async () => {
    const token = nodeToken({ alg: 'RS256' }, PAYLOAD, pair('rsa2048').privateKey);
    expect((await verifyWithKeyText(token, '')).state).toBe('unverified');
    expect((await verifyWithKeyText(token, '  \n')).state).toBe('unverified');
  });

  it('still reports an unsecured token as invalid without a key', async () => {
    expect((await verifyWithKeyText(`${b64u('{"alg":"none"}')}.${b64u(PAYLOAD)}.`, '')).state).toBe('invalid');
  });

  it('passes on why key text cannot be read', async () => {
    const token = nodeToken({ alg: 'RS256' }, PAYLOAD, pair('rsa2048').privateKey);
    const result = await verifyWithKeyText(token, 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host');
    expect(result.state).toBe('error');
    expect(result.message).toMatch(/OpenSSH/i);
  });

  it('passes on the key reader\'s warning about a pasted private key', async () => {
    const keys = pair('P-256');
    const result = await verifyWithKeyText(nodeToken({ alg: 'ES256' }, PAYLOAD, keys.privateKey), pem(keys, 'private', 'pkcs8'));
    expect(result.state).toBe('valid');
    expect(result.warnings.join(' ')).toMatch(/private key was pasted/);
  });

  it('flags the key-confusion attack: an HS256 token "signed" with a PEM public key\'s text', async () => {
    const spki = pem(pair('rsa2048'), 'public', 'spki');
    const forged = nodeToken({ alg: 'HS256' }, '{"sub":"admin"}', Buffer.from(spki));
    const result = await verifyWithKeyText(forged, spki);
    expect(result.state).toBe('error');
    expect(result.keyConfusion).toBe(true);
    expect(result.message).toContain('PEM text');
  });
});
