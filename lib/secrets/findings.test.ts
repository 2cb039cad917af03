import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listedSecretFinding, secretTrialToken, verifiesWithWellKnownFinding } from './findings';
import { findWellKnownSecret } from './try-secrets';

function hs(alg: 'HS256' | 'HS384' | 'HS512', secret: string, payload: object = { sub: 'x' }): string {
  const input = `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
  const hash = { HS256: 'sha256', HS384: 'sha384', HS512: 'sha512' }[alg];
  return `${input}.${createHmac(hash, secret).update(input).digest('base64url')}`;
}

describe('listedSecretFinding', () => {
  it('notes a pasted secret that is on the list, read as UTF-8 text', () => {
    expect(listedSecretFinding('secret', 'utf8')).toMatchObject({ id: 'well-known-secret', severity: 'high', title: expect.stringMatching(/on the list/) });
    expect(listedSecretFinding('your-256-bit-secret', 'utf8')?.id).toBe('well-known-secret');
  });

  it('stays silent for other secrets, near misses and encoded forms', () => {
    expect(listedSecretFinding('c2VjcmV0', 'base64url')).toBeNull();
    expect(listedSecretFinding('secret', 'hex')).toBeNull();
    expect(listedSecretFinding('secret ', 'utf8')).toBeNull();
    expect(listedSecretFinding('', 'utf8')).toBeNull();
    expect(listedSecretFinding('7f3a1c9e0b5d4e2f8a6c1b3d5e7f9a0c', 'utf8')).toBeNull();
    expect(listedSecretFinding('__proto__', 'utf8')).toBeNull();
  });
});

describe('verifiesWithWellKnownFinding', () => {
  it('names the secret in the detail, as plain text', () => {
    const finding = verifiesWithWellKnownFinding('<b>keyboard cat</b>');
    expect(finding.id).toBe('well-known-secret-verifies');
    expect(finding.detail).toContain('verifies with the well-known secret “<b>keyboard cat</b>”');
  });
});

describe('secretTrialToken', () => {
  const token = hs('HS256', 'secret');
  const header = { alg: 'HS256' };

  it('returns the trimmed compact HMAC token when no key is given', () => {
    expect(secretTrialToken(token, header, '')).toBe(token);
    expect(secretTrialToken(`  ${token}\n`, { alg: 'HS512' }, ' \n')).toBe(token);
  });

  it('is null with a key, for other algorithms, inherited alg, or not three parts', () => {
    expect(secretTrialToken(token, header, 'secret')).toBeNull();
    expect(secretTrialToken(token, { alg: 'RS256' }, '')).toBeNull();
    expect(secretTrialToken(token, { alg: 'none' }, '')).toBeNull();
    expect(secretTrialToken(token, Object.create({ alg: 'HS256' }) as Record<string, unknown>, '')).toBeNull();
    expect(secretTrialToken(token, { alg: 'toString' }, '')).toBeNull();
    expect(secretTrialToken(token, null, '')).toBeNull();
    expect(secretTrialToken(undefined, header, '')).toBeNull();
    expect(secretTrialToken(`${token}.extra`, header, '')).toBeNull();
    expect(secretTrialToken(token.slice(0, token.lastIndexOf('.') + 1), header, '')).toBeNull();
  });

  it('feeds findWellKnownSecret: a listed secret is found, a random one is not', async () => {
    for (const alg of ['HS256', 'HS384', 'HS512'] as const) {
      const listed = secretTrialToken(hs(alg, 'changeme'), { alg }, '');
      expect(listed).not.toBeNull();
      expect(await findWellKnownSecret(listed!)).toMatchObject({ ok: true, secret: 'changeme' });
    }
    const random = secretTrialToken(hs('HS256', crypto.getRandomValues(new Uint8Array(32)).join(',')), header, '');
    expect(await findWellKnownSecret(random!)).toMatchObject({ ok: true, secret: null });
  });

  it('scans a megabyte of dots in linear time', () => {
    const started = performance.now();
    expect(secretTrialToken('.'.repeat(1_000_000), header, '')).toBeNull();
    expect(secretTrialToken('a'.repeat(1_000_000), header, '')).toBeNull();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
