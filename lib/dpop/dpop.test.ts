import { describe, expect, it } from 'vitest';
import { accessTokenHash, checkDpopProof, isDpopProofHeader, type DpopCheckId, type DpopResult } from '.';
import vectors from './vectors/dpop-vectors.json';

const { now, cases } = vectors;

function stateOf(result: DpopResult, id: DpopCheckId) {
  if (!result.ok) throw new Error(result.error);
  return result.checks.find((check) => check.id === id)?.state;
}

describe('DPoP proofs made by jwcrypto (vectors/generate.py)', () => {
  it('verifies a token-request proof with the key in its own header', async () => {
    const result = await checkDpopProof(cases['token-request'].proof, { now, method: 'POST', url: 'https://server.example.com/token?x=1' });
    expect(result).toMatchObject({ ok: true, state: 'valid', thumbprint: cases['token-request'].thumbprint });
    expect(stateOf(result, 'signature')).toBe('pass');
    expect(stateOf(result, 'htu')).toBe('pass');
  });

  it('flags a method or URL that does not match', async () => {
    const result = await checkDpopProof(cases['token-request'].proof, { now, method: 'GET', url: 'https://server.example.com/other' });
    expect(result.ok && result.state).toBe('invalid');
    expect(stateOf(result, 'htm')).toBe('fail');
    expect(stateOf(result, 'htu')).toBe('fail');
  });

  for (const name of ['resource-ec', 'resource-rsa'] as const) {
    it(`${name}: checks ath and the access token's cnf.jkt`, async () => {
      const vector = cases[name];
      expect(await accessTokenHash(vector.accessToken)).toBe(vector.ath);
      const result = await checkDpopProof(vector.proof, { now, accessToken: vector.accessToken });
      expect(result).toMatchObject({ ok: true, state: 'valid', thumbprint: vector.thumbprint });
      expect(stateOf(result, 'ath')).toBe('pass');
      expect(stateOf(result, 'jkt')).toBe('pass');
    });
  }

  it('without the access token, says ath cannot be checked yet', async () => {
    const result = await checkDpopProof(cases['resource-ec'].proof, { now });
    expect(stateOf(result, 'ath')).toBe('info');
    expect(result.ok && result.state).toBe('valid');
  });

  it('rejects a wrong ath, a token bound to another key, a stale iat, a missing jti and a foreign signature', async () => {
    expect(stateOf(await checkDpopProof(cases['wrong-ath'].proof, { now, accessToken: cases['wrong-ath'].accessToken }), 'ath')).toBe('fail');
    const otherKey = await checkDpopProof(cases['wrong-jkt'].proof, { now, accessToken: cases['wrong-jkt'].accessToken });
    expect(stateOf(otherKey, 'ath')).toBe('pass');
    expect(stateOf(otherKey, 'jkt')).toBe('fail');
    expect(stateOf(await checkDpopProof(cases.stale.proof, { now }), 'iat')).toBe('fail');
    expect(stateOf(await checkDpopProof(cases.stale.proof, { now: now - 3600 }), 'iat')).toBe('pass');
    expect(stateOf(await checkDpopProof(cases['no-jti'].proof, { now }), 'jti')).toBe('fail');
    const foreign = await checkDpopProof(cases['signed-by-other-key'].proof, { now });
    expect(stateOf(foreign, 'signature')).toBe('fail');
    expect(foreign.ok && foreign.state).toBe('invalid');
  });

  it('says an opaque access token cannot show its binding', async () => {
    const result = await checkDpopProof(cases['resource-ec'].proof, { now, accessToken: 'opaque-token-value' });
    expect(stateOf(result, 'ath')).toBe('fail');
    expect(stateOf(result, 'jkt')).toBe('info');
  });

  it('recognises the typ case-insensitively and reports undecodable input', async () => {
    expect(isDpopProofHeader({ typ: 'DPoP+JWT' })).toBe(true);
    expect(isDpopProofHeader({ typ: 'JWT' })).toBe(false);
    expect(await checkDpopProof('not a token', { now })).toMatchObject({ ok: false });
  });
});
