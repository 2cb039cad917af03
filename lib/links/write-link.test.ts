import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isLinkTooLong, LONG_LINK_WARNING_CHARS, longLinkWarning } from './length';
import { readLink } from './read-link';
import type { LinkState } from './types';
import { writeLink } from './write-link';

const PAGE = 'https://jwt.example.com/app/';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl';
const PEM =
  '-----BEGIN PRIVATE KEY-----\r\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg+/x=\nab+/==\n-----END PRIVATE KEY-----\n';

describe('writeLink', () => {
  it('puts the state in the fragment, in a stable order, skipping empty values', () => {
    const link = writeLink(PAGE, { key: 'k', token: TOKEN, payload: '', mode: 'decode' });
    expect(link).toBe(`${PAGE}#mode=decode&token=${TOKEN}&key=k`);
  });

  it('replaces a fragment already on the page URL and keeps the query', () => {
    expect(writeLink(`${PAGE}?lang=en#old=1`, { token: TOKEN })).toBe(`${PAGE}?lang=en#token=${TOKEN}`);
  });

  it('returns the bare page URL for an empty state', () => {
    expect(writeLink(PAGE, {})).toBe(PAGE);
  });

  it('percent-encodes a PEM so that +, /, = and newlines survive the round trip exactly', () => {
    const link = writeLink(PAGE, { token: TOKEN, key: PEM });
    const fragment = link.slice(link.indexOf('#') + 1);
    // A raw '+' means a space (the PEM's "BEGIN PRIVATE KEY"); the key's own '+' become %2B.
    // No raw '/' or newlines, and '=' only between name and value.
    expect(fragment).not.toMatch(/[/\n\r]/);
    expect(fragment.match(/\+/g)?.length).toBe(PEM.match(/ /g)?.length);
    expect(fragment.split('&').every((pair) => pair.split('=').length === 2)).toBe(true);
    expect(fragment).toContain('%2B');
    expect(fragment).toContain('%2F');
    expect(fragment).toContain('%3D');
    expect(fragment).toContain('%0A');
    expect(readLink(link).state).toEqual({ token: TOKEN, key: PEM });
  });

  it('round-trips the encoder state', () => {
    const state: LinkState = {
      mode: 'encode',
      header: '{\n  "alg": "ES256",\n  "typ": "JWT"\n}',
      payload: '{"name":"Zoë & co","url":"https://a.example/?x=1&y=2#z"}',
      alg: 'ES256',
      signingKey: PEM,
      secretEncoding: 'base64',
    };
    expect(readLink(writeLink(PAGE, state)).state).toEqual(state);
  });

  it('round-trips any strings in every field', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 40 });
    const anyText = fc.oneof(text, fc.string({ unit: fc.constantFrom('+', '/', '=', '&', '#', '%', '?', ' ', '\n', '\r\n', 'a', '%2B', 'é', '😀') }));
    const state = fc.record(
      {
        mode: fc.constantFrom('decode' as const, 'encode' as const),
        token: anyText,
        key: anyText,
        secretEncoding: fc.constantFrom('utf8' as const, 'base64url' as const, 'base64' as const, 'hex' as const),
        header: anyText,
        payload: anyText,
        alg: anyText,
        signingKey: anyText,
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(state, (s) => {
        const expected = Object.fromEntries(Object.entries(s).filter(([, v]) => v !== '' && v !== undefined));
        const link = writeLink(PAGE, s);
        expect(link.startsWith(PAGE)).toBe(true);
        expect(link.slice(PAGE.length)).not.toMatch(/[\s]/);
        const back = readLink(link);
        expect(back.state).toEqual(expected);
        expect(back.queryHadToken).toBe(false);
        // Whatever it holds, a share link of ours is never taken for credentials to clean away.
        expect(back.cleanedUrl).toBeUndefined();
      }),
      { numRuns: 3000 },
    );
  });
});

describe('long links', () => {
  it('warns above 32 KB and not below', () => {
    const short = writeLink(PAGE, { token: TOKEN });
    expect(isLinkTooLong(short)).toBe(false);
    expect(longLinkWarning(short)).toBeNull();
    const long = writeLink(PAGE, { token: `${TOKEN}${'A'.repeat(LONG_LINK_WARNING_CHARS)}` });
    expect(isLinkTooLong(long)).toBe(true);
    expect(longLinkWarning(long)).toContain('33 KB');
    expect(isLinkTooLong('x'.repeat(LONG_LINK_WARNING_CHARS))).toBe(false);
    expect(isLinkTooLong('x'.repeat(LONG_LINK_WARNING_CHARS + 1))).toBe(true);
  });
});

describe('writeLink: the set-up of getting a token', () => {
  it('carries issuer, client ID and scopes, and reads back the same', () => {
    const state = { mode: 'flow' as const, issuer: 'https://op.example/realms/a b', clientId: 'app', scope: 'openid profile' };
    const link = writeLink('https://jwt.example/', state);
    expect(link).toBe('https://jwt.example/#mode=flow&issuer=https%3A%2F%2Fop.example%2Frealms%2Fa+b&clientId=app&scope=openid+profile');
    expect(readLink(link).state).toEqual(state);
  });
});
