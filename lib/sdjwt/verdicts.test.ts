import { describe, expect, it } from 'vitest';
import { decodeToken } from '@/lib/token';
import { analyseSdJwt, isSupportedSdAlg, splitSdJwt, verifyKeyBinding, type KeyBindingOptions } from '.';
import vectors from './vectors/sdjwt-vectors.json';

describe('_sd_alg is looked up among own names only', () => {
  for (const name of ['toString', 'constructor', '__proto__', 'hasOwnProperty']) {
    it(`"${name}" is not a supported hash, and the SD-JWT is judged, not crashed on`, async () => {
      expect(isSupportedSdAlg(name)).toBe(false);
      const analysis = await analyseSdJwt(splitSdJwt('h.p.s~WyJzYWx0IiwiYSIsMV0~')!, { _sd_alg: name, _sd: ['x'] });
      expect(analysis.algSupported).toBe(false);
      expect(analysis.problems[0]).toMatchObject({ path: '$._sd_alg', message: expect.stringContaining(`"${name}" is not supported`) });
    });
  }
});

describe('the key binding JWT against what the verifier expects', () => {
  const vector = vectors.cases['full-sha256-kb'];
  // aud "https://verifier.example.org", nonce "n-0S6_WzA2Mj", iat 1767225900 (2026-01-01T00:05:00Z).
  const iat = 1767225900;
  async function kb(options: KeyBindingOptions) {
    const layout = splitSdJwt(vector.sdJwt)!;
    const payload = decodeToken(layout.issuerJwt.text).payload;
    const analysis = await analyseSdJwt(layout, payload?.kind === 'json' ? payload.value : null);
    return verifyKeyBinding(layout, analysis.claims, analysis.sdAlg, options);
  }

  it('without expectations: valid as far as checked, and says what was not checked', async () => {
    const result = await kb({});
    expect(result.state).toBe('valid');
    expect(result.unchecked).toEqual(['aud against the expected audience', 'nonce against the expected nonce', 'how fresh iat is']);
    expect(result.message).toMatch(/^Key binding JWT valid as far as checked: .* Not checked: aud against the expected audience; nonce against the expected nonce; how fresh iat is\.$/);
  });

  it('checks aud, nonce and the maximum age when given, as of the time given', async () => {
    const all = await kb({ expectedAud: 'https://verifier.example.org', expectedNonce: 'n-0S6_WzA2Mj', maxAgeSeconds: 300, now: iat + 300, asOf: true });
    expect(all).toMatchObject({ state: 'valid', unchecked: [], message: expect.stringMatching(/^Key binding JWT verified/) });
    expect(all.checks.find((c) => c.label === 'iat is recent enough')!.detail).toContain('as of 2026-01-01T00:10:00.000Z');

    const wrongAud = await kb({ expectedAud: 'https://other.example', now: iat });
    expect(wrongAud.state).toBe('invalid');
    expect(wrongAud.message).toContain('not the expected "https://other.example"');
    expect((await kb({ expectedNonce: 'old-nonce', now: iat })).state).toBe('invalid');
    expect((await kb({ maxAgeSeconds: 300, now: iat + 301 })).state).toBe('invalid');
  });

  it('rejects an iat in the future as of the time given, whatever the maximum age', async () => {
    const early = await kb({ now: iat - 61, asOf: true });
    expect(early.state).toBe('invalid');
    expect(early.checks.find((c) => c.label === 'iat is not in the future')).toMatchObject({ ok: false, detail: expect.stringContaining('in the future as of') });
    expect((await kb({ now: iat - 60 })).state).toBe('valid');
  });
});
