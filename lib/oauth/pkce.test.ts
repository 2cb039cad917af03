import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeChallengeS256, createCodeVerifier, createNonce, createState, isCodeVerifier, UNRESERVED } from './pkce';

describe('PKCE', () => {
  it('the S256 challenge of RFC 7636 Appendix B', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('the challenge equals base64url(SHA-256) computed by node:crypto', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 43, max: 128 }), async (length) => {
        const verifier = createCodeVerifier(length);
        expect(await codeChallengeS256(verifier)).toBe(createHash('sha256').update(verifier, 'ascii').digest('base64url'));
      }),
      { numRuns: 50 },
    );
  });

  it('verifiers have the asked length, only unreserved characters, and differ each time', () => {
    for (const length of [43, 64, 128]) {
      const verifier = createCodeVerifier(length);
      expect(verifier).toHaveLength(length);
      expect(isCodeVerifier(verifier)).toBe(true);
    }
    expect(createCodeVerifier()).not.toBe(createCodeVerifier());
    expect(() => createCodeVerifier(42)).toThrow(RangeError);
    expect(() => createCodeVerifier(129)).toThrow(RangeError);
  });

  it('every unreserved character turns up, none is far likelier than another', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 200; i++) for (const char of createCodeVerifier(128)) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([...UNRESERVED].sort());
    // 25,600 draws over 66 characters: about 388 each.
    for (const count of counts.values()) expect(count).toBeGreaterThan(250);
  });

  it('state and nonce are 256-bit base64url values, new each time', () => {
    for (const make of [createState, createNonce]) {
      const value = make();
      expect(value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(make()).not.toBe(value);
    }
  });
});
