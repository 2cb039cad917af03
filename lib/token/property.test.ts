import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeBase64url, encodeBase64urlText as b64 } from './base64url';
import { decodeToken } from './decode';
import type { DecodedToken } from './types';

// Thousands of random and mutated inputs: the decoder never throws, and always returns
// either a decoded token or an error that says where it is.

function assertWellFormed(input: string, decoded: DecodedToken): void {
  expect(decoded.raw).toBe(input);
  expect(input.slice(decoded.tokenStart, decoded.tokenStart + decoded.token.length)).toBe(decoded.token);
  if (decoded.error === null) {
    expect(decoded.header).not.toBeNull();
    expect(decoded.kind).not.toBe('unknown');
    expect(decoded.issues.every((i) => i.severity !== 'error')).toBe(true);
  } else {
    expect(decoded.error.severity).toBe('error');
    expect(decoded.error.segment !== undefined || decoded.error.offset !== undefined).toBe(true);
    expect(decoded.error.message).not.toMatch(/^Internal error/);
    expect(decoded.issues).toContain(decoded.error);
  }
  for (const issue of decoded.issues) {
    if (issue.offset !== undefined) {
      expect(issue.offset).toBeGreaterThanOrEqual(0);
      expect(issue.offset + (issue.length ?? 0)).toBeLessThanOrEqual(input.length);
    }
  }
  let previousEnd = decoded.tokenStart - 1;
  for (const segment of decoded.segments) {
    expect(segment.start).toBe(previousEnd + 1); // segments are separated by exactly one dot
    expect(segment.end).toBeGreaterThanOrEqual(segment.start);
    previousEnd = segment.end;
  }
  // An SD-JWT's segments go on past the issuer JWT, up to its last '~' or through its key binding JWT.
  const sdJwt = decoded.sdJwt;
  if (sdJwt !== undefined) expect(input.slice(decoded.tokenStart, decoded.tokenStart + sdJwt.length)).toBe(sdJwt);
  const end = sdJwt === undefined ? decoded.token.length : sdJwt.length - (sdJwt.endsWith('~') ? 1 : 0);
  if (decoded.segments.length > 0) expect(previousEnd).toBe(decoded.tokenStart + end);
}

const claims = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 6 });
const headers = fc.record({ alg: fc.constantFrom('HS256', 'RS256', 'ES256', 'none', 'dir'), typ: fc.constantFrom('JWT', 'at+jwt') }, { requiredKeys: ['alg'] });

const validJws = fc
  .tuple(headers, claims, fc.uint8Array({ maxLength: 64 }))
  .map(([h, p, sig]) => `${b64(JSON.stringify(h))}.${b64(JSON.stringify(p))}.${encodeBase64url(sig)}`);
const validJwe = fc
  .tuple(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ minLength: 1, maxLength: 16 }), fc.uint8Array({ maxLength: 60 }), fc.uint8Array({ minLength: 1, maxLength: 16 }))
  .map(([k, iv, ct, tag]) => [b64('{"alg":"RSA-OAEP","enc":"A128GCM"}'), k, iv, ct, tag].map((x) => (typeof x === 'string' ? x : encodeBase64url(x))).join('.'));

const noise = fc.constantFrom('.', '~', '+', '/', '=', ' ', '\n', '"', "'", '{', '}', '%', 'é', '😀', '\u200b', '\u0000', 'A', '-', '_', '..');

type Mutation = { kind: 'insert' | 'replace' | 'delete'; at: number; text: string };
const mutation: fc.Arbitrary<Mutation> = fc.record({ kind: fc.constantFrom('insert', 'replace', 'delete'), at: fc.nat(), text: noise });

function mutate(token: string, mutations: Mutation[]): string {
  let out = token;
  for (const { kind, at, text } of mutations) {
    const i = at % (out.length + 1);
    if (kind === 'insert') out = out.slice(0, i) + text + out.slice(i);
    else if (kind === 'replace') out = out.slice(0, i) + text + out.slice(i + 1);
    else out = out.slice(0, i) + out.slice(i + 1);
  }
  return out;
}

const wrappers = fc.constantFrom((t: string) => t, (t: string) => ` ${t}\n`, (t: string) => `Bearer ${t}`, (t: string) => `"${t}"`, (t: string) => `Authorization: Bearer ${t}`);

describe('decodeToken never throws and always says where', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom(...'eyJ.AZaz09-_+/= \n"') })), (input) => {
        assertWellFormed(input, decodeToken(input));
      }),
      { numRuns: 3000 },
    );
  }, 60_000);

  it('on valid tokens, which decode without error however they are wrapped', () => {
    fc.assert(
      fc.property(fc.oneof(validJws, validJwe), wrappers, (token, wrap) => {
        const input = wrap(token);
        const decoded = decodeToken(input);
        assertWellFormed(input, decoded);
        expect(decoded.token).toBe(token);
        const errors = decoded.issues.filter((i) => i.severity === 'error');
        expect(errors).toEqual([]);
      }),
      { numRuns: 1500 },
    );
  }, 60_000);

  it('on valid tokens with random insertions, deletions, replacements and extra dots', () => {
    fc.assert(
      fc.property(fc.oneof(validJws, validJwe), fc.array(mutation, { minLength: 1, maxLength: 4 }), wrappers, (token, mutations, wrap) => {
        const input = wrap(mutate(token, mutations));
        assertWellFormed(input, decodeToken(input));
      }),
      { numRuns: 4000 },
    );
  }, 60_000);

  it('on segments whose decoded bytes are random', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 6 }), (parts) => {
        const input = parts.map(encodeBase64url).join('.');
        assertWellFormed(input, decodeToken(input));
      }),
      { numRuns: 2000 },
    );
  }, 60_000);
});
