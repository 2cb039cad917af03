// Random valid tokens in random text are found, all of them and nothing else.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findTokens } from './index';
import { jweArb, jwsArb, pasteArb, sdJwtArb, tokenArb } from './test-tokens';

describe('tokens in random text', () => {
  it('finds exactly the tokens that were put in, each at its place', () => {
    fc.assert(
      fc.property(pasteArb, ({ text, tokens }) => {
        const found = findTokens(text);
        expect(found.map((t) => t.token).sort()).toEqual([...new Set(tokens)].sort());
        for (const token of found) {
          expect(token.truncated).toBeUndefined();
          for (const place of token.places) expect(text.slice(place.start, place.end)).toBe(token.token);
        }
        // Every occurrence is a place of its token.
        const occurrences = tokens.length;
        expect(found.reduce((n, t) => n + t.places.length, 0)).toBe(occurrences);
      }),
      { numRuns: 300 },
    );
  });

  it('classifies each kind', () => {
    fc.assert(
      fc.property(fc.oneof(jwsArb.map((t) => [t, 'jws']), jweArb.map((t) => [t, 'jwe']), sdJwtArb.map((t) => [t, 'sd-jwt'])), ([token, kind]) => {
        expect(findTokens(` ${token} `).map((t) => t.kind)).toEqual([kind]);
      }),
      { numRuns: 200 },
    );
  });

  it('a token glued to base64url characters is a different string, and is not reported', () => {
    fc.assert(
      fc.property(jwsArb, fc.constantFrom('a', 'Z', '0', '-', '_'), (token, glue) => {
        expect(findTokens(`x ${glue}${token} y`)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });

  it('a token cut anywhere after its header is reported as cut, with its header', () => {
    fc.assert(
      fc.property(jwsArb, fc.nat(), (token, n) => {
        const dot = token.indexOf('.');
        const lastDot = token.lastIndexOf('.');
        // Cut within the payload or the signature, leaving at least one character out.
        const cut = dot + 1 + (n % (token.length - dot - 1));
        const text = token.slice(0, cut);
        const found = findTokens(`log: ${text}`);
        const alg = JSON.parse(atob(token.slice(0, dot).replace(/-/g, '+').replace(/_/g, '/'))) as { alg: string };
        if (alg.alg === 'none' && cut === lastDot + 1) return; // that is a whole unsecured JWS
        // An RSA signature cut at a length a whole one can have cannot be told from one.
        const rsaBytes = Math.floor(((cut - lastDot - 1) * 3) / 4);
        if (/^(RS|PS)/.test(alg.alg) && cut > lastDot && rsaBytes >= 128 && rsaBytes % 32 === 0) return;
        expect(found).toHaveLength(1);
        expect(found[0]!.header.alg).toBe(alg.alg);
        expect(found[0]!.truncated?.offset).toBe(text.length);
        expect(['payload', 'signature']).toContain(found[0]!.truncated?.part);
        if (cut > lastDot) expect(found[0]!.truncated?.part).toBe('signature');
      }),
      { numRuns: 200 },
    );
  });
});

describe('any text', () => {
  const shapes = ['curl ', "curl -H '", 'curl $\'', 'GET /?a=b HTTP/1.1\n', 'HTTP/1.1 302 Found\nLocation: ', 'Cookie: ', 'Set-Cookie: ',
    'Authorization: Basic ', 'Authorization: Bearer ', 'https://a/?', 'https://a/#', '{"log":{"entries":[{"request":', '{"payload":', '{"ciphertext":', '#', '?', ''];
  const pieces = fc.oneof(
    fc.constantFrom(...shapes),
    fc.string({ unit: fc.constantFrom('"', "'", '%', '\\', '$', '=', '&', ';', '#', '?', '~', '.', '{', '}', '[', ']', ':', ',', '\n', ' ', 'e', 'y', 'J', '+', '/', '\ufeff', '\u0001') }),
    fc.string({ unit: 'grapheme' }),
    tokenArb,
    tokenArb.map(encodeURIComponent),
    fc.json(),
  );

  it('is read without an exception, and every token reported is one', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        for (const found of findTokens(text)) {
          expect(found.places.length).toBeGreaterThan(0);
          expect(found.token.length).toBeGreaterThan(0);
          if (found.kind === 'jws' || found.kind === 'jwe' || found.kind === 'sd-jwt') expect(found.token).toMatch(/^[A-Za-z0-9_\-.~]+$/);
          for (const place of found.places) {
            expect(place.start).toBeGreaterThanOrEqual(0);
            expect(place.end).toBeLessThanOrEqual(text.length);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
