import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyJws } from '@/lib/jws';
import { checkDpopProof, type DpopResult } from '.';
import { dpopNoOwnKey, dpopOwnKeyInvalid, dpopOwnKeyValid, dpopOwnKeyVerdict } from './own-key';
import vectors from './vectors/dpop-vectors.json';

const { now, cases } = vectors;

// Proofs are signed here with Node's crypto, not with the code under test.
const holder = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
function proofWith(claims: Record<string, unknown>): string {
  const { kty, crv, x, y } = holder.publicKey.export({ format: 'jwk' });
  const input = `${b64({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty, crv, x, y } })}.${b64(claims)}`;
  return `${input}.${sign('sha256', Buffer.from(input), { key: holder.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}

function check(result: DpopResult, id: string) {
  if (!result.ok) throw new Error(result.error);
  return result.checks.find((entry) => entry.id === id)!;
}

describe('a DPoP proof with a hostile iat', () => {
  it('iat 1e13 (beyond any Date) is a failed check, not an exception that leaves the panel checking', async () => {
    const result = await checkDpopProof(proofWith({ jti: 'j', htm: 'GET', htu: 'https://a.example/r', iat: 1e13 }), { now });
    expect(result.ok).toBe(true);
    expect(check(result, 'iat')).toMatchObject({ state: 'fail', message: expect.stringContaining('beyond any date') });
    expect(result.ok && result.state).toBe('invalid');
  });
});

describe('DPoP freshness as of a chosen time', () => {
  it('judges iat as of the time given, to the second, and says so', async () => {
    const iat = now - 300;
    const proof = proofWith({ jti: 'j', htm: 'GET', htu: 'https://a.example/r', iat });
    const atLimit = await checkDpopProof(proof, { now, asOf: true });
    expect(check(atLimit, 'iat')).toMatchObject({ state: 'pass', message: expect.stringContaining(`as of ${new Date(now * 1000).toISOString()}`) });
    expect(check(await checkDpopProof(proof, { now: now + 1, asOf: true }), 'iat').state).toBe('fail');
  });
});

describe('what a valid DPoP proof verdict covers', () => {
  it('lists the request method, URL and access token as not checked until they are given', async () => {
    const bare = await checkDpopProof(cases['resource-ec'].proof, { now });
    expect(bare).toMatchObject({ ok: true, state: 'valid', unchecked: ['htm against the request method', 'htu against the request URL', 'ath and cnf.jkt against the access token'] });
    const full = await checkDpopProof(cases['resource-ec'].proof, { now, method: 'GET', url: 'https://resource.example.org/protected', accessToken: cases['resource-ec'].accessToken });
    expect(full).toMatchObject({ ok: true, state: 'valid', unchecked: [] });
  });
});

describe("the signature verdict of a DPoP proof checked with its own header jwk", () => {
  it('says what a valid signature proves', async () => {
    const verdict = dpopOwnKeyVerdict(await verifyJws(cases['token-request'].proof, [], { allowEmbeddedJwk: true }));
    expect(verdict).toMatchObject({ state: 'valid', message: dpopOwnKeyValid() });
    expect(verdict.warnings.some((warning) => warning.includes('own header'))).toBe(false);
  });

  it('is invalid when the proof was signed with another key, and an error without a jwk', async () => {
    expect(dpopOwnKeyVerdict(await verifyJws(cases['signed-by-other-key'].proof, [], { allowEmbeddedJwk: true }))).toMatchObject({ state: 'invalid', message: dpopOwnKeyInvalid() });
    const [, payload, signature] = cases['token-request'].proof.split('.');
    const noJwk = `${b64({ typ: 'dpop+jwt', alg: 'ES256' })}.${payload}.${signature}`;
    expect(dpopOwnKeyVerdict(await verifyJws(noJwk, [], { allowEmbeddedJwk: true }))).toMatchObject({ state: 'error', message: dpopNoOwnKey() });
  });
});
