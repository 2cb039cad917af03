import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shortened, shortenSecrets } from './shorten';

describe('shortening secrets in the HTTP log', () => {
  it('shortens a token wherever it appears, as is and form-encoded', () => {
    const verifier = 'abc~def.ghi_jkl-mnopqrstuvwxyz0123456789ABCDEFG';
    const body = `code_verifier=${new URLSearchParams({ v: verifier }).toString().slice(2)}&x=1`;
    const out = shortenSecrets(body, [verifier]);
    expect(out).not.toContain('mnopqrstuvwxyz');
    expect(out).toMatch(/^code_verifier=abc%7E…DEFG&x=1$/);
    expect(shortenSecrets('{"access_token":"eyJhbGciOiJIUzI1NiJ9.e30.sig-sig-sig"}', ['eyJhbGciOiJIUzI1NiJ9.e30.sig-sig-sig'])).toBe('{"access_token":"eyJhbG…-sig"}');
  });

  it('leaves short values and other text alone', () => {
    expect(shortenSecrets('state=abc', ['abc'])).toBe('state=abc');
    expect(shortened('short')).toBe('short');
  });

  it('never leaves a secret of 12 characters or more readable', () => {
    fc.assert(
      fc.property(fc.string(), fc.stringMatching(/^[A-Za-z0-9._~-]{12,80}$/), fc.string(), (before, secret, after) => {
        expect(shortenSecrets(`${before}${secret}${after}`, [secret])).not.toContain(secret);
      }),
    );
  });
});
